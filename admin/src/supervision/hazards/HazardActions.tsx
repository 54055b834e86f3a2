import { useState } from 'react';
import { useGetIdentity, usePermissions, useRecordContext } from 'react-admin';
import { PhotoUploads } from '../../common/UploadedFilesInput';
import { ActionTextField } from '../../common/ActionTextField';
import { RecordActionDialog, type RecordAction } from '../../common/RecordActionDialog';

const INSPECTORS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'];

/** The company rectifies (photos + note) or says it cannot; the inspector (or, for a patrol, a colleague) verifies. */
export const HazardActions = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const [photos, setPhotos] = useState<string[]>([]);
  const [note, setNote] = useState('');
  if (!record || record.status === 'closed') return null;

  const company = permissions === 'company_staff';
  const mayVerify =
    record.status === 'rectified' &&
    String(record.rectifiedBy) !== String(identity?.id) &&
    (INSPECTORS.includes(permissions) || (company && record.kind === 'patrol'));
  const mayRectify = company && record.status === 'open';
  if (!mayVerify && !mayRectify) return null;
  const path = (action: string) => `/api/hazards/${record.id}/${action}`;
  const actions: RecordAction[] = mayRectify
    ? [
        {
          label: '提交整改',
          path: path('rectify'),
          body: () => ({ photos, note }),
          done: '已提交整改，等待复查',
          disabled: photos.length === 0 || !note.trim(),
        },
        ...(!record.reportedAt
          ? [
              {
                label: '无法整改，申请上报',
                path: path('report'),
                body: () => ({ note }),
                done: '已上报，无法自行整改',
                variant: 'outlined',
                color: 'warning',
                disabled: !note.trim(),
              } as const,
            ]
          : []),
      ]
    : [
        { label: '复查通过', path: path('verify'), body: () => ({ decision: 'accept', note: note || null }), done: '复查通过，隐患已销号' },
        {
          label: '复查不通过',
          path: path('verify'),
          body: () => ({ decision: 'reject', note }),
          done: '复查不通过，已退回企业',
          variant: 'outlined',
          color: 'error',
          disabled: !note.trim(),
        },
      ];
  const clear = () => {
    setPhotos([]);
    setNote('');
  };
  return (
    <RecordActionDialog title={mayRectify ? '提交整改' : '复查'} actions={actions} onDone={clear}>
      {(errors) => (
        <>
          {mayRectify && <PhotoUploads testId="rectification-photos" value={photos} onChange={setPhotos} />}
          <ActionTextField
            label={mayRectify ? '整改说明' : '复查意见'}
            field="note"
            errors={errors}
            value={note}
            onChange={setNote}
            testId="hazard-note"
            fullWidth
            multiline
            sx={{ my: 1 }}
          />
        </>
      )}
    </RecordActionDialog>
  );
};
