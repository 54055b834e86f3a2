import {
  BooleanField,
  CreateButton,
  Datagrid,
  DateField,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { EnumField, RegionField } from '../../common/fields';
import { useRowClick } from '../../common/rowClick';
import { disclosureKindChoices, disclosureStatusChoices } from '../../disclosures/choices';
import { voteMatterChoices, voteStatusChoices } from '../../votes/choices';
import { committeeKindChoices, committeeStatusChoices, crossAppointmentChoices, memberRoleChoices } from '../choices';
import { AlertsField } from './AlertsField';

const AddMemberButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ action: 'create', resource: 'committee-members' });
  if (!record || !canAccess) return null;
  return (
    <CreateButton
      resource="committee-members"
      label="添加委员"
      to={{
        pathname: '/committee-members/create',
        // react-admin's Create reads default values from ?source=
        search: `?source=${encodeURIComponent(JSON.stringify({ committeeId: record.id, termStart: record.termStart, termEnd: record.termEnd }))}`,
      }}
    />
  );
};

const Actions = () => (
  <TopToolbar>
    <AddMemberButton />
    <EditButton />
  </TopToolbar>
);

export const CommitteeShow = () => {
  const memberRowClick = useRowClick('committee-members');
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <ReferenceField source="compoundId" reference="compounds" />
        <RegionField source="regionCode" />
        <EnumField source="kind" choices={committeeKindChoices} />
        <EnumField source="status" choices={committeeStatusChoices} />
        <DateField locales="zh-CN" source="electedAt" emptyText="—" />
        <DateField locales="zh-CN" source="termStart" emptyText="—" />
        <DateField locales="zh-CN" source="termEnd" emptyText="—" />
        <DateField locales="zh-CN" source="filedAt" emptyText="未备案" />
        <NumberField source="memberCount" />
        <NumberField source="partyMemberCount" />
        <DateField locales="zh-CN" source="lastDisclosureAt" emptyText="—" />
        <Labeled label="resources.committees.fields.alerts">
          <AlertsField />
        </Labeled>
        <ReferenceManyField label="委员" reference="committee-members" target="committeeId" sort={{ field: 'role', order: 'ASC' }} perPage={25}>
          <Datagrid rowClick={memberRowClick} bulkActionButtons={false} empty={<span>尚未登记委员</span>}>
            <TextField source="name" />
            <EnumField source="role" choices={memberRoleChoices} />
            <BooleanField source="partyMember" />
            <EnumField source="crossAppointment" choices={crossAppointmentChoices} />
            <DateField locales="zh-CN" source="termStart" emptyText="—" />
            <DateField locales="zh-CN" source="termEnd" emptyText="—" />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField
          label="信息公开"
          reference="disclosures"
          target="compoundId"
          source="compoundId"
          sort={{ field: 'publishedAt', order: 'DESC' }}
          perPage={5}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>暂无公开</span>}>
            <EnumField source="kind" choices={disclosureKindChoices} />
            <TextField source="title" />
            <EnumField source="status" choices={disclosureStatusChoices} />
            <DateField locales="zh-CN" source="publishedAt" showTime emptyText="—" />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField label="业主表决" reference="votes" target="compoundId" source="compoundId" sort={{ field: 'createdAt', order: 'DESC' }} perPage={5}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>暂无表决</span>}>
            <TextField source="title" />
            <EnumField source="matter" choices={voteMatterChoices} />
            <EnumField source="status" choices={voteStatusChoices} />
            <DateField locales="zh-CN" source="closesAt" showTime />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
};
