import SendIcon from '@mui/icons-material/Send';
import GavelIcon from '@mui/icons-material/Gavel';
import EngineeringIcon from '@mui/icons-material/Engineering';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import PaymentsIcon from '@mui/icons-material/Payments';
import { nextFundStatus, type FundApplicationStatus } from '@baotou/shared';
import { FormDataConsumer, RadioButtonGroupInput, TextInput, maxLength, required, useRecordContext, type RaRecord } from 'react-admin';
import { useMayFund } from '../access';
import { ActionDialog } from '../ActionDialog';
import { postFund } from '../api';
import { applicationStatusLabels } from '../choices';
import { YuanInput } from '../fields';
import { DocumentsInput } from './DocumentsInput';
import { formatYuan, parseYuan } from '../money';

type Doc = { name?: string; url?: string };
const docs = (list: Doc[] | undefined) =>
  (list ?? []).filter((d) => d?.name?.trim() && d?.url?.trim()).map((d) => ({ name: d.name!.trim(), url: d.url!.trim() }));

const path = (r: RaRecord, action: string) => `/fund-applications/${encodeURIComponent(String(r.id))}/${action}`;
const done = (r: RaRecord, to: string) => `「${r.title}」${applicationStatusLabels[to] ?? to}`;

/** 提交: draft → vote (or review, for emergencies); after a passed vote → review; returned → review. */
const SubmitButton = ({ record }: { record: RaRecord }) => {
  const may = useMayFund('submit');
  const status = record.status as FundApplicationStatus;
  if (!may || !['draft', 'voting', 'returned'].includes(status)) return null;
  const label = status === 'draft' ? (record.emergency ? '提交审核' : '提交业主表决') : status === 'voting' ? '表决结束，提交审核' : '重新提交审核';
  const consequence =
    status === 'draft' && !record.emergency
      ? '将按分摊范围发起业主表决（一般事项），表决通过后再提交区住建局审核。'
      : status === 'voting'
        ? '表决须已截止并通过，才能提交区住建局审核。'
        : '将提交区住建局审核。';
  return (
    <ActionDialog<Record<string, never>>
      label={label}
      icon={<SendIcon />}
      variant="contained"
      submitLabel="提交"
      maxWidth="xs"
      run={async () => {
        const r = await postFund<RaRecord>(path(record, 'submit'));
        return done(record, r.status);
      }}
    >
      <div>{consequence}</div>
    </ActionDialog>
  );
};

type Review = { decision: 'approve' | 'return'; reason?: string };

/** 审核 (district staff): approve, or return with a reason; approval is refused while any household would be overdrawn. */
const ReviewButton = ({ record }: { record: RaRecord }) => {
  const may = useMayFund('review');
  if (!may || record.status !== 'under_review') return null;
  return (
    <ActionDialog<Review>
      label="审核"
      icon={<GavelIcon />}
      variant="contained"
      defaultValues={{ decision: 'approve' }}
      submitLabel="提交审核意见"
      confirm={(v) =>
        v.decision === 'approve'
          ? `批准「${record.title}」使用维修资金，预算 ${formatYuan(record.budgetFen)} 元。`
          : `退回「${record.title}」，理由：${v.reason}`
      }
      run={async (v) => {
        const r = await postFund<RaRecord>(path(record, 'review'), { decision: v.decision, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) });
        return done(record, r.status);
      }}
    >
      <RadioButtonGroupInput
        source="decision"
        label="审核结论"
        choices={[
          { id: 'approve', name: '批准' },
          { id: 'return', name: '退回' },
        ]}
      />
      <FormDataConsumer<Review>>
        {({ formData }) => (
          <TextInput
            source="reason"
            label={formData.decision === 'return' ? '退回理由' : '审核意见（可选）'}
            multiline
            minRows={2}
            validate={formData.decision === 'return' ? [required('退回须说明理由'), maxLength(500, '理由最多500字')] : maxLength(500, '理由最多500字')}
          />
        )}
      </FormDataConsumer>
    </ActionDialog>
  );
};

