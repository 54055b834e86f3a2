import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { RefInput } from '../../common/fields';

// Evidence: one file name or link per line (the platform has no shared upload store yet).
const toBody = (data: Record<string, unknown>) => ({
  projectId: data.projectId,
  levelId: data.levelId,
  evidence: String(data.evidenceText ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean),
  applicationNote: data.applicationNote || null,
});

export const AssessmentCreate = () => (
  <Create redirect="show" transform={toBody}>
    <SimpleForm>
      <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required()} />
      <RefInput source="levelId" reference="service-levels" validate={required()} />
      <TextInput source="evidenceText" label="证明材料（每行一项：文件名或链接）" multiline minRows={3} fullWidth validate={required('请列出证明材料')} />
      <TextInput source="applicationNote" multiline fullWidth />
    </SimpleForm>
  </Create>
);
