import { Datagrid, DateField, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { serviceLevelChoices } from '../../choices';
import { FenField, RegionField } from '../../common/fields';
import { assessmentStatusChoices, feeFlagChoices, pricingFormChoices, selectionMethodChoices } from '../../quality/choices';

export const ProjectShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="companyId" reference="companies" />
      <ReferenceField source="compoundId" reference="compounds" />
      <RegionField source="regionCode" />
      <DateField locales="zh-CN" source="startDate" />
      <DateField locales="zh-CN" source="endDate" emptyText="—" />
      <FenField source="feeFenPerM2Month" />
      <SelectField source="feeFlag" choices={feeFlagChoices} emptyText="未超出指导价（或无指导价）" />
      <TextField source="assessedLevelName" emptyText="未评定" />
      <DateField locales="zh-CN" source="assessedOn" emptyText="—" />
      <SelectField source="pricingForm" choices={pricingFormChoices} emptyText="—" />
      <SelectField source="selectionMethod" choices={selectionMethodChoices} emptyText="—" />
      <DateField locales="zh-CN" source="tenderDate" emptyText="—" />
      <TextField source="tenderResult" emptyText="—" />
      {/* the project's level history (quality: level-assessments) */}
      <ReferenceManyField label="等级评定记录" reference="level-assessments" target="projectId" sort={{ field: 'id', order: 'DESC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>暂无评定记录</span>}>
          <TextField source="levelName" />
          <SelectField source="status" choices={assessmentStatusChoices} />
          <DateField locales="zh-CN" source="decidedOn" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <SelectField source="serviceLevel" choices={serviceLevelChoices} emptyText="—" />
      <TextField source="contractFilingNo" emptyText="—" />
      <DateField locales="zh-CN" source="contractFilingDate" emptyText="—" />
      <TextField source="managerName" emptyText="—" />
      <TextField source="managerPhone" emptyText="—" />
      <TextField source="managerFilingNo" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
