import { BooleanField, Datagrid, DateField, List, SelectInput, TextField } from 'react-admin';
import { EnumField, RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { voteKindChoices, voteMatterChoices, voteScopeChoices, voteStatusChoices } from '../choices';
import { TurnoutField } from './TurnoutField';

// `q` searches the title.
const filters = [
  searchFilter,
  <RegionInput key="regionCode" source="regionCode" label="所属区划" alwaysOn />,
  <SelectInput key="status" source="status" choices={voteStatusChoices} alwaysOn />,
  <SelectInput key="matter" source="matter" choices={voteMatterChoices} />,
  <SelectInput key="kind" source="kind" choices={voteKindChoices} />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const exporter = serverXlsxExporter('votes');

export const VoteList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
      <TextField source="title" sortable={false} />
      <EnumField source="matter" choices={voteMatterChoices} />
      <EnumField source="kind" choices={voteKindChoices} sortable={false} />
      <EnumField source="scopeType" choices={voteScopeChoices} sortable={false} />
      <EnumField source="status" choices={voteStatusChoices} />
      <DateField locales="zh-CN" source="closesAt" showTime />
      <TurnoutField label="resources.votes.fields.turnout" sortable={false} />
      <BooleanField source="followMajority" sortable={false} />
    </Datagrid>
  </List>
);
