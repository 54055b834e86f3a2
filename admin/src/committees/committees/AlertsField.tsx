import { Box, Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { committeeAlertLabels } from '../choices';

/** The server's alert codes as warning chips; "—" when there is nothing to act on. */
export const AlertsField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const alerts: string[] = record?.alerts ?? [];
  if (!alerts.length) return <span>—</span>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {alerts.map((code) => (
        <Chip key={code} size="small" color="warning" variant="outlined" label={committeeAlertLabels[code] ?? code} data-testid={`alert-${code}`} />
      ))}
    </Box>
  );
};
