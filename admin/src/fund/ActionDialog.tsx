import { useState, type ReactNode } from 'react';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton } from '@mui/material';
import { Button, Form, SaveButton, useNotify, useRefresh } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { errorMessage } from './api';

type Props<T extends FieldValues> = {
  /** Button and dialog title. */
  label: string;
  icon?: ReactNode;
  title?: string;
  /** Form inputs (react-admin inputs; validation messages in Chinese). */
  children: ReactNode;
  defaultValues?: Partial<T>;
  /** Shown as a second step before anything is sent: what exactly will happen. Return null to skip. */
  confirm?: (values: T) => ReactNode | null;
  /** Sends the action; its resolved text is notified as success. */
  run: (values: T) => Promise<string>;
  submitLabel?: string;
  color?: 'primary' | 'error' | 'success' | 'warning';
  variant?: 'text' | 'contained' | 'outlined';
  onDone?: () => void;
  maxWidth?: 'xs' | 'sm' | 'md';
};

/**
 * A toolbar button opening a form in a dialog, with an optional confirm step showing the
 * consequences before the action is posted. Server errors stay in the dialog (and are notified),
 * so staff can correct the input.
 */
export function ActionDialog<T extends FieldValues>({
  label,
  icon,
  title,
  children,
  defaultValues,
  confirm,
  run,
  submitLabel = '确定',
  color = 'primary',
  variant = 'text',
  onDone,
  maxWidth = 'sm',
}: Props<T>) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (busy) return;
    setOpen(false);
    setPending(null);
    setError(null);
  };

  const send = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      const done = await run(values);
      notify(done, { type: 'success' });
      setOpen(false);
      setPending(null);
      refresh();
      onDone?.();
    } catch (e) {
      setError(errorMessage(e));
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const submit = (values: FieldValues) => {
    const v = values as T;
    const summary = confirm?.(v);
    if (summary) setPending(v);
    else void send(v);
  };

  return (
    <>
      <Button
        label={label}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        color={color}
        variant={variant}
      >
        {icon as any}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth={maxWidth} onClick={(e) => e.stopPropagation()}>
        <DialogTitle>{title ?? label}</DialogTitle>
        <Form defaultValues={defaultValues as FieldValues} onSubmit={submit}>
          <DialogContent sx={{ display: pending ? 'none' : 'block' }}>
            <Box sx={{ display: 'flex', flexDirection: 'column' }}>{children}</Box>
          </DialogContent>
          {pending && (
            <DialogContent>
              <Alert severity="warning" data-testid="fund-confirm">
                {confirm?.(pending)}
              </Alert>
            </DialogContent>
          )}
          {error && (
            <DialogContent sx={{ pt: 0 }}>
              <Alert severity="error">{error}</Alert>
            </DialogContent>
          )}
          <DialogActions>
            <MuiButton onClick={pending ? () => setPending(null) : close} disabled={busy}>
              {pending ? '返回修改' : '取消'}
            </MuiButton>
            {pending ? (
              <MuiButton variant="contained" color={color} disabled={busy} onClick={() => send(pending)}>
                {`确认${submitLabel === '确定' ? '' : submitLabel}`}
              </MuiButton>
            ) : (
              <SaveButton label={submitLabel} icon={<></>} alwaysEnable={!busy} disabled={busy} />
            )}
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
