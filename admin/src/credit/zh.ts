// Resource and field names of credit items, objections, yearly ratings and live scores (issue 10,
// S3); also the Excel column headers. Registered in i18n/zh.ts's resourcesZh.
export const creditZh = {
  'credit-items': {
    name: '信用事项 |||| 信用事项',
    fields: {
      id: 'ID', companyId: '物业企业', companyName: '物业企业', projectId: '项目', projectName: '项目（小区）', regionCode: '所在地区',
      type: '事项类型', typeLabel: '事项类型', category: '类别', pointsTenths: '分值', points: '分值（分）', rule: '平台规则记录',
      authority: '认定机关', document: '文书编号', note: '事项说明', evidence: '证明材料', occurredOn: '发生日期',
      validFrom: '有效期起', validUntil: '有效期止', publicUntil: '公示截止', status: '记录状态', state: '状态', createdAt: '记录时间', updatedAt: '更新时间', q: '搜索',
    },
  },
  'credit-objections': {
    name: '信用异议 |||| 信用异议',
    fields: {
      id: 'ID', itemId: '信用事项', companyId: '物业企业', companyName: '物业企业', itemType: '事项类型', itemTypeLabel: '事项类型', itemDocument: '文书编号',
      regionCode: '所在地区', reason: '异议理由', evidence: '证明材料', status: '状态', dueOn: '答复期限', overdue: '已逾期未答复', answer: '答复意见',
      pointsBefore: '原分值', pointsAfter: '答复后分值', answeredAt: '答复时间', createdAt: '提出时间', q: '搜索',
    },
  },
  'credit-ratings': {
    name: '年度信用评价 |||| 年度信用评价',
    fields: {
      id: 'ID', companyId: '物业企业', companyName: '物业企业', creditCode: '统一社会信用代码', year: '年度', scoreTenths: '总分', grade: '信用等级',
      baseTenths: '基础分', goodTenths: '良好行为加分', badTenths: '不良行为扣分', itemCount: '计分事项数', items: '计分事项', regionCode: '企业注册地', publishedAt: '发布时间', q: '搜索',
    },
  },
  'credit-scores': {
    name: '实时信用分 |||| 实时信用分',
    fields: {
      id: '企业ID', companyName: '物业企业', creditCode: '统一社会信用代码', regionCode: '企业注册地', asOf: '计算日期', scoreTenths: '总分', grade: '信用等级',
      baseTenths: '基础分', goodTenths: '良好行为加分', badTenths: '不良行为扣分', blacklisted: '黑名单', computedAt: '计算时间', q: '搜索',
    },
  },
};
