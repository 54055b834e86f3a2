import { useState, type ReactNode } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useNotify, useRefresh } from 'react-admin';
import { httpClient } from '../dataProvider';

/** One button of the block: what it posts, and what staff are told when it is done. */
export interface RecordAction {
  label: string;
  /** The API path it posts to, e.g. `/api/blacklist/7/remove` (actions are `POST /api/<resource>/:id/<action>`). */
  path: string;
  body: () => unknown;
  /** The success notice (Chinese). */
  done: string;
  variant?: 'contained' | 'outlined' | 'text';
  color?: 'primary' | 'error' | 'warning' | 'success';
  disabled?: boolean;
}

/** The API's 400 `fields` (field → Chinese message), or none. */
const fieldErrorsOf = (e: unknown): Record<string, string> => (e as { body?: { error?: { fields?: Record<string, string> } } }).body?.error?.fields ?? {};

/**
 * The answer-and-act block on a record's page (credit and supervision: remove from the blacklist,
 * object, answer an objection, review a filing, rectify or verify a hazard): a titled box with the
 * caller's fields and one button per action. It posts, notifies, refreshes the record, and keeps
 * the API's field errors for the caller to show on its fields (`children(errors)`); nothing is
 * cleared on a refusal, so staff can correct and resend. Visibility (role, state) is the caller's.
 */
export function RecordActionDialog({
  title,
  actions,
  children,
  onDone,
}: {
  title: string;
  actions: RecordAction[];
  children: (errors: Record<string, string>) => ReactNode;
  onDone?: () => void;
}) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const run = async (action: RecordAction) => {
    setBusy(true);
    try {
      await httpClient(action.path, { method: 'POST', body: JSON.stringify(action.body()) });
      setErrors({});
      notify(action.done, { type: 'success' });
      onDone?.();
      refresh();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="h6">{title}</Typography>
      {children(errors)}
      <Stack direction="row" spacing={2}>
        {actions.map((a) => (
          <Button key={a.label} variant={a.variant ?? 'contained'} color={a.color ?? 'primary'} disabled={busy || a.disabled} onClick={() => run(a)}>
            {a.label}
          </Button>
        ))}
      </Stack>
    </Box>
  );
}
