import { Datagrid, DateField, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { RegionInput, searchFilter } from '../../common/fields';
import { YuanField } from '../fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { awardKindChoices, yearChoices } from '../choices';
import { useRowClick } from '../../common/rowClick';

const filters = [
  searchFilter,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={awardKindChoices} alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" />,
];

const exporter = serverXlsxExporter('awards');

export const AwardList = () => {
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'year', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <TextField source="projectName" sortable={false} />
        <TextField source="companyName" sortable={false} />
        <SelectField source="kind" choices={awardKindChoices} />
        <NumberField source="year" options={{ useGrouping: false }} />
        <TextField source="document" sortable={false} />
        <YuanField source="rewardFen" />
        <DateField locales="zh-CN" source="rewardPaidOn" emptyText="—" />
      </Datagrid>
    </List>
  );
};
