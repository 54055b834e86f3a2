import { useState } from 'react';
import { Button } from '@mui/material';
import { DateField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useNotify, usePermissions, useRecordContext } from 'react-admin';
import { RegionField } from '../../common/fields';
import { getJson } from '../api';
import { genderChoices, memberRoleChoices } from '../choices';

/** Party-building staff may see the full phone; each view is recorded in the audit log. */
const PhoneField = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const [full, setFull] = useState<string | null>(null);
  if (!record) return null;
  const isParty = permissions === 'party_staff';
  return (
    <span>
      {full ?? record.phone ?? '—'}
      {isParty && record.phone && !full && (
        <Button
          size="small"
          onClick={() =>
            getJson<{ phone: string }>(`/party-members/${record.id}/contact`).then(
              (r) => setFull(r.phone),
              (e) => notify((e as Error).message, { type: 'error' }),
            )
          }
        >
          查看完整号码
        </Button>
      )}
    </span>
  );
};

export const MemberShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="gender" choices={genderChoices} />
      <DateField locales="zh-CN" source="joinedOn" />
      <ReferenceField source="orgId" reference="party-orgs" />
      <SelectField source="role" choices={memberRoleChoices} />
      <ReferenceField source="employerCompanyId" reference="companies" emptyText="—" />
      <ReferenceField source="compoundId" reference="compounds" emptyText="—" />
      <RegionField source="regionCode" />
      <PhoneField />
    </SimpleShowLayout>
  </Show>
);
