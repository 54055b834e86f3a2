export const kpiZh = {
  'kpi-targets': {
    name: '年度目标 |||| 年度目标',
    fields: { id: 'ID', year: '年度', indicator: '指标', value: '目标值', document: '设定目标的文件', createdAt: '录入时间', updatedAt: '修改时间' },
  },
  'kpi-dashboard': {
    name: '年度目标看板 |||| 年度目标看板',
    fields: {},
  },
};
