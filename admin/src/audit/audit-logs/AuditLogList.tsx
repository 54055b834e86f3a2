import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { auditActionChoices, auditActionLabels } from '../../choices';
import { RegionField } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';
import { ActionField, EntityField, entityChoices } from './auditFields';

// docs/API.md: filters actorId, entity, entityId, action (no `q`).
const filters = [
  <SelectInput key="entity" source="entity" choices={entityChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" alwaysOn />,
  <SelectInput key="action" source="action" choices={auditActionChoices} />,
  <TextInput key="actorId" source="actorId" />,
];

const exporter = xlsxExporter('audit-logs', {
  fields: ['id', 'at', 'actorId', 'actorName', 'action', 'entity', 'entityId', 'regionCode', 'before', 'after'],
  enums: {
    action: auditActionLabels,
    entity: Object.fromEntries(entityChoices.map((c) => [c.id, c.name])),
  },
});

export const AuditLogList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'at', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField locales="zh-CN" source="at" showTime />
      <TextField source="actorName" sortable={false} />
      <ActionField source="action" />
      <EntityField source="entity" />
      <TextField source="entityId" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
    </Datagrid>
  </List>
);
