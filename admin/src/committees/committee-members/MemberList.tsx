import { BooleanField, Datagrid, DateField, List, NullableBooleanInput, ReferenceField, SelectInput, TextField } from 'react-admin';
import { EnumField, RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { crossAppointmentChoices, memberRoleChoices } from '../choices';
import { committeeRepresentation } from '../committees/representation';
import { useRowClick } from '../../common/rowClick';

// `q` searches the member's name.
const filters = [
  searchFilter,
  <RefInput key="committeeId" source="committeeId" reference="committees" optionText={committeeRepresentation} alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
  <SelectInput key="role" source="role" choices={memberRoleChoices} />,
  <NullableBooleanInput key="partyMember" source="partyMember" />,
];

const exporter = serverXlsxExporter('committee-members');

export const MemberList = () => {
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <ReferenceField source="committeeId" reference="committees" />
        <TextField source="name" />
        <EnumField source="role" choices={memberRoleChoices} />
        <BooleanField source="partyMember" sortable={false} />
        <EnumField source="crossAppointment" choices={crossAppointmentChoices} sortable={false} />
        <TextField source="phone" emptyText="—" sortable={false} />
        <DateField locales="zh-CN" source="termStart" emptyText="—" sortable={false} />
        <DateField locales="zh-CN" source="termEnd" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
};
