import { FunctionField, useTranslate, type RaRecord } from 'react-admin';
import { SECURITY_AUDIT_ACTION_LABELS } from '@baotou/shared';
import { auditActionLabels } from '../../choices';
import { resourcesZh } from '../../i18n/zh';

/** Audit rows name the entity by its API resource ("compounds"): show the Chinese name. */
export const entityChoices = Object.entries(resourcesZh).map(([id, r]) => ({
  id,
  name: (r.name as string).split('|')[0].trim(),
}));

/** Actions of every capability, security events (sign-in, second factor, exports, verify) included. */
export const actionLabels: Record<string, string> = { ...SECURITY_AUDIT_ACTION_LABELS, ...auditActionLabels };
export const actionChoices = Object.entries(actionLabels).map(([id, name]) => ({ id, name }));

export const actionLabel = (r: RaRecord) => actionLabels[r.action] ?? r.action;

// `source` is repeated on the element so layouts and grid headers find the label.
type Props = { source?: string; sortable?: boolean };

export const ActionField = ({ sortable }: Props) => (
  <FunctionField source="action" render={actionLabel} sortable={sortable} />
);

export const EntityField = ({ sortable }: Props) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="entity"
      sortable={sortable}
      render={(r: RaRecord) => translate(`resources.${r.entity}.name`, { smart_count: 1, _: r.entity })}
    />
  );
};
