/** @mui/x-charts ships no Chinese locale; the texts a chart can show on its own. */
export const chartsLocaleZh = { noData: '暂无数据', loading: '加载中…' };
