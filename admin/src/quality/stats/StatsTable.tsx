import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { COST_ITEMS, COST_ITEM_LABELS, formatFenAsYuan, type CostItem } from '@baotou/shared';

export const NO_DATA = '暂无数据';

/** One group of the statistics, as both the console and the public endpoint give it. */
export type StatsGroup = {
  key: string;
  name: string;
  projects: number;
  atLevel2OrAbove: number;
  upgraded?: number;
  awards?: number;
  fee: { count: number; minFen: number; medianFen: number; maxFen: number } | null;
  collectionRate: null | { num: number; den: number };
  satisfaction: null | { num: number; den: number };
  costComposition: { totalFen: number; sharesBp: Record<CostItem, number> } | null;
};

const pct = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
const share = (s: StatsGroup['collectionRate']) => (s && s.den ? `${s.num} / ${s.den}` : NO_DATA);

/** Fee per m² (median and range), collection rate and satisfaction (暂无数据 until they exist), cost composition. */
export const StatsTable = ({ groups, total, showProgress = false }: { groups: StatsGroup[]; total: StatsGroup; showProgress?: boolean }) => (
  <Table size="small" data-testid="quality-stats-table">
    <TableHead>
      <TableRow>
        <TableCell>分组</TableCell>
        <TableCell>项目数</TableCell>
        <TableCell>二级以上</TableCell>
        {showProgress && <TableCell>提档升级达标</TableCell>}
        {showProgress && <TableCell>优秀示范</TableCell>}
        <TableCell>物业费中位数（元/㎡·月）</TableCell>
        <TableCell>物业费区间</TableCell>
        <TableCell>收缴率</TableCell>
        <TableCell>满意度</TableCell>
        <TableCell>成本构成</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {[...groups, total].map((g) => (
        <TableRow key={g.key} data-testid={`stats-row-${g.key}`}>
          <TableCell>{g.name}</TableCell>
          <TableCell>{g.projects}</TableCell>
          <TableCell data-testid={`level2-${g.key}`}>{g.atLevel2OrAbove}</TableCell>
          {showProgress && <TableCell data-testid={`upgraded-${g.key}`}>{g.upgraded ?? 0}</TableCell>}
          {showProgress && <TableCell>{g.awards ?? 0}</TableCell>}
          <TableCell>{g.fee ? formatFenAsYuan(g.fee.medianFen) : NO_DATA}</TableCell>
          <TableCell>{g.fee ? `${formatFenAsYuan(g.fee.minFen)}–${formatFenAsYuan(g.fee.maxFen)}` : NO_DATA}</TableCell>
          <TableCell>{share(g.collectionRate)}</TableCell>
          <TableCell>{share(g.satisfaction)}</TableCell>
          <TableCell sx={{ fontSize: 12 }}>
            {g.costComposition
              ? `合计 ${formatFenAsYuan(g.costComposition.totalFen)} 元：` +
                COST_ITEMS.filter((k) => g.costComposition!.sharesBp[k] > 0)
                  .map((k) => `${COST_ITEM_LABELS[k]} ${pct(g.costComposition!.sharesBp[k])}`)
                  .join('；')
              : NO_DATA}
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
