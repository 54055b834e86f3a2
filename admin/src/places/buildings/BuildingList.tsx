import { Datagrid, List, NumberField, ReferenceField, TextField } from 'react-admin';
import { RefInput, RegionField, searchFilter } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';

const filters = [searchFilter, <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />];

const exporter = xlsxExporter('buildings', {
  fields: ['id', 'compoundId', 'name', 'floors', 'regionCode'],
  references: [
    { field: 'compoundId', resource: 'compounds' },
    { field: 'regionCode', resource: 'regions' },
  ],
});

export const BuildingList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="compoundId" reference="compounds" />
      <TextField source="name" />
      <NumberField source="floors" />
      <RegionField source="regionCode" sortable={false} />
    </Datagrid>
  </List>
);
