import { FunctionField, type RaRecord } from 'react-admin';
import { yuan } from './choices';

/** Integer fen shown as yuan (no floats). */
export const YuanField = ({ source, label, sortable }: { source: string; label?: string; sortable?: boolean }) => (
  <FunctionField source={source} label={label} sortable={sortable} render={(r: RaRecord) => yuan(r[source] == null ? null : Number(r[source]))} />
);
