// Resource and field names of the management-area half of renewal (issue 11): merge, quasi-property
// enrolment and assessment, subsidy batches and their use, renovations. Also the Excel headers.
// Registered in i18n/zh.ts's resourcesZh.
export const renewalAreasZh = {
  'quasi-standard-items': {
    name: '“三个有”标准 |||| “三个有”标准',
    fields: { id: 'ID', text: '标准条目', sortOrder: '排序', active: '启用', updatedAt: '更新时间' },
  },
  'quasi-enrolments': {
    name: '准物业备案 |||| 准物业备案',
    fields: { id: 'ID', compoundId: '小区', compoundName: '小区', regionCode: '所属社区', companyId: '准物业服务企业', companyName: '准物业服务企业', startDate: '开始日期', endDate: '结束日期', note: '备注', createdAt: '登记时间' },
  },
  'quasi-assessments': {
    name: '准物业年度考核 |||| 准物业年度考核',
    fields: { id: 'ID', enrolmentId: '准物业备案', compoundId: '小区', compoundName: '小区', companyName: '准物业服务企业', regionCode: '所属社区', year: '考核年度', result: '考核结论', items: '考核条目', note: '考核意见', assessedBy: '考核人', createdAt: '考核时间' },
  },
  'subsidy-batches': {
    name: '准物业补贴批次 |||| 准物业补贴批次',
    fields: { id: 'ID', regionCode: '区县', districtName: '区县', year: '补贴年度', status: '状态', lineCount: '小区数', totalFen: '补贴金额（元）', cityFen: '市级承担（元）', districtFen: '区级承担（元）', districtApprovedAt: '区级审核时间', cityApprovedAt: '市级审核时间', paidAt: '拨付时间', createdAt: '编制时间' },
  },
  'subsidy-lines': {
    name: '补贴明细 |||| 补贴明细',
    fields: { id: 'ID', batchId: '补贴批次', compoundId: '小区', compoundName: '小区', companyId: '准物业服务企业', companyName: '准物业服务企业', regionCode: '所属社区', areaCenti: '面积（㎡）', enrolmentYear: '准物业第几年', months: '服务月数', rateFen: '补贴标准（元/㎡·月）', totalFen: '补贴金额（元）', cityFen: '市级承担（元）', districtFen: '区级承担（元）', usedFen: '已登记使用（元）', batchStatus: '批次状态' },
  },
  'subsidy-usages': {
    name: '补贴使用记录 |||| 补贴使用记录',
    fields: { id: 'ID', lineId: '补贴明细', compoundId: '小区', compoundName: '小区', category: '用途', amountFen: '金额（元）', spentOn: '使用日期', note: '说明', createdAt: '登记时间' },
  },
  renovations: {
    name: '老旧小区改造 |||| 老旧小区改造',
    fields: { id: 'ID', compoundId: '小区', compoundName: '小区', regionCode: '所属社区', title: '项目名称', items: '改造内容', budgetFen: '预算（元）', plannedStart: '计划开工', plannedEnd: '计划完工', serviceStandard: '改造后服务标准', feeFenPerSqmMonth: '改造后物业费（分/㎡·月）', status: '状态', voteId: '业主表决', voteOutcome: '业主决定', contractRef: '服务合同编号', progressPercent: '进度（%）', progressNote: '进度说明', acceptedOn: '验收日期', acceptanceNote: '验收意见', createdAt: '创建时间', updatedAt: '更新时间' },
  },
};
