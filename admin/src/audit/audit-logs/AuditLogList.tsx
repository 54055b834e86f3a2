import { Datagrid, DateField, ExportButton, FilterButton, List, SelectInput, TextField, TextInput, TopToolbar } from 'react-admin';
import { RegionField } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { ActionField, EntityField, actionChoices, entityChoices } from './auditFields';
import { VerifyChainButton } from './VerifyChainButton';

// docs/API.md: filters actorId, entity, entityId, action (no `q`).
const filters = [
  <SelectInput key="entity" source="entity" choices={entityChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" alwaysOn />,
  <SelectInput key="action" source="action" choices={actionChoices} />,
  <TextInput key="actorId" source="actorId" />,
];

// Every row of the current filter, written by the server (GET /api/audit-logs.xlsx) with shared's columns, masked as here.
const exporter = serverXlsxExporter('audit-logs');

// No create button: audit rows are written by the server only. 校验 for the city admin.
const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton />
    <VerifyChainButton />
  </TopToolbar>
);

export const AuditLogList = () => (
  <List filters={filters} exporter={exporter} actions={<ListActions />} sort={{ field: 'at', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField locales="zh-CN" source="at" showTime />
      <TextField source="actorName" sortable={false} />
      <TextField source="ip" label="来源地址" sortable={false} emptyText="—" />
      <ActionField source="action" />
      <EntityField source="entity" />
      <TextField source="entityId" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
    </Datagrid>
  </List>
);
