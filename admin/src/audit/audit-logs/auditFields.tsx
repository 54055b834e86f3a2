import { FunctionField, useTranslate, type RaRecord } from 'react-admin';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_LABELS_BY_ENTITY, type AuditAction } from '@baotou/shared';
import { COMMON_FIELD_NAMES } from '../../common/fieldNames';
import { resourcesZh } from '../../i18n/zh';

/** Entities audited that are not console resources. */
const OTHER_ENTITY_NAMES: Record<string, string> = {
  'party-imports': '红色物业导入',
  'staff-imports': '人员与培训导入',
  'sign-in': '登录',
  security: '安全',
  ballots: '选票',
  'ballot-conflicts': '重复投票核查',
  uploads: '附件',
  'upgrade-plan-items': '提档升级计划项',
};

/** Audit rows name the entity by its API resource ("compounds"): show the Chinese name. */
export const entityChoices = [
  ...Object.entries(resourcesZh).map(([id, r]) => ({ id, name: (r.name as string).split('|')[0].trim() })),
  ...Object.entries(OTHER_ENTITY_NAMES).map(([id, name]) => ({ id, name })),
];
const entityNames: Record<string, string> = Object.fromEntries(entityChoices.map((c) => [c.id, c.name]));

/** Actions of every capability, security events (sign-in, second factor, exports, verify) included: shared's AUDIT_ACTIONS. */
export const actionLabels: Record<string, string> = AUDIT_ACTION_LABELS;
export const actionChoices = Object.entries(actionLabels).map(([id, name]) => ({ id, name }));

/** The row's action in Chinese, by entity where one code means different things ("accept": 受理 / 竣工验收). */
export const actionLabel = (r: RaRecord) => AUDIT_ACTION_LABELS_BY_ENTITY[r.entity]?.[r.action as AuditAction] ?? actionLabels[r.action] ?? r.action;

/** Chinese names of an entity's fields: the resource's own (i18n/zh.ts), then the common ones. */
export const auditFieldNames = (entity: string): Record<string, string> => ({
  ...COMMON_FIELD_NAMES,
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
      render={(r: RaRecord) => translate(`resources.${r.entity}.name`, { smart_count: 1, _: entityNames[r.entity] ?? r.entity })}
    />
  );
};
