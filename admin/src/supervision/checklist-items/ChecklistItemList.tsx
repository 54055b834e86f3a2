import { BooleanField, Datagrid, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { useRowClick } from '../../common/rowClick';
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
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
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
