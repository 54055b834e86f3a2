import { Datagrid, DateField, FunctionField, List, ReferenceField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { EnumField, RefInput, RegionField, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { flagLineLabel, flagStatusChoices } from '../choices';
import { AnswerFlagButton } from './AnswerFlagButton';

// The 纠错 queue: opens on 待答复, oldest first. `q` searches the comment.
const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={flagStatusChoices} alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const exporter = serverXlsxExporter('disclosure-flags');

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
