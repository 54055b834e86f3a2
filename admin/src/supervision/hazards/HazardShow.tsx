import { BooleanField, DateField, FunctionField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, type RaRecord } from 'react-admin';
import { Alert } from '@mui/material';
import { RegionField } from '../../common/fields';
import { UploadedFileLinks } from '../../common/UploadedFilesInput';
import { formatBeijing, parseTimestamp } from '../../common/beijingTime';
import {
  HAZARD_EVENT_ACTION_LABELS,
  categoryChoices,
  hazardStatusChoices,
  kindChoices,
  reportLevelChoices,
  reportReasonChoices,
  severityChoices,
} from '../inspectionChoices';
import { HazardActions } from './HazardActions';

type Event = { id: number; action: keyof typeof HAZARD_EVENT_ACTION_LABELS; actorName: string; note: string | null; photos: string[]; at: string };
const links = (urls: string[] | undefined, prefix: string) => (urls ?? []).map((url, i) => ({ name: `${prefix}${i + 1}`, url }));
const when = (s: string) => {
  const d = parseTimestamp(s);
  return d ? formatBeijing(d, false) : s;
};

/** The hazard's timeline, every step kept (found, rectified, accepted / rejected, reported). */
const Timeline = ({ r }: { r: RaRecord }) => (
  <ol data-testid="hazard-timeline">
    {((r.events ?? []) as Event[]).map((e) => (
      <li key={e.id}>
        {when(e.at)} {HAZARD_EVENT_ACTION_LABELS[e.action] ?? ''}（{e.actorName}）{e.note ? `：${e.note}` : ''}
        {e.photos.length > 0 && <UploadedFileLinks files={links(e.photos, '照片')} testId="event-photo-link" />}
      </li>
    ))}
  </ol>
);

export const HazardShow = () => (
  <Show>
    <SimpleShowLayout>
      <FunctionField
        label=""
        render={(r: RaRecord) =>
          r.fireBrigadeFlag ? (
            <Alert severity="error">消防车通道隐患已上报，须同时通报消防救援机构（派出所/消防救援站）</Alert>
          ) : r.overdue ? (
            <Alert severity="warning">已超过整改期限</Alert>
          ) : null
        }
      />
      <TextField source="description" />
      <SelectField source="category" choices={categoryChoices} />
      <SelectField source="severity" choices={severityChoices} />
      <BooleanField source="fireLane" />
      <SelectField source="status" choices={hazardStatusChoices} />
      <SelectField source="kind" choices={kindChoices} />
      <ReferenceField source="inspectionId" reference="inspections" link="show" />
      <TextField source="compoundName" />
      <TextField source="companyName" />
      <RegionField source="regionCode" />
      <TextField source="foundByName" />
      <DateField locales="zh-CN" source="foundAt" showTime />
      <DateField locales="zh-CN" source="deadlineAt" showTime />
      <FunctionField source="photos" render={(r: RaRecord) => <UploadedFileLinks files={links(r.photos, '现场照片')} testId="hazard-photo-link" />} />
      <FunctionField
        source="rectificationPhotos"
        render={(r: RaRecord) => <UploadedFileLinks files={links(r.rectificationPhotos, '整改照片')} testId="rectification-photo-link" />}
      />
      <TextField source="rectificationNote" emptyText="—" />
      <DateField locales="zh-CN" source="reportedAt" showTime emptyText="—" />
      <SelectField source="reportedTo" choices={reportLevelChoices} emptyText="—" />
      <SelectField source="reportReason" choices={reportReasonChoices} emptyText="—" />
      <FunctionField source="events" render={(r: RaRecord) => <Timeline r={r} />} />
      <HazardActions />
    </SimpleShowLayout>
  </Show>
);
