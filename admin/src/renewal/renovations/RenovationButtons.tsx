import HowToVoteIcon from '@mui/icons-material/HowToVote';
import DescriptionIcon from '@mui/icons-material/Description';
import ConstructionIcon from '@mui/icons-material/Construction';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { DateInput, NumberInput, TextInput, maxLength, maxValue, minValue, required, usePermissions, useRecordContext, type RaRecord } from 'react-admin';
import { ActionDialog } from '../../fund/ActionDialog';
import { RefInput } from '../../common/fields';
import { RENOVATION_STATUS_LABELS } from '../areasChoices';
import { postRenewal } from '../areasApi';

const STAFF = ['street_staff', 'district_staff'];
const done = (r: RaRecord) => `「${r.title}」${RENOVATION_STATUS_LABELS[r.status as keyof typeof RENOVATION_STATUS_LABELS] ?? ''}`;
const post = (record: RaRecord, path: string, body: unknown = {}) => postRenewal<RaRecord>(`/renovations/${record.id}/${path}`, body);

/**
 * The renovation's steps (issue 11): link the owners' vote on content, service standard and fee; sign the
 * service contract and start works only once it passed (the server refuses otherwise); progress; acceptance.
 */
export const RenovationButtons = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string | null>();
  if (!record || !STAFF.includes(permissions ?? '')) return null;
  const s = record.status;
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {s === 'planned' && (
        <ActionDialog<{ voteId: number }>
          label="关联业主表决"
          icon={<HowToVoteIcon />}
          run={async (v) => done(await post(record, 'link-vote', { voteId: v.voteId }))}
        >
          <div>由街道就改造内容、改造后服务标准和收费组织业主表决或征询，在此关联该表决。</div>
          <RefInput
            source="voteId"
            reference="votes"
            filter={{ compoundId: record.compoundId }}
            optionText="title"
            validate={required('请选择本小区的业主表决')}
          />
        </ActionDialog>
      )}
      {s === 'planned' && (
        <ActionDialog<{ contractRef: string }>
          label="登记服务合同"
          icon={<DescriptionIcon />}
          run={async (v) => done(await post(record, 'contract', { contractRef: v.contractRef.trim() }))}
        >
          <div>业主表决通过后才能登记。</div>
          <TextInput source="contractRef" label="服务合同编号" validate={[required('请填写服务合同编号'), maxLength(80, '最多80字')]} />
        </ActionDialog>
      )}
      {(s === 'planned' || s === 'contracted') && (
        <ActionDialog<Record<string, never>>
          label="开工"
          icon={<ConstructionIcon />}
          variant="contained"
          maxWidth="xs"
          run={async () => done(await post(record, 'start-works'))}
        >
          <div>须业主表决已通过并已登记服务合同。</div>
        </ActionDialog>
      )}
      {s === 'in_progress' && (
        <ActionDialog<{ progressPercent: number; note?: string }>
          label="更新进度"
          icon={<TrendingUpIcon />}
          defaultValues={{ progressPercent: record.progressPercent }}
          run={async (v) => done(await post(record, 'progress', { progressPercent: Number(v.progressPercent), note: v.note?.trim() || null }))}
        >
          <NumberInput
            source="progressPercent"
            label="进度（%）"
            validate={[required('请填写进度'), minValue(record.progressPercent, '进度不能倒退'), maxValue(100, '进度不能超过100')]}
          />
          <TextInput source="note" label="进度说明" fullWidth validate={maxLength(500, '最多500字')} />
        </ActionDialog>
      )}
      {s === 'in_progress' && record.progressPercent === 100 && (
        <ActionDialog<{ acceptedOn: string; note?: string }>
          label="竣工验收"
          icon={<TaskAltIcon />}
          variant="contained"
          run={async (v) => done(await post(record, 'accept', { acceptedOn: v.acceptedOn, note: v.note?.trim() || null }))}
        >
          <DateInput source="acceptedOn" label="验收日期" validate={required('请填写验收日期')} />
          <TextInput source="note" label="验收意见" fullWidth validate={maxLength(500, '最多500字')} />
        </ActionDialog>
      )}
    </div>
  );
};
