import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Link, Title, useNotify } from 'react-admin';
import { formatPartyShare, type PartyShare, type PartyStatsRow, type PartyTrendYear } from '@baotou/shared';
import { getJson } from '../api';
import { downloadXlsx } from '../../common/xlsxDownload';
import { exportFileName } from '../../common/exportFileName';

/** A figure's rows in the console (server/src/party/dashboardFacts.ts): the figure equals their count. */
type Drill = { resource: string; filter: Record<string, unknown> };
type Drills = Record<
  'companiesWithOrg' | 'membersOfStaff' | 'committeesWithMembers' | 'committeesWithCrossAppointments' | 'redProjects',
  { num: Drill; den?: Drill; sum?: true }
>;
type Row = PartyStatsRow & { name: string | null; drills: Drills };
type Stats = {
  groupBy: 'district' | 'street';
  committeeBasis: 'committees';
  rows: Row[];
  total: Row;
  trend: PartyTrendYear[];
  companies: { id: number; name: string; hasOrg: boolean; members: number; staffCount: number | null; membersOfStaff: string }[];
};

const listLink = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
const drillLink = (d: Drill) => listLink(d.resource, d.filter);
/** "num / den（pct）": the numerator and, where it counts rows, the denominator each link to their rows. */
const ShareCell = ({ s, drill, testId }: { s: PartyShare; drill: { num: Drill; den?: Drill; sum?: true }; testId?: string }) => (
  <TableCell data-testid={testId}>
    <Link to={drillLink(drill.num)} title={drill.sum ? '查看计入的企业' : undefined}>
      {s.num}
    </Link>
    {' / '}
    {drill.den ? <Link to={drillLink(drill.den)}>{s.den}</Link> : s.den}
    {`（${formatPartyShare(s)}）`}
  </TableCell>
);
const Bar = ({ value, max }: { value: number; max: number }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
    <Box sx={{ height: 10, width: `${max ? Math.max(2, Math.round((value * 160) / max)) : 2}px`, bgcolor: '#c62828', borderRadius: 1 }} />
    <span>{value}</span>
  </Box>
);

const pctRow = (r: Row) => ({
  code: r.code,
  name: r.name ?? r.code,
  companies: r.companiesWithOrg.den,
  companiesWithOrg: r.companiesWithOrg.num,
  companiesWithOrgShare: formatPartyShare(r.companiesWithOrg),
  members: r.membersOfStaff.num,
  staff: r.membersOfStaff.den,
  membersOfStaffShare: formatPartyShare(r.membersOfStaff),
  committees: r.committeesWithMembers.den,
  committeesWithMembers: r.committeesWithMembers.num,
  committeesWithMembersShare: formatPartyShare(r.committeesWithMembers),
  committeesWithCross: r.committeesWithCrossAppointments.num,
  committeesWithCrossShare: formatPartyShare(r.committeesWithCrossAppointments),
  redProjects: r.redProjects,
});

/**
 * 红色物业 figures by district or street (action plan 四(一)): party organisation coverage of
 * property companies, members as a share of staff, owners' committees with party members and with
 * cross-appointments, demonstration projects; the yearly trend; each figure links to its rows.
 */