type Supervise = { supervisor: string; report: string; auditedCostYuan: string; documents?: Doc[] };

/** 监理审价: the third-party supervisor's report and the audited cost. */
const SuperviseButton = ({ record }: { record: RaRecord }) => {
  const may = useMayFund('supervise');
  if (!may || !nextFundStatus(!!record.emergency, record.status, 'supervise')) return null;
  return (
    <ActionDialog<Supervise>
      label="登记监理审价"
      icon={<EngineeringIcon />}
      variant="contained"
      submitLabel="登记"
      run={async (v) => {
        const r = await postFund<RaRecord>(path(record, 'supervise'), {
          supervisor: v.supervisor.trim(),
          report: v.report.trim(),
          auditedCostFen: parseYuan(v.auditedCostYuan),
          documents: docs(v.documents),
        });
        return done(record, r.status);
      }}
    >
      <TextInput source="supervisor" label="监理单位" validate={[required('请填写监理单位'), maxLength(100, '监理单位最多100字')]} />
      <TextInput source="report" label="监理及审价意见" multiline minRows={3} validate={[required('请填写监理及审价意见'), maxLength(2000, '最多2000字')]} />
      <YuanInput source="auditedCostYuan" label="审定造价（元）" />
      <DocumentsInput />
    </ActionDialog>
  );
};

type Accept = { actualCostYuan: string; note?: string; documents?: Doc[] };

/** 验收: the work is accepted and its actual cost fixed — the amount disbursed and shared. */
const AcceptButton = ({ record }: { record: RaRecord }) => {
  const may = useMayFund('accept');
  if (!may || !nextFundStatus(!!record.emergency, record.status, 'accept')) return null;
  const audited = record.supervision?.auditedCostFen as number | undefined;
  return (
    <ActionDialog<Accept>
      label="验收"
      icon={<TaskAltIcon />}
      variant="contained"
      submitLabel="验收"
      defaultValues={audited ? { actualCostYuan: formatYuan(audited, { grouping: false }) } : {}}
      confirm={(v) => `确认验收合格，实际费用 ${formatYuan(parseYuan(v.actualCostYuan))} 元，将按此金额向范围内各户分摊。`}
      run={async (v) => {
        const r = await postFund<RaRecord>(path(record, 'accept'), {
          actualCostFen: parseYuan(v.actualCostYuan),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          documents: docs(v.documents),
        });
        return done(record, r.status);
      }}
    >
      <YuanInput source="actualCostYuan" label="实际费用（元）" />
      <TextInput source="note" label="验收意见（可选）" multiline minRows={2} validate={maxLength(1000, '最多1000字')} />
      <DocumentsInput />
    </ActionDialog>
  );
};

/** 划拨: the bank pays; every household's share is posted in one batch and disclosed to the compound. */
const DisburseButton = ({ record }: { record: RaRecord }) => {
  const may = useMayFund('disburse');
  if (!may || record.status !== 'accepted') return null;
  return (
    <ActionDialog<Record<string, never>>
      label="划拨资金"
      icon={<PaymentsIcon />}
      variant="contained"
      color="warning"
      submitLabel="划拨"
      maxWidth="xs"
      confirm={() => `将从专户划拨 ${formatYuan(record.actualCostFen)} 元，并把各户分摊一次记入分户账，同时向小区公示。划拨后不能撤销。`}
      run={async () => {
        const r = await postFund<RaRecord>(path(record, 'disburse'));
        return done(record, r.status ?? 'disbursed');
      }}
    >
      <div>{`实际费用 ${formatYuan(record.actualCostFen)} 元，按专有面积分摊到范围内各户。`}</div>
    </ActionDialog>
  );
};

/** The buttons the application's status and the user's role allow, in workflow order. */
export const WorkflowButtons = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <>
      <SubmitButton record={record} />
      <ReviewButton record={record} />
      <SuperviseButton record={record} />
      <AcceptButton record={record} />
      <DisburseButton record={record} />
    </>
  );
};
