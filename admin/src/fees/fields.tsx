import { FunctionField, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { yuan } from './choices';

/**
 * Integer fen shown as yuan (no floats). The field names say （分）, which the Excel export keeps (its
 * cells are fen); shown as yuan, the column says （元） — it once read "应收（分）" over "54.60 元".
 */
export const YuanField = ({ source, label, sortable }: { source: string; label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const text = label ?? translate(`resources.${resource}.fields.${source}`, { _: source }).replace('（分）', '（元）');
  return <FunctionField source={source} label={text} sortable={sortable} render={(r: RaRecord) => yuan(r[source] == null ? null : Number(r[source]))} />;
};
