import { BooleanField, BooleanInput, Datagrid, DateField, List, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { crossKindChoices, memberRoleChoices, yearChoices } from '../choices';
import { useRowClick } from '../../common/rowClick';

const filters = [
  searchFilter,
  <SelectInput key="kind" source="kind" choices={crossKindChoices} alwaysOn />,
  <BooleanInput key="active" source="active" />,
  <RegionInput key="regionCode" source="regionCode" />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
  <SelectInput key="startYear" source="startYear" choices={yearChoices} />,
];

const exporter = serverXlsxExporter('cross-appointments');

export const CrossList = () => {
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <TextField source="memberName" sortable={false} />
        <SelectField source="memberRole" choices={memberRoleChoices} sortable={false} />
        <SelectField source="kind" choices={crossKindChoices} />
        <TextField source="communityName" sortBy="communityCode" />
        <TextField source="compoundName" emptyText="—" sortable={false} />
        <DateField locales="zh-CN" source="startDate" />
        <DateField locales="zh-CN" source="endDate" emptyText="—" />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
