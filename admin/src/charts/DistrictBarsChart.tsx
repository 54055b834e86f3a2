import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { chartsLocaleZh } from './locale';
import type { DistrictBarsProps } from './types';

/** The heavy part of DistrictBars; loaded lazily (see index.tsx). */
const DistrictBarsChart = ({ rows, valueLabel, target, targetLabel, height = 300, format }: DistrictBarsProps) => (
  <BarChart
    height={height}
    localeText={chartsLocaleZh}
    xAxis={[{ scaleType: 'band', data: rows.map((r) => r.name) }]}
    series={[
      {
        data: rows.map((r) => r.value),
        label: valueLabel,
        valueFormatter: (v: number | null) => (v == null ? '' : format ? format(v) : v.toLocaleString('zh-CN')),
      },
    ]}
  >
    {target != null && <ChartsReferenceLine y={target} label={targetLabel ?? ''} lineStyle={{ stroke: '#d32f2f', strokeDasharray: '6 4' }} labelAlign="end" />}
  </BarChart>
);

export default DistrictBarsChart;
