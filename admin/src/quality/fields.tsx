import { FunctionField, type RaRecord } from 'react-admin';
import { formatFen } from '../common/fields';

/** An amount of integer fen shown as yuan (no floats). */
export const YuanField = ({ source, sortable }: { source: string; sortable?: boolean }) => (
  <FunctionField source={source} sortable={sortable} render={(r: RaRecord) => (r[source] == null ? '—' : `${formatFen(Number(r[source]))} 元`)} />
);
