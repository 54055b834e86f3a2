import { BooleanField, BooleanInput, Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { searchFilter, RefInput } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { useRowClick } from '../../common/rowClick';
import { billingCycleChoices, feeItemKindChoices, yuan } from '../choices';

const filters = [
  searchFilter,
  <SelectInput key="kind" source="kind" choices={feeItemKindChoices} alwaysOn />,
  <RefInput key="projectId" source="projectId" reference="projects" optionText="compoundName" />,
  <BooleanInput key="active" source="active" />,
];

const exporter = serverXlsxExporter('fee-items');

/** milli-fen per m² per month → "1.3900 元/㎡·月". */
export const unitPrice = (milli: number) =>
  `${Math.floor(milli / 100000)}.${String(milli % 100000)
    .padStart(5, '0')
    .slice(0, 4)} 元/㎡·月`;

export const FeeItemList = () => {
  // Bureau staff read the items; only company staff edit them (a reader's row click led to 无权访问).
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <TextField source="compoundName" sortable={false} />
        <TextField source="name" />
        <SelectField source="kind" choices={feeItemKindChoices} />
        <FunctionField
          label="单价"
          render={(r: RaRecord) => (r.kind === 'property_fee' ? unitPrice(Number(r.feeMilliFenPerM2Month)) : `${yuan(Number(r.monthlyFen))}/月`)}
        />
        <SelectField source="billingCycle" choices={billingCycleChoices} sortable={false} />
        <DateField locales="zh-CN" source="startsOn" />
        <FunctionField
          source="lateFeeBpPerMonth"
          sortable={false}
          render={(r: RaRecord) => (r.lateFeeBpPerMonth == null ? '未约定' : `每月万分之${r.lateFeeBpPerMonth}`)}
        />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
