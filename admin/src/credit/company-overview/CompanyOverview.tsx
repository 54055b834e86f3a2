import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { Title, useDataProvider } from 'react-admin';
import { Link } from 'react-router-dom';
import { getUser } from '../../auth/session';
import { httpClient } from '../../dataProvider';

type Grade = { name: string; grade: string | null; scoreTenths: number | null; year: number | null; blacklisted: boolean };

/** What a company staff member keeps an eye on: each with its count and a link to the list (its own rows only, by the server's scope). */
const SECTIONS: { resource: string; title: string; filter: Record<string, unknown>; hint: string }[] = [
  { resource: 'credit-items', title: '本企业信用记录', filter: {}, hint: '良好与不良信用记录，公示期内可提出异议' },
  { resource: 'credit-objections', title: '信用异议', filter: {}, hint: '已提出的异议及主管部门的答复' },
  { resource: 'hazards', title: '检查发现的隐患', filter: {}, hint: '按期整改并上传整改照片' },
  { resource: 'interviews', title: '约谈', filter: {}, hint: '满意度低于80%的约谈及整改事项' },
  { resource: 'surveys', title: '满意度调查', filter: {}, hint: '本企业项目的满意度调查结果' },
  { resource: 'filing-standings', title: '备案缺失或过期的项目', filter: { gap: true }, hint: '合同备案、项目经理备案缺失或过期将记入不良信用' },
  { resource: 'filings', title: '备案申请', filter: {}, hint: '合同备案与项目经理备案的办理情况' },
  { resource: 'blacklist', title: '黑名单记录', filter: { state: 'active' }, hint: '列入黑名单的企业不得承接新项目' },
];

const Count = ({ resource, filter }: { resource: string; filter: Record<string, unknown> }) => {
  const dataProvider = useDataProvider();
  const [total, setTotal] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    dataProvider
      .getList(resource, { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'DESC' }, filter })
      .then((r) => setTotal(r.total ?? r.data.length))
      .catch(() => setTotal(null));
  }, [dataProvider, resource, filter]);
  return <Typography variant="h4">{total === undefined ? '…' : total === null ? '—' : total}</Typography>;
};

const tenths = (t: number | null) => (t === null ? '—' : (t / 10).toFixed(1));

/** 信用与监管 for company staff: its grade, score and year, and links to its items, hazards, surveys, interviews, objections and filings. */
export const CompanyOverview = () => {
  const user = getUser();
  const [grade, setGrade] = useState<Grade | null | undefined>(undefined);
  useEffect(() => {
    if (!user?.companyId) return setGrade(null);
    httpClient(`/api/public/credit/companies/${user.companyId}`)
      .then(({ json }) => setGrade(json as Grade))
      .catch(() => setGrade(null));
  }, [user?.companyId]);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="本企业信用与监管" />
      {grade === null ? (
        <Alert severity="info">暂无本企业的信用评价结果。</Alert>
      ) : grade ? (
        <Card sx={{ mb: 2 }} data-testid="company-grade">
          <CardContent>
            <Typography variant="h6">{grade.name}</Typography>
            <Typography variant="h3" color={grade.blacklisted ? 'error' : 'primary'}>
              {grade.blacklisted ? '黑名单' : (grade.grade ?? '未评级')}
            </Typography>
            <Typography color="text.secondary">
              信用分 {tenths(grade.scoreTenths)} 分{grade.year ? `（${grade.year}年）` : ''}
            </Typography>
          </CardContent>
        </Card>
      ) : null}
      <Grid container spacing={2}>
        {SECTIONS.map((s) => (
          <Grid key={s.resource} size={{ xs: 12, sm: 6, md: 3 }}>
            <Card>
              <CardActionArea component={Link} to={`/${s.resource}?filter=${encodeURIComponent(JSON.stringify(s.filter))}`}>
                <CardContent>
                  <Typography color="text.secondary">{s.title}</Typography>
                  <Count resource={s.resource} filter={s.filter} />
                  <Typography variant="body2" color="text.secondary">
                    {s.hint}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
};
