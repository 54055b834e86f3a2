import { BooleanField, Datagrid, List, NullableBooleanInput, NumberField, ReferenceField, SelectInput, TextInput, TextField } from 'react-admin';
import { areaBasisChoices } from '../../choices';
import { EnumField, RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';

// `q` searches the room number.
const filters = [
  searchFilter,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
  <RefInput key="buildingId" source="buildingId" reference="buildings" />,
  <RefInput key="unitId" source="unitId" reference="units" />,
  <RefInput key="ownerId" source="ownerId" reference="owners" />,
  // Homes by their registered owner's name (part of it).
  <TextInput key="ownerName" source="ownerName" label="业主姓名" alwaysOn />,
  <SelectInput key="areaBasis" source="areaBasis" choices={areaBasisChoices} />,
  <NullableBooleanInput key="developerUnsold" source="developerUnsold" />,
];

// Every row of the filter, written by the server (shared EXPORT_COLUMNS.households; issue 15).
const exporter = serverXlsxExporter('households');

export const HouseholdList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="compoundId" reference="compounds" />
      <ReferenceField source="buildingId" reference="buildings" link={false} />
      <ReferenceField source="unitId" reference="units" link={false} emptyText="—" />
      <TextField source="room" />
      <NumberField source="area" options={{ minimumFractionDigits: 2, maximumFractionDigits: 2 }} />
      <EnumField source="areaBasis" choices={areaBasisChoices} />
      <TextField source="ownerName" emptyText="—" sortable={false} />
      <BooleanField source="developerUnsold" sortable={false} />
    </Datagrid>
  </List>
);
