import { useFormContext } from 'react-hook-form';
import { AutocompleteInput, BooleanInput, DateInput, FormDataConsumer, ReferenceInput, regex, required, SelectInput, TextInput, useGetOne } from 'react-admin';
import { RefInput } from '../../common/fields';
import { crossAppointmentChoices, memberRoleChoices } from '../choices';
import { committeeRepresentation } from '../committees/representation';
import { phoneValidator } from '../../common/phone';

export const memberWritable = ['committeeId', 'ownerId', 'name', 'phone', 'role', 'partyMember', 'crossAppointment', 'termStart', 'termEnd'] as const;

export const memberValid = (values: Record<string, string | null>) =>
  values.termStart && values.termEnd && values.termEnd <= values.termStart ? { termEnd: '任期届满日期须晚于任期开始日期' } : {};

// The server shows a stored phone masked (138****1234); sending it back unchanged keeps it.
const phoneFormat = phoneValidator({ keepMasked: true });

type Home = { buildingName?: string; unitName?: string | null; room?: string; ownerId?: number | null; ownerName?: string | null };
const homeText = (h: Home | undefined) => (h ? `${h.buildingName ?? ''}${h.unitName ?? ''} ${h.room ?? ''}（${h.ownerName ?? '无登记业主'}）` : '');

/**
 * Members are owners of the committee's compound, and owners' names repeat across the city: the
 * owner is picked through one of their homes in that compound, which fills the owner and name.
 */
const OwnerFromHome = ({ committeeId }: { committeeId?: number }) => {
  const { setValue } = useFormContext();
  const { data: committee } = useGetOne('committees', { id: committeeId! }, { enabled: !!committeeId });
  if (!committee) return null;
  return (
    <ReferenceInput source="householdId" reference="households" filter={{ compoundId: committee.compoundId }}>
      <AutocompleteInput
        label="按房屋选择业主"
        optionText={homeText}
        filterToQuery={(q: string) => ({ q })}
        helperText="输入房号搜索本小区房屋"
        onChange={(_id: unknown, record: unknown) => {
          const home = record as Home | '';
          if (!home || !home.ownerId) return;
          setValue('ownerId', home.ownerId, { shouldDirty: true });
          setValue('name', home.ownerName ?? '', { shouldDirty: true });
        }}
        sx={{ minWidth: 320 }}
      />
    </ReferenceInput>
  );
};

export const MemberInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <RefInput source="committeeId" reference="committees" optionText={committeeRepresentation} validate={required()} readOnly={!isCreate} />
    {isCreate && <FormDataConsumer>{({ formData }) => <OwnerFromHome committeeId={formData.committeeId} />}</FormDataConsumer>}
    <RefInput
      source="ownerId"
      reference="owners"
      optionText={(o) => (o ? `${o.name}${o.phone ? `（${o.phone}）` : ''}` : '')}
      readOnly
      helperText="关联本小区登记业主后，其认证房屋的住户可在小程序中履行委员职责"
    />
    <TextInput source="name" validate={[required(), regex(/^.{1,40}$/, '姓名不能超过40个字')]} />
    <TextInput source="phone" validate={phoneFormat} />
    <SelectInput source="role" choices={memberRoleChoices} validate={required()} />
    <BooleanInput source="partyMember" />
    <SelectInput source="crossAppointment" choices={crossAppointmentChoices} validate={required()} />
    <DateInput source="termStart" />
    <DateInput source="termEnd" />
  </>
);
