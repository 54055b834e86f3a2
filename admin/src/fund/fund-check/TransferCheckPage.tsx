import { useState } from 'react';
import { Alert, Box, Card, CardContent, Tab, Tabs, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { Form, FormDataConsumer, SaveButton, TextInput, Title, required } from 'react-admin';
import { RefInput } from '../../common/fields';
import { errorMessage, getFund, type TransferCheck } from '../api';
import { householdText } from '../fund-accounts/DepositButton';
import { formatYuan } from '../money';

type Values = { compoundId?: number; householdId?: number; compoundCode?: string; building?: string; unit?: string; room?: string };

const query = (mode: 'household' | 'address', v: Values) => {
  const p = new URLSearchParams();
  if (mode === 'household') p.set('householdId', String(v.householdId));
  else {
    p.set('compoundCode', (v.compoundCode ?? '').trim().toUpperCase());
    p.set('building', (v.building ?? '').trim());
    p.set('unit', (v.unit ?? '').trim());
    p.set('room', (v.room ?? '').trim());
  }
  return p.toString();
};

/** Transfer registration (DOMAIN.md §3): is this home's maintenance fund fully deposited? */
export const TransferCheckPage = () => {
  const [mode, setMode] = useState<'household' | 'address'>('household');
  const [result, setResult] = useState<TransferCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (values: Values) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await getFund<TransferCheck>(`/fund-ledgers/check?${query(mode, values)}`));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="过户交存核验" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          办理房屋转移登记前，核验该房屋的维修资金是否已足额交存。
        </Typography>
        <Tabs
          value={mode}
          onChange={(_e, m) => {
            setMode(m);
            setResult(null);
            setError(null);
          }}
          sx={{ mb: 2 }}
        >
          <Tab value="household" label="按房屋" />
          <Tab value="address" label="按地址" />
        </Tabs>
        <Form key={mode} onSubmit={(v: Record<string, unknown>) => check(v as Values)}>
          {mode === 'household' ? (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <RefInput source="compoundId" reference="compounds" label="小区" />
              <FormDataConsumer<Values>>
                {({ formData }) => (
                  <RefInput
                    source="householdId"
                    reference="households"
                    label="房屋（输入房号搜索）"
                    filter={formData.compoundId ? { compoundId: formData.compoundId } : undefined}
                    optionText={householdText}
                    validate={required('请选择房屋')}
                  />
                )}
              </FormDataConsumer>
            </Box>
          ) : (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <TextInput source="compoundCode" label="小区编码" helperText="如 BT0001" validate={required('请填写小区编码')} />
              <TextInput source="building" label="楼栋" helperText="如 1号楼" validate={required('请填写楼栋')} />
              <TextInput source="unit" label="单元" helperText="如 1单元" validate={required('请填写单元')} />
              <TextInput source="room" label="房号" helperText="如 301" validate={required('请填写房号')} />
            </Box>
          )}
          <SaveButton label="核验" icon={<></>} alwaysEnable={!busy} disabled={busy} />
        </Form>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {result && (
          <Box sx={{ mt: 2 }} data-testid="fund-check-result">
            <Alert severity={result.fullyDeposited ? 'success' : 'error'} sx={{ mb: 1 }}>
              {result.fullyDeposited ? '已足额交存维修资金，可以办理转移登记' : '维修资金未足额交存，须补交后办理转移登记'}
            </Alert>
            <Table size="small" sx={{ maxWidth: 520 }}>
              <TableBody>
                <TableRow>
                  <TableCell>房屋</TableCell>
                  <TableCell>{result.address}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>应交首期（元）</TableCell>
                  <TableCell>{formatYuan(result.firstDepositDueFen)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>已交存（元）</TableCell>
                  <TableCell>{formatYuan(result.depositedFen)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>尚欠（元）</TableCell>
                  <TableCell sx={{ color: result.fullyDeposited ? undefined : '#c62828' }}>
                    {formatYuan(Math.max(0, result.firstDepositDueFen - result.depositedFen))}
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>当前余额（元）</TableCell>
                  <TableCell>{formatYuan(result.balanceFen)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
