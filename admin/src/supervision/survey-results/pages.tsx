import { Datagrid, FunctionField, List, NumberField, ReferenceField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { EnumField, RefInput, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { formatRate, surveyStatusChoices, validityText, warningText } from '../surveysChoices';

const yesNo = [
  { id: 'true', name: '是' },
  { id: 'false', name: '否' },
];
const filters = [
  searchFilter,
  <SelectInput key="warning" source="warning" choices={yesNo} alwaysOn />,
  <RefInput key="surveyId" source="surveyId" reference="surveys" optionText="title" />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
  <RegionInput key="regionCode" source="regionCode" />,
];
const exporter = serverXlsxExporter('survey-results');

/** Every project's result across surveys (aggregates only), e.g. the projects under warning. */
const SurveyResultList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <ReferenceField source="surveyId" reference="surveys" link="show" sortable={false} />
      <EnumField source="surveyStatus" choices={surveyStatusChoices} sortable={false} />
      <TextField source="compoundName" sortable={false} />
      <TextField source="companyName" sortable={false} />
      <NumberField source="responses" />
      <FunctionField source="rateBasisPoints" render={(r: RaRecord) => formatRate(r.rateBasisPoints)} />
      <FunctionField source="sampleValid" render={validityText} sortable={false} />
      <FunctionField source="warning" render={warningText} sortable={false} />
      <ReferenceField source="interviewId" reference="interviews" link="show" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);

export const surveyResults = { list: SurveyResultList };
