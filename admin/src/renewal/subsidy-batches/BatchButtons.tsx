import DoneAllIcon from '@mui/icons-material/DoneAll';
import PaymentsIcon from '@mui/icons-material/Payments';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify, usePermissions, useRecordContext, type RaRecord } from 'react-admin';
import { subsidyBatchStep } from '@baotou/shared';
import { ActionDialog } from '../../fund/ActionDialog';
import { formatYuan } from '../../fund/money';
import { SUBSIDY_BATCH_STATUS_LABELS } from '../areasChoices';
import { downloadRenewalFile, postRenewal } from '../areasApi';

const title = (r: RaRecord) => `${r.districtName ?? r.regionCode}${r.year}年度准物业补贴`;

/** 审核 / 拨付, shown only to the role whose step it is (shared SUBSIDY_BATCH_STEPS), with what happens spelled out. */
const StepButton = ({ action }: { action: 'approve' | 'pay' }) => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string | null>();
  const step = subsidyBatchStep(action, permissions ?? '');
  if (!record || !step || record.status !== step.from) return null;
  const label = action === 'pay' ? '拨付' : permissions === 'city_admin' ? '市级审核通过' : '区级审核通过';
  return (
    <ActionDialog<Record<string, never>>
      label={label}
      icon={action === 'pay' ? <PaymentsIcon /> : <DoneAllIcon />}
      variant="contained"
      maxWidth="xs"
      submitLabel={label}
      run={async () => {
        const r = await postRenewal<RaRecord>(`/subsidy-batches/${record.id}/${action}`);
        return `${title(record)}：${SUBSIDY_BATCH_STATUS_LABELS[r.status as keyof typeof SUBSIDY_BATCH_STATUS_LABELS]}`;
      }}
    >
      <div>{`${title(record)}，${record.lineCount} 个小区，合计 ${formatYuan(record.totalFen)} 元（市级 ${formatYuan(record.cityFen)} 元，区级 ${formatYuan(record.districtFen)} 元）。`}</div>
      <div>{action === 'pay' ? '确认拨付后不可撤回。' : `确认后状态变为“${SUBSIDY_BATCH_STATUS_LABELS[step.to]}”。`}</div>
    </ActionDialog>
  );
};

/** The batch as the finance bureau's .xlsx (built on the server: Chinese headers, amounts in 元). */
const ExportButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  if (!record) return null;
  return (
    <Button
      label="导出拨付明细"
      onClick={() =>
        downloadRenewalFile(`/subsidy-batches/${record.id}/export.xlsx`, `${title(record)}.xlsx`).catch((e) => notify((e as Error).message, { type: 'error' }))
      }
    >
      <DownloadIcon />
    </Button>
  );
};

export const BatchButtons = () => (
  <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
    <StepButton action="approve" />
    <StepButton action="pay" />
    <ExportButton />
  </div>
);
