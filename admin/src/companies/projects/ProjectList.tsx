import { Datagrid, DateField, List, SelectField, SelectInput, TextField } from 'react-admin';
import { serviceLevelChoices } from '../../choices';
import { FenField, RefInput, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { feeFlagChoices, pricingFormChoices, selectionMethodChoices } from '../../quality/choices';

const filters = [
  searchFilter,
  <RefInput key="companyId" source="companyId" reference="companies" alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
  <RegionInput key="regionCode" source="regionCode" />,
  <SelectInput key="serviceLevel" source="serviceLevel" choices={serviceLevelChoices} />,
  <SelectInput key="feeFlag" source="feeFlag" choices={feeFlagChoices} />,
  <SelectInput key="pricingForm" source="pricingForm" choices={pricingFormChoices} />,
  <SelectInput key="selectionMethod" source="selectionMethod" choices={selectionMethodChoices} />,
];

const exporter = serverXlsxExporter('projects');

export const ProjectList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'startDate', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="companyName" sortBy="companyId" />
      <TextField source="compoundName" sortBy="compoundId" />
      <DateField locales="zh-CN" source="startDate" />
      <DateField locales="zh-CN" source="endDate" emptyText="—" />
      <FenField source="feeFenPerM2Month" />
      <SelectField source="feeFlag" choices={feeFlagChoices} emptyText="" sortable={false} />
      <TextField source="assessedLevelName" emptyText="未评定" sortable={false} />
      <SelectField source="serviceLevel" choices={serviceLevelChoices} emptyText="—" />
      <TextField source="contractFilingNo" emptyText="—" sortable={false} />
      <TextField source="managerName" emptyText="—" sortable={false} />
    </Datagrid>
  </List>
);
