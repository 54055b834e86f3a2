// Resource and field names of satisfaction surveys, their results and interviews (issue 10, DOMAIN.md §9).
// Registered in i18n/zh.ts's resourcesZh; also the Excel headers.
export const surveysZh = {
  surveys: {
    name: '满意度测评 |||| 满意度测评',
    fields: { id: 'ID', title: '测评名称', scope: '测评范围', kind: '类型', regionCode: '区划', regionName: '区划', projectId: '项目', projectName: '项目', interviewId: '约谈', dimensions: '测评维度', opensOn: '开始日期', closesOn: '截止日期', status: '状态', closedAt: '结束时间', projectCount: '项目数', warningCount: '预警项目数', createdAt: '发起时间' },
  },
  'survey-results': {
    name: '测评结果 |||| 测评结果',
    fields: { id: 'ID', surveyId: '测评', surveyTitle: '测评名称', surveyKind: '类型', surveyStatus: '测评状态', projectId: '项目', companyId: '物业服务企业', companyName: '物业服务企业', compoundId: '小区', compoundName: '小区', regionCode: '所属社区', occupiedHomes: '入住户数', responses: '答卷数', valid: '有效答卷', satisfied: '满意户数', rateBasisPoints: '满意度', sampleValid: '样本有效性', warning: '预警', dimensionSatisfied: '各维度满意户数', computedAt: '计算时间', interviewId: '约谈' },
  },
  interviews: {
    name: '约谈 |||| 约谈',
    fields: { id: 'ID', surveyId: '测评', surveyTitle: '测评名称', projectId: '项目', companyId: '物业服务企业', companyName: '物业服务企业', compoundId: '小区', compoundName: '小区', regionCode: '所属社区', managerName: '项目负责人', rateBasisPoints: '测评满意度', scheduledAt: '约谈时间', location: '约谈地点', attendees: '参加人员', rectificationItems: '整改事项', deadline: '整改期限', minutes: '约谈纪要', status: '状态', heldAt: '约谈记录时间', resurveyId: '复测', createdAt: '生成时间' },
  },
};
