import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCanAccess, useNotify, useRecordContext } from 'react-admin';
import { BALLOT_CHANNEL_LABELS, type BallotChannel } from '@baotou/shared';
import { getJson, postAction } from '../../committees/api';

type Conflict = {
  id: number;
  home: string;
  ownerVotedAt: string;
  enteredChannel: BallotChannel;
  enteredScanUrl: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
};

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** 核查: the street records its finding, once (same roles as closing a vote). */
const ReviewButton = ({ conflict, onDone }: { conflict: Conflict; onDone: () => void }) => {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ action: 'close', resource: 'votes' });
  if (!canAccess) return <>待核查</>;
  const submit = async () => {
    setBusy(true);
    try {
      await postAction(`/ballot-conflicts/${conflict.id}/review`, { note });
      notify('已记录核查意见', { type: 'success' });
      setOpen(false);
      onDone();
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        核查
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{`核查选票冲突：${conflict.home}`}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            label="核查意见"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            inputProps={{ maxLength: 500 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>取消</Button>
          <Button onClick={submit} disabled={busy || !note.trim()} variant="contained">
            提交
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/**
 * Ballots the committee entered for a home whose owner had voted themselves (issue 9 §5): the
 * owner's ballot stands; these are listed for the committee and the street to review. Neither
 * choice is shown.
 */
export const BallotConflicts = ({ refreshKey = 0 }: { refreshKey?: number }) => {
  const record = useRecordContext();
  const [rows, setRows] = useState<Conflict[] | null>(null);
  const [reloads, setReloads] = useState(0);
  const id = record?.id;
  useEffect(() => {
    if (id === undefined) return;
    getJson<Conflict[]>(`/ballot-conflicts?filter=${encodeURIComponent(JSON.stringify({ voteId: id }))}&range=${encodeURIComponent('[0,199]')}`).then(
      setRows,
      () => setRows([]),
    );
  }, [id, refreshKey, reloads]);
  if (!rows?.length) return null;
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        选票冲突（待核查）
      </Typography>
      <Alert severity="warning" sx={{ mb: 1 }}>
        以下房屋的业主已本人线上投票，之后业主委员会又录入了纸质或入户选票。录入的选票不替换业主本人的选票，不计入统计。
      </Alert>
      <Table size="small" data-testid="ballot-conflicts">
        <TableHead>
          <TableRow>
            <TableCell>房屋</TableCell>
            <TableCell>业主投票时间</TableCell>
            <TableCell>录入方式</TableCell>
            <TableCell>录入时间</TableCell>
            <TableCell>扫描件</TableCell>
            <TableCell>核查</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{c.home}</TableCell>
              <TableCell>{time(c.ownerVotedAt)}</TableCell>
              <TableCell>{BALLOT_CHANNEL_LABELS[c.enteredChannel]}</TableCell>
              <TableCell>{time(c.createdAt)}</TableCell>
              <TableCell>{c.enteredScanUrl ? '已上传' : '—'}</TableCell>
              <TableCell>
                {c.reviewedAt ? `${time(c.reviewedAt)}：${c.reviewNote ?? ''}` : <ReviewButton conflict={c} onDone={() => setReloads((n) => n + 1)} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
