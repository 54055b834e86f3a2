import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, type RaRecord } from 'react-admin';
import { RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { gradeChoices, points } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="grade" source="grade" choices={gradeChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('credit-scores');

const Score = ({ source }: { source: string }) => <FunctionField source={source} render={(r: RaRecord) => points(r[source])} />;

/** Each company's live score and grade as last computed (recomputed when its items change and daily). */
export const list = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'scoreTenths', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick={(id) => `/credit-items?filter=${encodeURIComponent(JSON.stringify({ companyId: id }))}`} bulkActionButtons={false}>
      <TextField source="companyName" sortable={false} />
      <TextField source="creditCode" sortable={false} />
      <Score source="scoreTenths" />
      <FunctionField source="grade" render={(r: RaRecord) => (r.blacklisted ? '黑名单' : gradeChoices.find((g) => g.id === r.grade)?.name)} />
      <Score source="baseTenths" />
      <Score source="goodTenths" />
      <Score source="badTenths" />
      <DateField locales="zh-CN" source="asOf" />
    </Datagrid>
  </List>
);
