import { Datagrid, DateField, FunctionField, List, ReferenceField, SelectInput, TextField, type Exporter, type RaRecord } from 'react-admin';
import { EnumField, RefInput, RegionField, searchFilter } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';
import { flagLineLabel, flagStatusChoices, flagStatusLabels } from '../choices';
import { AnswerFlagButton } from './AnswerFlagButton';

// The 纠错 queue: opens on 待答复, oldest first. `q` searches the comment.
const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={flagStatusChoices} alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const toXlsx = xlsxExporter('disclosure-flags', {
  fields: ['id', 'compoundId', 'disclosureId', 'line', 'comment', 'status', 'answer', 'createdAt', 'regionCode'],
  references: [
    { field: 'compoundId', resource: 'compounds' },
    { field: 'disclosureId', resource: 'disclosures', label: (r) => r.title },
    { field: 'regionCode', resource: 'regions' },
  ],
  enums: { status: flagStatusLabels },
});
const exporter: Exporter = (records, ...rest) => toXlsx(records.map((r) => ({ ...r, line: flagLineLabel(r.line) })), ...rest);

export const FlagList = () => (
  <List filters={filters} filterDefaultValues={{ status: 'open' }} exporter={exporter} sort={{ field: 'createdAt', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick={(_id, _r, record) => `/disclosures/${record.disclosureId}/show`} bulkActionButtons={false}>
      <DateField locales="zh-CN" source="createdAt" showTime />
      <ReferenceField source="compoundId" reference="compounds" link={false} sortable={false} />
      <ReferenceField source="disclosureId" reference="disclosures" link={false} sortable={false} />
      <FunctionField source="line" sortable={false} render={(r: RaRecord) => flagLineLabel(r.line)} />
      <TextField source="comment" sortable={false} />
      <EnumField source="status" choices={flagStatusChoices} />
      <TextField source="answer" emptyText="—" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
      <AnswerFlagButton />
    </Datagrid>
  </List>
);
