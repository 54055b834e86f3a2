import { Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { tenthsToHours, trainingKindChoices, yearChoices } from '../workforceChoices';

const filters = [
  searchFilter,
  <SelectInput key="kind" source="kind" choices={trainingKindChoices} alwaysOn />,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <RefInput key="staffId" source="staffId" reference="staff" />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('trainings');

export const TrainingList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'trainedOn', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="staffNo" sortable={false} />
      <TextField source="staffName" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <SelectField source="kind" choices={trainingKindChoices} />
      <TextField source="course" />
      <TextField source="provider" sortable={false} />
      <FunctionField source="hoursTenths" render={(r: { hoursTenths: number }) => tenthsToHours(r.hoursTenths)} />
      <DateField locales="zh-CN" source="trainedOn" />
      <TextField source="certificateNo" emptyText="—" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
    </Datagrid>
  </List>
);
