// Chinese names of the inspection resources and their fields (merged into admin/src/i18n/zh.ts).
export const inspectionsZh = {
  'inspection-checklist-items': {
    name: '检查条目 |||| 检查条目',
    fields: {
      id: 'ID', code: '代码', category: '类别', text: '检查内容', severity: '隐患等级', onSpot: '须当场改正', fireLane: '涉及消防车通道',
      sourceDocument: '依据文件', sortOrder: '排序', active: '启用', updatedAt: '更新时间', q: '搜索',
    },
  },
  inspections: {
    name: '检查巡查 |||| 检查巡查',
    fields: {
      id: 'ID', kind: '类型', projectId: '项目', compoundId: '小区', compoundName: '小区', companyId: '物业企业', companyName: '物业企业', regionCode: '所在地区',
      districtCode: '区县', inspectorId: '检查人', inspectorName: '检查人', inspectedAt: '检查时间', lat: '纬度', lng: '经度', note: '备注',
      failedCount: '不合格项', openHazards: '未销号隐患', results: '检查结果', createdAt: '录入时间', failed: '有不合格项', q: '搜索',
    },
  },
  hazards: {
    name: '隐患 |||| 隐患',
    fields: {
      id: 'ID', inspectionId: '检查记录', kind: '来源', itemId: '检查条目', projectId: '项目', compoundId: '小区', compoundName: '小区', companyId: '物业企业',
      companyName: '物业企业', regionCode: '所在地区', districtCode: '区县', category: '类别', description: '隐患描述', severity: '隐患等级', onSpot: '须当场改正',
      fireLane: '消防车通道', status: '状态', overdue: '已逾期', foundAt: '发现时间', foundByName: '发现人', deadlineAt: '整改期限', photos: '现场照片',
      rectificationPhotos: '整改照片', rectificationNote: '整改说明', rectifiedAt: '整改时间', rectifiedBy: '整改人', closedAt: '销号时间', reportedAt: '上报时间',
      reportedTo: '上报至', reportReason: '上报原因', fireBrigadeFlag: '通报消防救援机构', events: '处理经过', createdAt: '创建时间', reported: '已上报', q: '搜索',
    },
  },
};
