import { ScatterChart } from '@mui/x-charts/ScatterChart';
import { chartsLocaleZh } from '../../charts/locale';
import type { CompoundMapProps } from './CompoundMap';

/**
 * The heavy part of CompoundMap (loaded lazily): compounds as points at their longitude and
 * latitude — no tile server is reachable, so no base map — one series per colour group.
 */
const CompoundMapChart = ({ groups, height = 420 }: CompoundMapProps) => (
  <ScatterChart
    height={height}
    localeText={chartsLocaleZh}
    xAxis={[{ label: '经度', valueFormatter: (v: number) => `${v.toFixed(2)}°E` }]}
    yAxis={[{ label: '纬度', valueFormatter: (v: number) => `${v.toFixed(2)}°N` }]}
    series={groups.map((g) => ({
      id: g.key,
      label: `${g.label}（${g.points.length}）`,
      color: g.colour,
      markerSize: 5,
      data: g.points.map((p) => ({ id: p.id, x: p.lng, y: p.lat })),
      valueFormatter: (v: { id?: string | number } | null) => (v ? (g.points.find((p) => p.id === v.id)?.name ?? '') : ''),
    }))}
  />
);

export default CompoundMapChart;
