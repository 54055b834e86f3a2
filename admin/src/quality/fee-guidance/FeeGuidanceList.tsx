import { Datagrid, DateField, List, NullableBooleanInput, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { propertyTypeChoices } from '../choices';
import { useRowClick } from '../../common/rowClick';

const filters = [
  searchFilter,
  <RefInput key="levelId" source="levelId" reference="service-levels" alwaysOn />,
  <SelectInput key="propertyType" source="propertyType" choices={propertyTypeChoices} alwaysOn />,
  <NullableBooleanInput key="current" source="current" />,
];

const exporter = serverXlsxExporter('fee-guidance');

/** Fen per m² per month; shipped empty until the city's document is obtained (DOMAIN.md §11). */
export const FeeGuidanceList = () => {
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'effectiveFrom', order: 'DESC' }} perPage={25} empty={false}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <TextField source="levelName" sortBy="levelId" />
        <SelectField source="propertyType" choices={propertyTypeChoices} />
        <NumberField source="minFen" />
        <NumberField source="maxFen" />
        <TextField source="sourceDocument" sortable={false} />
        <DateField locales="zh-CN" source="effectiveFrom" />
        <DateField locales="zh-CN" source="effectiveUntil" emptyText="长期" sortable={false} />
      </Datagrid>
    </List>
  );
};
