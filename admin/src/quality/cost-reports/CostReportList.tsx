import { Datagrid, List, NumberField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionInput, searchFilter } from '../../common/fields';
import { YuanField } from '../fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { yearChoices } from '../choices';
import { useRowClick } from '../../common/rowClick';

const filters = [
  searchFilter,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('cost-reports');

export const CostReportList = () => {
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'year', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <TextField source="companyName" sortBy="companyId" />
        <NumberField source="year" options={{ useGrouping: false }} />
        <YuanField source="staffFen" />
        <YuanField source="totalFen" sortable={false} />
      </Datagrid>
    </List>
  );
};
