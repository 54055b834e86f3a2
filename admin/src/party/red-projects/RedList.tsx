import { Datagrid, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { redResultChoices, yearChoices } from '../choices';
import { useRowClick } from '../../common/rowClick';

const filters = [
  searchFilter,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <SelectInput key="result" source="result" choices={redResultChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const exporter = serverXlsxExporter('red-projects');

export const RedList = () => {
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'year', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <TextField source="compoundCode" sortable={false} />
        <TextField source="compoundName" sortBy="compoundId" />
        <TextField source="designation" sortable={false} />
        <NumberField source="year" options={{ useGrouping: false }} />
        <SelectField source="result" choices={redResultChoices} />
        <RegionField source="regionCode" />
      </Datagrid>
    </List>
  );
};
