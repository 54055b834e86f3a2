import { COST_ITEM_LABELS } from '@baotou/shared';

// Resource and field names of the service-level half of issue 12; also the Excel column headers.
// Registered in i18n/zh.ts's resourcesZh.
const costFields = Object.fromEntries(Object.entries(COST_ITEM_LABELS).map(([k, v]) => [k, `${v}（分）`])) as Record<keyof typeof COST_ITEM_LABELS, string>;

export const qualityLevelsZh = {
  'service-levels': {
    name: '服务等级 |||| 服务等级',
    fields: { id: 'ID', scale: '等级体系', code: '代码', order: '次序（1为最高）', name: '名称', items: '要求条目', itemCount: '要求条目数', 'items.category': '类别', 'items.text': '要求内容', sourceDocument: '依据文件', placeholder: '占位（待补原文）', createdAt: '登记时间' },
  },
  'level-assessments': {
    name: '等级评定 |||| 等级评定',
    fields: {
      id: 'ID', projectId: '项目', projectName: '项目（小区）', companyId: '物业企业', companyName: '物业企业', regionCode: '所在地区', levelId: '申请等级', levelName: '申请等级', scale: '等级体系',
      status: '状态', evidence: '证明材料', applicationNote: '申请说明', results: '逐项评定', decisionNote: '评定意见', decidedOn: '评定日期', createdAt: '申请时间',
    },
  },
  'upgrade-plans': {
    name: '提档升级计划 |||| 提档升级计划',
    fields: {
      id: 'ID', regionCode: '区县', regionName: '区县', year: '年度', measures: '主要措施', deadline: '完成期限', status: '状态', approvedOn: '批准日期', items: '项目清单',
      'items.projectId': '项目', 'items.targetLevelId': '目标等级', itemCount: '项目数', upgradedCount: '已达标', createdAt: '编制时间',
    },
  },
  'upgrade-plan-items': {
    name: '提档升级项目 |||| 提档升级项目',
    fields: { id: 'ID', planId: '计划', planYear: '计划年度', projectId: '项目', projectName: '项目（小区）', companyName: '物业企业', regionCode: '所在地区', currentLevelId: '原等级', targetLevelId: '目标等级', upgradedOn: '达标日期', awarded: '已获评优', recommended: '推荐评优', upgraded: '已达标' },
  },
  awards: {
    name: '优秀示范项目 |||| 优秀示范项目',
    fields: { id: 'ID', projectId: '项目', projectName: '项目（小区）', companyName: '物业企业', regionCode: '所在地区', kind: '类别', year: '年度', document: '文件', rewardFen: '奖励金额（分）', rewardPaidOn: '奖励发放日期', createdAt: '登记时间' },
  },
  'fee-guidance': {
    name: '收费指导价 |||| 收费指导价',
    fields: { id: 'ID', levelId: '服务等级', levelName: '服务等级', propertyType: '物业类型', minFen: '下限（分/㎡·月）', maxFen: '上限（分/㎡·月）', sourceDocument: '依据文件', effectiveFrom: '生效日期', effectiveUntil: '失效日期', current: '现行有效', createdAt: '登记时间' },
  },
  'cost-reports': {
    name: '成本构成报告 |||| 成本构成报告',
    fields: { id: 'ID', companyId: '物业企业', companyName: '物业企业', regionCode: '所在地区', year: '年度', ...costFields, totalFen: '合计（分）', createdAt: '填报时间' },
  },
  'quality-stats': {
    name: '服务质量统计 |||| 服务质量统计',
    fields: {},
  },
} as const;
