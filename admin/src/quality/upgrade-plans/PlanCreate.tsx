import { ArrayInput, Create, DateInput, NumberInput, required, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { RefInput, RegionInput } from '../../common/fields';
import { getUser } from '../../auth/session';
import { pick } from '../../common/pick';

const writable = ['regionCode', 'year', 'measures', 'deadline', 'items'];
const year = (v: unknown) => (v != null && (!Number.isInteger(v) || (v as number) < 2000 || (v as number) > 2100) ? '年度须在2000–2100年之间' : undefined);

export const PlanCreate = () => {
  const user = getUser();
  const district = user?.regionCode?.length === 6 ? user.regionCode : undefined;
  return (
    <Create redirect="show" transform={pick(writable)}>
      <SimpleForm defaultValues={{ regionCode: district, year: new Date().getFullYear(), items: [{}] }}>
        <RegionInput source="regionCode" level="district" validate={required()} />
        <NumberInput source="year" step={1} validate={[required(), year]} />
        <TextInput source="measures" multiline minRows={3} fullWidth validate={required()} />
        <DateInput source="deadline" validate={required()} />
        <ArrayInput source="items" validate={required('至少列入一个项目')}>
          <SimpleFormIterator inline>
            <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required()} />
            <RefInput source="targetLevelId" reference="service-levels" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
