import { Datagrid, DateField, List, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { assessmentStatusChoices, scaleChoices } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={assessmentStatusChoices} alwaysOn />,
  <SelectInput key="scale" source="scale" choices={scaleChoices} />,
  <RefInput key="levelId" source="levelId" reference="service-levels" />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('level-assessments');

export const AssessmentList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="projectName" sortBy="projectId" />
      <TextField source="companyName" sortable={false} />
      <SelectField source="scale" choices={scaleChoices} sortable={false} />
      <TextField source="levelName" sortable={false} />
      <SelectField source="status" choices={assessmentStatusChoices} />
      <DateField locales="zh-CN" source="createdAt" />
      <DateField locales="zh-CN" source="decidedOn" emptyText="—" />
    </Datagrid>
  </List>
);
