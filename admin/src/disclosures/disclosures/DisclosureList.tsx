import { Chip } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, NullableBooleanInput, NumberField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { EnumField, RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { disclosureKindChoices, disclosureStatusChoices } from '../choices';

// `q` searches the title; newest first.
const filters = [
  searchFilter,
  <SelectInput key="kind" source="kind" choices={disclosureKindChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" label="所属区划" alwaysOn />,
  <SelectInput key="status" source="status" choices={disclosureStatusChoices} />,
  <NullableBooleanInput key="current" source="current" />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const exporter = serverXlsxExporter('disclosures');

export const DisclosureList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'publishedAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField locales="zh-CN" source="publishedAt" showTime emptyText="未发布" />
      <TextField source="compoundName" sortable={false} />
      <EnumField source="kind" choices={disclosureKindChoices} />
      <TextField source="title" sortable={false} />
      <NumberField source="version" sortable={false} />
      <FunctionField
        source="current"
        sortable={false}
        render={(r: RaRecord) => (r.current ? <Chip size="small" color="success" label="当前" /> : <Chip size="small" label="历史" />)}
      />
      <EnumField source="status" choices={disclosureStatusChoices} sortable={false} />
      <RegionField source="regionCode" sortable={false} />
    </Datagrid>
  </List>
);
