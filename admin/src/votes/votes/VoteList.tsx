import { BooleanField, Datagrid, DateField, List, SelectInput, TextField, type Exporter } from 'react-admin';
import { EnumField, RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';
import {
  voteKindChoices,
  voteKindLabels,
  voteMatterChoices,
  voteMatterLabels,
  voteScopeChoices,
  voteScopeLabels,
  voteStatusChoices,
  voteStatusLabels,
} from '../choices';
import { formatPercent } from '../ratio';
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

const toXlsx = xlsxExporter('votes', {
  fields: ['id', 'compoundName', 'regionCode', 'title', 'matter', 'kind', 'scopeType', 'status', 'opensAt', 'closesAt', 'eligibleCount', 'ballotCount', 'turnout', 'followMajority', 'createdAt'],
  references: [{ field: 'regionCode', resource: 'regions' }],
  enums: { matter: voteMatterLabels, kind: voteKindLabels, scopeType: voteScopeLabels, status: voteStatusLabels },
});
const exporter: Exporter = (records, ...rest) =>
  toXlsx(records.map((r) => ({ ...r, turnout: formatPercent(r.ballotCount ?? 0, r.eligibleCount ?? 0) })), ...rest);

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
