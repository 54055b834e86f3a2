import { BooleanInput, Datagrid, DateField, FunctionField, List, SelectInput, TextField, type RaRecord } from 'react-admin';
import { Chip } from '@mui/material';
import { FILING_STANDING_LABELS, type FilingStanding } from '@baotou/shared';
import { RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { standingChoices } from '../../credit/blacklist/choices';

const filters = [
  searchFilter,
  <BooleanInput key="gap" source="gap" alwaysOn />,
  <SelectInput key="contractStanding" source="contractStanding" choices={standingChoices} />,
  <SelectInput key="managerStanding" source="managerStanding" choices={standingChoices} />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('filing-standings');

const COLORS: Record<FilingStanding, 'success' | 'warning' | 'error' | 'default'> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'error',
  missing: 'error',
};
const Standing = ({ source }: { source: string }) => (
  <FunctionField
    source={source}
    sortable={false}
    render={(r: RaRecord) => (
      <Chip size="small" color={COLORS[r[source] as FilingStanding]} label={FILING_STANDING_LABELS[r[source] as FilingStanding] ?? '—'} />
    )}
  />
);

/** 备案预警: current projects whose contract or project-manager filing is missing or expired (the count is the list's total). */
export const list = () => (
  <List filters={filters} filterDefaultValues={{ gap: true }} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="compoundName" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <RegionField source="regionCode" sortable={false} />
      <Standing source="contractStanding" />
      <DateField locales="zh-CN" source="contractValidUntil" emptyText="—" sortable={false} />
      <TextField source="managerName" sortable={false} />
      <Standing source="managerStanding" />
      <DateField locales="zh-CN" source="managerValidUntil" emptyText="—" sortable={false} />
    </Datagrid>
  </List>
);
