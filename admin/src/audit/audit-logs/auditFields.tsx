import { FunctionField, useTranslate, type RaRecord } from 'react-admin';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_LABELS_BY_ENTITY, auditEntityLabels, auditFieldLabels, type AuditAction } from '@baotou/shared';
import { resourcesZh } from '../../i18n/zh';

/** Audit rows name the entity by its API resource ("compounds"): its Chinese name, shared's (the server's export writes the same). */
export const entityChoices = Object.entries(auditEntityLabels()).map(([id, name]) => ({ id, name }));
const entityNames: Record<string, string> = auditEntityLabels();

/** Actions of every capability, security events (sign-in, second factor, exports, verify) included: shared's AUDIT_ACTIONS. */
export const actionLabels: Record<string, string> = AUDIT_ACTION_LABELS;
export const actionChoices = Object.entries(actionLabels).map(([id, name]) => ({ id, name }));

/** The row's action in Chinese, by entity where one code means different things ("accept": 受理 / 竣工验收). */
export const actionLabel = (r: RaRecord) => AUDIT_ACTION_LABELS_BY_ENTITY[r.entity]?.[r.action as AuditAction] ?? actionLabels[r.action] ?? r.action;

/** Chinese names of an entity's fields: the resource's own form labels (i18n/zh.ts), then shared's (common names, export headers). */
export const auditFieldNames = (entity: string): Record<string, string> => ({
  ...auditFieldLabels(entity),
  ...((resourcesZh as Record<string, { fields?: Record<string, string> }>)[entity]?.fields ?? {}),
});

// `source` is repeated on the element so layouts and grid headers find the label.
type Props = { source?: string; sortable?: boolean };

export const ActionField = ({ sortable }: Props) => <FunctionField source="action" render={actionLabel} sortable={sortable} />;

export const EntityField = ({ sortable }: Props) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="entity"
      sortable={sortable}
      render={(r: RaRecord) => entityNames[r.entity] ?? translate(`resources.${r.entity}.name`, { smart_count: 1, _: r.entity })}
    />
  );
};
