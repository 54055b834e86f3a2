import { BooleanInput, FormDataConsumer, PasswordInput, regex, required, SelectInput, TextInput, usePermissions, type Validator } from 'react-admin';
import { passwordPolicyHint, passwordProblem } from '@baotou/shared';
import { usePasswordPolicy } from '../passwordPolicy';
import { roleChoices } from '../../choices';
import { RefInput, RegionInput } from '../../common/fields';

const usernameFormat = regex(/^[a-z0-9_]{3,32}$/, '用户名须为 3–32 位小写字母、数字或下划线');

/** Roles each manager may hand out (the server refuses others with ROLE_NOT_ASSIGNABLE). */
const ASSIGNABLE: Record<string, string[]> = {
  city_admin: roleChoices.map((c) => c.id),
  district_staff: ['street_staff', 'community_staff'],
};

/** A staff account's region is at its role's level (company staff are bound to a company). */
const REGION_LEVEL: Record<string, 'district' | 'street' | 'community' | undefined> = {
  district_staff: 'district',
  street_staff: 'street',
  community_staff: 'community',
};

/**
 * Every staff account is bound to a region (its jurisdiction); company staff to a company (a region is optional).
 * On edit the password is optional: left empty, the current one is kept (see sanitizeUser).
 */
export const UserInputs = ({ isCreate = false }: { isCreate?: boolean }) => {
  const { permissions } = usePermissions<string>();
  const assignable = ASSIGNABLE[permissions ?? ''] ?? [];
  const policy = usePasswordPolicy();
  // The settings' rule (issue 17), as the server checks it: shown on the field before saving.
  const followsPolicy: Validator = (value, values) => (value ? (passwordProblem(String(value), policy, values?.username) ?? undefined) : undefined);
  return (
    <>
      <TextInput source="username" validate={[required(), usernameFormat]} readOnly={!isCreate} />
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={roleChoices.filter((c) => assignable.includes(c.id))} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <>
            <RegionInput
              key={formData.role ?? ''}
              source="regionCode"
              level={REGION_LEVEL[formData.role]}
              validate={formData.role === 'company_staff' ? undefined : required()}
            />
            {formData.role === 'company_staff' && <RefInput source="companyId" reference="companies" validate={required()} />}
          </>
        )}
      </FormDataConsumer>
      <PasswordInput
        source="password"
        validate={isCreate ? [required(), followsPolicy] : followsPolicy}
        helperText={`${isCreate ? '' : '留空则不修改密码；'}${passwordPolicyHint(policy)}；该账号登录后须先自行修改`}
        autoComplete="new-password"
      />
      <BooleanInput source="disabled" />
    </>
  );
};
