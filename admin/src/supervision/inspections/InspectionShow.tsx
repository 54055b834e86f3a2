import {
  DateField,
  FunctionField,
  NumberField,
  ReferenceManyField,
  Datagrid,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  type RaRecord,
} from 'react-admin';
import { RegionField } from '../../common/fields';
import { UploadedFileLinks } from '../../common/UploadedFilesInput';
import { CHECKLIST_CATEGORY_LABELS, ITEM_RESULT_LABELS, hazardStatusChoices, kindChoices, severityChoices } from '../inspectionChoices';

type Result = {
  itemId: number;
  category: string;
  text: string;
  result: string;
  photos: string[];
  note: string | null;
  correctedOnSpot: boolean;
  rectificationPhotos: string[];
};
const photoLinks = (urls: string[], prefix: string) => urls.map((url, i) => ({ name: `${prefix}${i + 1}`, url }));

export const InspectionShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="kind" choices={kindChoices} />
      <TextField source="compoundName" />
      <TextField source="companyName" />
      <RegionField source="regionCode" />
      <TextField source="inspectorName" />
      <DateField locales="zh-CN" source="inspectedAt" showTime />
      <FunctionField source="lat" label="位置" render={(r: RaRecord) => (r.lat ? `${r.lat}, ${r.lng}` : '—')} />
      <TextField source="note" emptyText="—" />
      <NumberField source="failedCount" />
      <FunctionField
        source="results"
        render={(r: RaRecord) => (
          <ul data-testid="inspection-results">
            {((r.results ?? []) as Result[]).map((x) => (
              <li key={x.itemId}>
                【{CHECKLIST_CATEGORY_LABELS[x.category as keyof typeof CHECKLIST_CATEGORY_LABELS] ?? ''}】{x.text}：
                {ITEM_RESULT_LABELS[x.result as keyof typeof ITEM_RESULT_LABELS]}
                {x.correctedOnSpot ? '（已当场改正）' : ''}
                {x.note ? `（${x.note}）` : ''}
                {x.photos.length > 0 && <UploadedFileLinks files={photoLinks(x.photos, '现场照片')} testId="result-photo-link" />}
                {x.rectificationPhotos.length > 0 && <UploadedFileLinks files={photoLinks(x.rectificationPhotos, '整改照片')} testId="result-photo-link" />}
              </li>
            ))}
          </ul>
        )}
      />
      <ReferenceManyField reference="hazards" target="inspectionId" label="发现的隐患">
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="description" sortable={false} />
          <SelectField source="severity" choices={severityChoices} sortable={false} />
          <SelectField source="status" choices={hazardStatusChoices} sortable={false} />
          <DateField locales="zh-CN" source="deadlineAt" showTime sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
