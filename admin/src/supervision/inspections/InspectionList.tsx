import { Datagrid, DateField, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { kindChoices, yesNoChoices } from '../inspectionChoices';

const filters = [
  searchFilter,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="failed" source="failed" choices={yesNoChoices} />,
  <RefInput key="projectId" source="projectId" reference="projects" optionText="compoundName" />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('inspections');

export const InspectionList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'inspectedAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <SelectField source="kind" choices={kindChoices} />
      <TextField source="compoundName" sortBy="projectId" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <TextField source="inspectorName" sortable={false} />
      <DateField locales="zh-CN" source="inspectedAt" showTime />
      <NumberField source="failedCount" />
      <NumberField source="openHazards" sortable={false} />
    </Datagrid>
  </List>
);
