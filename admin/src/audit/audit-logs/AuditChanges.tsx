import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { auditChanges } from './changes';
import { auditFieldNames } from './auditFields';

/** The row's before/after as a table of changed fields: 字段, 修改前, 修改后 (issue 16 §3). */
export const AuditChanges = (_props: { label?: string }) => {
  const r = useRecordContext();
  if (!r) return null;
  const changes = auditChanges(r.before, r.after, auditFieldNames(r.entity), r.entity);
  if (changes.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Table size="small" data-testid="audit-changes">
      <TableHead>
        <TableRow>
          <TableCell>字段</TableCell>
          {r.before != null && <TableCell>修改前</TableCell>}
          {r.after != null && <TableCell>{r.before != null ? '修改后' : '内容'}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.field}>
            <TableCell>{c.label}</TableCell>
            {r.before != null && <TableCell sx={{ wordBreak: 'break-all' }}>{c.before}</TableCell>}
            {r.after != null && <TableCell sx={{ wordBreak: 'break-all' }}>{c.after}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
