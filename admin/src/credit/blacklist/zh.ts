// Resource and field names of the blacklist and filings (issue 10); also the Excel column headers.
// Registered in i18n/zh.ts's resourcesZh.
export const blacklistZh = {
  blacklist: {
    name: '黑名单 |||| 黑名单',
    fields: {
      id: 'ID', companyId: '物业企业', companyName: '物业企业', creditCode: '统一社会信用代码', regionCode: '列入机关辖区', authorityName: '列入机关辖区',
      reason: '列入事由', document: '文件文号', listedOn: '列入日期', facts: '违法违规事实', evidence: '证据材料', state: '状态',
      removedOn: '移出日期', removalReason: '移出理由', removalDocument: '移出文件文号', compoundCount: '在管小区数', createdAt: '登记时间',
    },
  },
  filings: {
    name: '备案 |||| 备案',
    fields: {
      id: 'ID', projectId: '项目', projectName: '项目（小区）', companyId: '物业企业', companyName: '物业企业', regionCode: '所在地区', kind: '备案类别', status: '状态',
      documentNo: '合同编号/证书编号', managerName: '项目经理', validFrom: '有效期起', validUntil: '有效期止', documents: '备案材料', note: '说明',
      filingNo: '备案编号', returnReason: '退回理由', reviewedAt: '审核时间', createdAt: '提交时间',
    },
  },
  'filing-standings': {
    name: '备案预警 |||| 备案预警',
    fields: {
      id: '项目ID', compoundName: '项目（小区）', companyId: '物业企业', companyName: '物业企业', regionCode: '所在地区', managerName: '项目经理', gap: '只看缺失或过期',
      contractStanding: '合同备案', contractValidUntil: '合同备案有效期止', managerStanding: '项目经理备案', managerValidUntil: '项目经理备案有效期止',
    },
  },
  'credit-overview': { name: '本企业信用与监管 |||| 本企业信用与监管', fields: {} },
};
