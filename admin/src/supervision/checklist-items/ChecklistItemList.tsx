import { BooleanField, Datagrid, List, NumberField, SelectField, SelectInput, TextField, usePermissions } from 'react-admin';
import { searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { categoryChoices, severityChoices, yesNoChoices } from '../inspectionChoices';

const filters = [
  searchFilter,
  <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
  <SelectInput key="severity" source="severity" choices={severityChoices} />,
  <SelectInput key="fireLane" source="fireLane" choices={yesNoChoices} />,
  <SelectInput key="onSpot" source="onSpot" choices={yesNoChoices} />,
  <SelectInput key="active" source="active" choices={yesNoChoices} />,
];

const exporter = serverXlsxExporter('inspection-checklist-items');

export const ChecklistItemList = () => {
  const { permissions } = usePermissions();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick={permissions === 'city_admin' ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="code" />
        <SelectField source="category" choices={categoryChoices} />
        <TextField source="text" sortable={false} />
        <SelectField source="severity" choices={severityChoices} />
        <BooleanField source="onSpot" sortable={false} />
        <BooleanField source="fireLane" sortable={false} />
        <TextField source="sourceDocument" sortable={false} />
        <NumberField source="sortOrder" />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
