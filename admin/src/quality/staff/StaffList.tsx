import { BooleanField, Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField } from 'react-admin';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { certificateFlagChoices, postChoices, tenthsToHours, yearChoices, yesNoChoices } from '../workforceChoices';

const filters = [
  searchFilter,
  <SelectInput key="post" source="post" choices={postChoices} alwaysOn />,
  <SelectInput key="certificateExpiring" source="certificateExpiring" choices={yesNoChoices} alwaysOn />,
  <SelectInput key="specialist" source="specialist" choices={yesNoChoices} />,
  <SelectInput key="employed" source="employed" choices={yesNoChoices} />,
  <SelectInput key="hiredYear" source="hiredYear" choices={yearChoices} />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('staff');

export const StaffList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="staffNo" />
      <TextField source="name" />
      <SelectField source="post" choices={postChoices} />
      <BooleanField source="specialist" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <TextField source="compoundName" emptyText="企业本部" sortable={false} />
      <DateField locales="zh-CN" source="hiredOn" />
      <DateField locales="zh-CN" source="leftOn" emptyText="在职" />
      <TextField source="phone" emptyText="—" sortable={false} />
      <DateField locales="zh-CN" source="certificateExpiresOn" emptyText="—" />
      <SelectField source="certificateFlag" choices={certificateFlagChoices} emptyText="—" sortable={false} />
      <FunctionField
        source="trainingHoursTenths"
        sortable={false}
        render={(r: { trainingHoursTenths?: number }) => `${tenthsToHours(r.trainingHoursTenths ?? 0)} 小时`}
      />
      <RegionField source="regionCode" />
    </Datagrid>
  </List>
);
