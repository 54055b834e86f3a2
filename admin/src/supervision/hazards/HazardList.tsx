import { Chip } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { RefInput, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { categoryChoices, hazardStatusChoices, kindChoices, reportLevelChoices, severityChoices, yesNoChoices } from '../inspectionChoices';

const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={hazardStatusChoices} alwaysOn />,
  <SelectInput key="overdue" source="overdue" choices={yesNoChoices} alwaysOn />,
  <SelectInput key="reported" source="reported" choices={yesNoChoices} alwaysOn />,
  <SelectInput key="fireLane" source="fireLane" choices={yesNoChoices} />,
  <SelectInput key="reportedTo" source="reportedTo" choices={reportLevelChoices} />,
  <SelectInput key="severity" source="severity" choices={severityChoices} />,
  <SelectInput key="category" source="category" choices={categoryChoices} />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <RefInput key="projectId" source="projectId" reference="projects" optionText="compoundName" />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" label="区县/街道/社区" />,
];

const exporter = serverXlsxExporter('hazards');

/** Marks a row needs: 逾期, 已上报 and, for a reported fire lane, 通报消防 (DOMAIN.md §10). */
const Marks = ({ r }: { r: RaRecord }) => (
  <>
    {r.overdue && <Chip size="small" color="error" label="逾期" sx={{ mr: 0.5 }} />}
    {r.reportedAt && <Chip size="small" color="warning" label={`已上报${r.reportedTo === 'district' ? '区住建局' : '街道'}`} sx={{ mr: 0.5 }} />}
    {r.fireBrigadeFlag && <Chip size="small" color="error" variant="outlined" label="通报消防救援机构" />}
  </>
);

export const HazardList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <SelectField source="category" choices={categoryChoices} sortable={false} />
      <TextField source="description" sortable={false} />
      <SelectField source="severity" choices={severityChoices} />
      <SelectField source="status" choices={hazardStatusChoices} />
      <DateField locales="zh-CN" source="deadlineAt" showTime />
      <FunctionField label="标记" render={(r: RaRecord) => <Marks r={r} />} />
    </Datagrid>
  </List>
);
