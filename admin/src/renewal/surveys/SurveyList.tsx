import { BooleanInput, Datagrid, DateField, FunctionField, List, NumberField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { EnumField, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { centiText, classificationChoices, surveyStatusChoices } from '../surveyChoices';

// `q` searches the compound's name or code; `regionCode` keeps a district, street or community.
const filters = [
  searchFilter,
  <RegionInput key="regionCode" source="regionCode" label="所属区划" alwaysOn />,
  <SelectInput key="status" source="status" choices={surveyStatusChoices} alwaysOn />,
  <SelectInput key="classification" source="classification" choices={classificationChoices} alwaysOn />,
  <SelectInput key="proposedClassification" source="proposedClassification" choices={classificationChoices} />,
  <BooleanInput key="unclassified" source="unclassified" />,
];

const exporter = serverXlsxExporter('renewal-surveys');

export const SurveyList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <TextField source="districtName" sortable={false} />
      <RegionField source="regionCode" />
      <EnumField source="status" choices={surveyStatusChoices} />
      <NumberField source="householdCount" emptyText="—" />
      <FunctionField source="floorAreaCenti" render={(r: RaRecord) => centiText(r.floorAreaCenti)} />
      <DateField locales="zh-CN" source="surveyedOn" emptyText="—" />
      <EnumField source="proposedClassification" choices={classificationChoices} />
      <EnumField source="classification" choices={classificationChoices} />
      <DateField locales="zh-CN" source="updatedAt" showTime />
    </Datagrid>
  </List>
);