export const PartyDashboard = () => {
  const [groupBy, setGroupBy] = useState<'district' | 'street'>('district');
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotify();

  useEffect(() => {
    let live = true;
    setStats(null);
    getJson<Stats>(`/party/stats?groupBy=${groupBy}`).then(
      (s) => live && setStats(s),
      (e) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [groupBy]);

  const exportXlsx = async () => {
    if (!stats) return;
    const headers = [
      '区划代码',
      '地区',
      '物业企业数',
      '建立党组织的企业',
      '企业党组织覆盖率',
      '企业党员数',
      '企业职工数',
      '党员占职工比例',
      '小区（业委会）数',
      '有党员的业委会',
      '业委会党员覆盖率',
      '有交叉任职的业委会',
      '交叉任职覆盖率',
      '红色物业示范项目',
    ];
    const rows = [...stats.rows, { ...stats.total, name: `合计：${stats.total.name ?? ''}` }].map((r) => Object.values(pctRow(r)));
    await downloadXlsx(exportFileName('红色物业统计'), [
      { name: groupBy === 'district' ? '按区' : '按街道', rows: [headers, ...rows] },
      {
        name: '年度趋势',
        rows: [
          ['年度', '新建党组织', '党组织累计', '新发展/转入党员', '党员累计', '示范项目', '新增交叉任职'],
          ...stats.trend.map((t) => [t.year, t.orgsFounded, t.orgsTotal, t.membersJoined, t.membersTotal, t.redProjects, t.crossAppointmentsStarted]),
        ],
      },
      {
        name: '企业明细',
        rows: [
          ['企业', '已建党组织', '党员数', '职工数', '党员占比'],
          ...stats.companies.map((c) => [c.name, c.hasOrg ? '是' : '否', c.members, c.staffCount ?? '', c.membersOfStaff]),
        ],
      },
    ]);
    notify('已导出', { type: 'info' });
  };

  const maxMembers = Math.max(0, ...(stats?.trend.map((t) => t.membersJoined) ?? []));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="红色物业统计" />
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <ToggleButtonGroup exclusive size="small" value={groupBy} onChange={(_e, v) => v && setGroupBy(v)}>
          <ToggleButton value="district">按区（旗、县）</ToggleButton>
          <ToggleButton value="street">按街道（镇）</ToggleButton>
        </ToggleButtonGroup>
        <Button startIcon={<DownloadIcon />} onClick={exportXlsx} disabled={!stats}>
          导出 Excel
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {!stats && !error && <LinearProgress />}
      {stats && (
        <>
          <Card>
            <CardContent>
              <Table size="small" data-testid="party-stats">
                <TableHead>
                  <TableRow>
                    <TableCell>地区</TableCell>
                    <TableCell>企业党组织覆盖</TableCell>
                    <TableCell>党员 / 企业职工</TableCell>
                    <TableCell>有党员的业委会</TableCell>
                    <TableCell>有交叉任职的业委会</TableCell>
                    <TableCell>示范项目</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[...stats.rows, stats.total].map((r, i) => {
                    const total = i === stats.rows.length;
                    const region = total ? {} : { regionCode: r.code };
                    return (
                      <TableRow
                        key={`${r.code}-${i}`}
                        sx={total ? { '& td': { fontWeight: 700 } } : undefined}
                        data-testid={total ? 'party-stats-total' : `party-stats-${r.code}`}
                      >
                        <TableCell>{total ? `合计（${r.name ?? r.code}）` : <Link to={listLink('party-orgs', region)}>{r.name ?? r.code}</Link>}</TableCell>
                        <ShareCell s={r.companiesWithOrg} drill={r.drills.companiesWithOrg} />
                        <ShareCell s={r.membersOfStaff} drill={r.drills.membersOfStaff} testId={total ? 'total-members' : undefined} />
                        <ShareCell s={r.committeesWithMembers} drill={r.drills.committeesWithMembers} />
                        <ShareCell
                          s={r.committeesWithCrossAppointments}
                          drill={r.drills.committeesWithCrossAppointments}
                          testId={total ? 'total-cross' : undefined}
                        />
                        <TableCell>
                          <Link to={drillLink(r.drills.redProjects.num)}>{r.redProjects}</Link>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                企业按其服务项目所在地区计入（服务多个地区的企业在各地区均计入，合计中只计一次）；党员占比只计已登记职工人数的企业。
                业委会按业主委员会登记库中在任的业主委员会、物业管理委员会计：“有党员”指其成员中有党员、登记有担任其成员的党员或设有业委会党组织，“有交叉任职”指其成员登记了交叉任职或党建登记库中有该小区在任的交叉任职。点击数字可查看对应的业委会、企业或党员。
              </Typography>
            </CardContent>
          </Card>

          <Card sx={{ mt: 2 }}>
            <CardContent>
              <Typography variant="h6">年度趋势</Typography>
              <Table size="small" data-testid="party-trend">
                <TableHead>
                  <TableRow>
                    <TableCell>年度</TableCell>
                    <TableCell>新建党组织</TableCell>
                    <TableCell>党组织累计</TableCell>
                    <TableCell>新入党党员</TableCell>
                    <TableCell>党员累计</TableCell>
                    <TableCell>示范项目</TableCell>
                    <TableCell>新增交叉任职</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {stats.trend.map((t) => (
                    <TableRow key={t.year}>
                      <TableCell>{t.year}</TableCell>
                      <TableCell>
                        <Link to={listLink('party-orgs', { foundedYear: t.year })}>{t.orgsFounded}</Link>
                      </TableCell>
                      <TableCell>{t.orgsTotal}</TableCell>
                      <TableCell>
                        <Link to={listLink('party-members', { joinedYear: t.year })}>
                          <Bar value={t.membersJoined} max={maxMembers} />
                        </Link>
                      </TableCell>
                      <TableCell>{t.membersTotal}</TableCell>
                      <TableCell>
                        <Link to={listLink('red-projects', { year: t.year })}>{t.redProjects}</Link>
                      </TableCell>
                      <TableCell>
                        <Link to={listLink('cross-appointments', { startYear: t.year })}>{t.crossAppointmentsStarted}</Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>

          <Card sx={{ mt: 2 }}>
            <CardContent>
              <Typography variant="h6">企业明细</Typography>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>企业</TableCell>
                    <TableCell>已建党组织</TableCell>
                    <TableCell>党员 / 职工</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {stats.companies.map((c) => (
                    <TableRow key={c.id}>
                      <TableCell>
                        <Link to={`/companies/${c.id}/show`}>{c.name}</Link>
                      </TableCell>
                      <TableCell>{c.hasOrg ? <Link to={listLink('party-orgs', { companyId: c.id })}>是</Link> : '否'}</TableCell>
                      <TableCell>
                        <Link to={listLink('party-members', { employerCompanyId: c.id })}>
                          {c.members} / {c.staffCount ?? '未登记'}（{c.membersOfStaff}）
                        </Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
