import { Create, DateInput, Edit, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { RefInput, RegionInput } from '../../common/fields';
import { orgSettingChoices, orgTypeChoices } from '../choices';
import { pick } from '../../common/pick';

const writable = ['type', 'setting', 'name', 'parentId', 'secretaryName', 'foundedOn', 'memberCount', 'companyId', 'compoundId', 'regionCode'];

const PlaceInputs = () => {
  const setting = useWatch({ name: 'setting' });
  const type = useWatch({ name: 'type' });
  // The server's rule (shared party/rules.ts): a company's own organisation names its company; a joint branch may give only its region.
  if (setting === 'company')
    return (
      <>
        <RefInput
          source="companyId"
          reference="companies"
          validate={type === 'joint_branch' ? undefined : required()}
          helperText={type === 'joint_branch' ? '联合党支部填牵头企业，或只填所在地区' : undefined}
        />
        <RegionInput source="regionCode" />
      </>
    );
  if (setting === 'owners_committee' || setting === 'compound') return <RefInput source="compoundId" reference="compounds" validate={required()} />;
  return <RegionInput source="regionCode" />;
};

const OrgInputs = () => (
  <>
    <TextInput source="name" validate={required()} sx={{ minWidth: 420 }} />
    <SelectInput source="type" choices={orgTypeChoices} validate={required()} />
    <SelectInput source="setting" choices={orgSettingChoices} validate={required()} />
    <PlaceInputs />
    <RefInput source="parentId" reference="party-orgs" />
    <TextInput source="secretaryName" />
    <DateInput source="foundedOn" validate={required()} />
    <NumberInput source="memberCount" min={0} step={1} validate={required()} />
  </>
);

export const OrgCreate = () => (
  <Create redirect="show" transform={pick(writable)}>
    <SimpleForm defaultValues={{ type: 'branch', setting: 'company', memberCount: 3 }}>
      <OrgInputs />
    </SimpleForm>
  </Create>
);

export const OrgEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={pick(writable)}>
    <SimpleForm>
      <OrgInputs />
    </SimpleForm>
  </Edit>
);
