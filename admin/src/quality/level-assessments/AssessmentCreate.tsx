import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { RefInput } from '../../common/fields';
import { UploadedFilesInput } from '../../common/UploadedFilesInput';

const toBody = (data: Record<string, unknown>) => ({
  projectId: data.projectId,
  levelId: data.levelId,
  evidence: Array.isArray(data.evidence) ? data.evidence : [],
  applicationNote: data.applicationNote || null,
});

const requireEvidence = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : '请上传证明材料');

/** A company applies for a level for one of its projects, with its evidence uploaded (issue 12). */
export const AssessmentCreate = () => (
  <Create redirect="show" transform={toBody}>
    <SimpleForm>
      <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required()} />
      <RefInput source="levelId" reference="service-levels" validate={required()} />
      <UploadedFilesInput source="evidence" label="证明材料（自评报告、服务台账等，图片或PDF，每个不超过5MB）" testId="evidence" validate={requireEvidence} />
      <TextInput source="applicationNote" multiline fullWidth />
    </SimpleForm>
  </Create>
);
