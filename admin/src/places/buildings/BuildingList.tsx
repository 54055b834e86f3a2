import { Datagrid, List, NumberField, ReferenceField, TextField } from 'react-admin';
import { RefInput, RegionField, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

const filters = [searchFilter, <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />];

const exporter = serverXlsxExporter('buildings');

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
