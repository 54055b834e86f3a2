import { DateField, FunctionField, SelectField, Show, SimpleShowLayout, TextField, type RaRecord } from 'react-admin';
import { REQUIREMENT_CATEGORY_LABELS, type RequirementCategory } from '@baotou/shared';
import { RegionField } from '../../common/fields';
import { assessmentStatusChoices, scaleChoices } from '../choices';
import { AssessPanel } from './AssessPanel';
import { UploadedFileLinks } from '../../common/UploadedFilesInput';

const itemText = (assessment: RaRecord, index: number) => {
  const item = (assessment.levelItems ?? [])[index] as { category: RequirementCategory; text: string } | undefined;
  return item ? `【${REQUIREMENT_CATEGORY_LABELS[item.category]}】${item.text}` : `第${index + 1}项`;
};

export const AssessmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="projectName" />
      <TextField source="companyName" />
      <RegionField source="regionCode" />
      <SelectField source="scale" choices={scaleChoices} />
      <TextField source="levelName" />
      <SelectField source="status" choices={assessmentStatusChoices} />
      <FunctionField source="evidence" render={(r: RaRecord) => <UploadedFileLinks files={r.evidence} testId="evidence-link" />} />
      <TextField source="applicationNote" emptyText="—" />
      <DateField locales="zh-CN" source="createdAt" />
      <DateField locales="zh-CN" source="decidedOn" emptyText="—" />
      <TextField source="decisionNote" emptyText="—" />
      <FunctionField
        source="results"
        render={(r: RaRecord) =>
          r.results ? (
            <ul>
              {(r.results as { item: number; met: boolean; photos: string[] }[]).map((x) => (
                <li key={x.item}>
                  {itemText(r, x.item)}：{x.met ? '达标' : '未达标'}
                  {x.photos.length ? (
                    <>
                      （照片：
                      <UploadedFileLinks files={x.photos.map((url, i) => ({ name: `照片${i + 1}`, url }))} testId="item-photo-link" />）
                    </>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          ) : (
            '尚未评定'
          )
        }
      />
      <AssessPanel />
    </SimpleShowLayout>
  </Show>
);
