import { LineChart } from '@mui/x-charts/LineChart';
import { chartsLocaleZh } from './locale';
import type { TrendLineProps } from './types';

/** The heavy part of TrendLine; loaded lazily (see index.tsx). */
const TrendLineChart = ({ points, valueLabel, height = 300, format }: TrendLineProps) => (
  <LineChart
    height={height}
    localeText={chartsLocaleZh}
    xAxis={[{ scaleType: 'point', data: points.map((p) => `${p.year}年`) }]}
    series={[
      {
        data: points.map((p) => p.value),
        label: valueLabel,
        valueFormatter: (v: number | null) => (v == null ? '' : format ? format(v) : v.toLocaleString('zh-CN')),
      },
    ]}
  />
);

export default TrendLineChart;
