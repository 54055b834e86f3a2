import { BooleanField, Datagrid, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { scaleChoices } from '../choices';
import { useRowClick } from '../../common/rowClick';

const filters = [searchFilter, <SelectInput key="scale" source="scale" choices={scaleChoices} alwaysOn />];

const exporter = serverXlsxExporter('service-levels');

export const ServiceLevelList = () => {
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'order', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <SelectField source="scale" choices={scaleChoices} />
        <TextField source="code" />
        <NumberField source="order" />
        <TextField source="name" />
        <NumberField source="itemCount" sortable={false} />
        <TextField source="sourceDocument" sortable={false} />
        <BooleanField source="placeholder" sortable={false} />
      </Datagrid>
    </List>
  );
};
