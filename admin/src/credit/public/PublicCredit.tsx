import { Fragment, useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Container, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import {
  CREDIT_CATEGORY_LABELS,
  CREDIT_GRADE_LABELS,
  CREDIT_ITEM_STATE_LABELS,
  type CreditCategory,
  type CreditGrade,
  type CreditItemState,
} from '@baotou/shared';

type Company = {
  id: number;
  name: string;
  creditCode: string;
  grade: CreditGrade | null;
  scoreTenths: number | null;
  year: number | null;
  blacklisted: boolean;
};
type Item = {
  id: number;
  typeLabel: string;
  category: CreditCategory;
  pointsTenths: number;
  authority: string;
  document: string | null;
  occurredOn: string;
  validUntil: string;
  state: CreditItemState;
  projectName: string | null;
};

const tenths = (t: number | null) => (t === null ? '—' : (t / 10).toFixed(1));
const gradeText = (c: Company) => (c.blacklisted ? '黑名单' : c.grade ? CREDIT_GRADE_LABELS[c.grade] : '暂无');

/** One company's current published items: 公示中, 异议中 and 生效中 (no personal data). */
const Items = ({ company }: { company: Company }) => {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/public/credit/companies/${company.id}`)
      .then(async (r) => (r.ok ? setItems((await r.json()).items) : setError('信用事项加载失败')))
      .catch(() => setError('无法连接服务器，请检查网络'));
  }, [company.id]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!items) return <LinearProgress />;
  if (!items.length) return <Typography color="text.secondary">暂无公示或生效中的信用事项。</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="public-credit-items" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>事项</TableCell>
            <TableCell>类别</TableCell>
            <TableCell>分值</TableCell>
            <TableCell>项目</TableCell>
            <TableCell>认定机关</TableCell>
            <TableCell>文书编号</TableCell>
            <TableCell>发生日期</TableCell>
            <TableCell>有效期止</TableCell>
            <TableCell>状态</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{i.typeLabel}</TableCell>
              <TableCell>{CREDIT_CATEGORY_LABELS[i.category]}</TableCell>
              <TableCell>{tenths(i.pointsTenths)}</TableCell>
              <TableCell>{i.projectName ?? '企业整体'}</TableCell>
              <TableCell>{i.authority}</TableCell>
              <TableCell>{i.document ?? '—'}</TableCell>
              <TableCell>{i.occurredOn}</TableCell>
              <TableCell>{i.validUntil}</TableCell>
              <TableCell>{CREDIT_ITEM_STATE_LABELS[i.state]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The public credit page (DOMAIN.md §5): each company's live grade, score and year, and its published items; no sign-in. */
export const PublicCredit = () => {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setCompanies(null);
    setError(null);
    fetch(`/api/public/credit/companies?q=${encodeURIComponent(search)}`)
      .then(async (r) => (r.ok ? setCompanies(await r.json()) : setError('信用信息加载失败')))
      .catch(() => setError('无法连接服务器，请检查网络'));
  }, [search]);
  return (
    <Container sx={{ py: 3 }}>
      <Typography variant="h5" gutterBottom>
        包头市物业服务企业信用信息公示
      </Typography>
      <Box
        component="form"
        sx={{ display: 'flex', gap: 2, mb: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <TextField
          size="small"
          label="企业名称或统一社会信用代码"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          inputProps={{ maxLength: 40, 'data-testid': 'public-credit-q' }}
          sx={{ flex: '0 1 320px', minWidth: 0 }}
        />
        <Button type="submit" variant="contained">
          查询
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {!companies && !error && <LinearProgress />}
      {/* Residents open this page on phones: the table scrolls sideways rather than folding each name one character a line. */}
      {companies && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table data-testid="public-credit-companies" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>企业名称</TableCell>
                <TableCell>统一社会信用代码</TableCell>
                <TableCell>信用等级</TableCell>
                <TableCell>得分</TableCell>
                <TableCell>年度</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {companies.map((c) => (
                <Fragment key={c.id}>
                  <TableRow data-testid={`public-credit-company-${c.id}`}>
                    <TableCell>{c.name}</TableCell>
                    <TableCell>{c.creditCode}</TableCell>
                    <TableCell data-testid="public-credit-grade">{c.blacklisted ? <Chip color="error" size="small" label="黑名单" /> : gradeText(c)}</TableCell>
                    <TableCell data-testid="public-credit-score">{tenths(c.scoreTenths)}</TableCell>
                    <TableCell>{c.year ?? '—'}</TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => setOpen(open === c.id ? null : c.id)}>
                        {open === c.id ? '收起' : '信用事项'}
                      </Button>
                    </TableCell>
                  </TableRow>
                  {open === c.id && (
                    <TableRow>
                      <TableCell colSpan={6}>
                        <Items company={c} />
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        得分 = 基础分（≤80）+ 良好行为（≤40）− 不良行为；AAA ≥ 85，AA ≥ 80，A ≥ 70，B ≥ 60，C &lt;
        60。新记录的事项公示5个工作日后计分，企业有异议的事项在答复前不计分。列入黑名单的企业不论得分均显示黑名单。
      </Typography>
    </Container>
  );
};
