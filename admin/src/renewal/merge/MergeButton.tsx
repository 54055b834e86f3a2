import MergeTypeIcon from '@mui/icons-material/MergeType';
import { useRef } from 'react';
import { Alert } from '@mui/material';
import { required, useGetOne, usePermissions, useRecordContext, useRedirect, type RaRecord } from 'react-admin';
import { ActionDialog } from '../../fund/ActionDialog';
import { RefInput } from '../../common/fields';
import { postRenewal } from '../areasApi';

/** What the confirmation says will move: the source's homes and buildings, its fund, into the chosen neighbour. */
const Consequence = ({ source, targetId }: { source: RaRecord; targetId: number }) => {
  const { data: target } = useGetOne('compounds', { id: targetId });
  if (!target) return null;
  return (
    <span data-testid="merge-consequence">
      {`将「${source.name}」并入「${target.name}」的管理区域：${source.buildingCount ?? 0} 栋楼、${source.householdCount ?? 0} 户房屋，业主的房屋认证和维修资金分户账（连同余额）一并转入「${target.name}」；「${source.name}」的面积并入接收小区，原小区保留为已合并的历史记录，不能再修改。表决、业委会、公开信息留在原小区名下。此操作不可撤回。`}
    </span>
  );
};

/**
 * 并入相邻小区 (issue 11 management areas), on the compound's show page: district staff choose the
 * receiving compound of the same district; a confirmation lists what moves before anything is sent.
 */
export const MergeButton = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string | null>();
  const redirect = useRedirect();
  const target = useRef<number | null>(null);
  if (!record || permissions !== 'district_staff' || record.retiredAt) return null;
  return (
    <ActionDialog<{ targetCompoundId: number }>
      label="并入相邻小区"
      icon={<MergeTypeIcon />}
      submitLabel="合并"
      confirm={(v) => <Consequence source={record} targetId={v.targetCompoundId} />}
      run={async (v) => {
        await postRenewal(`/compounds/${record.id}/merge-into`, { targetCompoundId: v.targetCompoundId });
        target.current = v.targetCompoundId;
        return `「${record.name}」已并入相邻小区`;
      }}
      onDone={() => target.current !== null && redirect('show', 'compounds', target.current)}
    >
      <RefInput
        source="targetCompoundId"
        reference="compounds"
        filter={{ retired: false, regionCode: String(record.regionCode).slice(0, 6) }}
        validate={required('请选择接收的小区')}
        helperText="只能并入同一区县的小区"
      />
    </ActionDialog>
  );
};

/** On a retired compound: where it went. */
export const RetiredNotice = () => {
  const record = useRecordContext();
  const { data: target } = useGetOne('compounds', { id: record?.retiredIntoCompoundId }, { enabled: !!record?.retiredIntoCompoundId });
  if (!record?.retiredAt) return null;
  return (
    <Alert severity="info">{`该小区已于 ${new Date(record.retiredAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })} 并入「${target?.name ?? record.retiredIntoCompoundId}」的管理区域，仅供查阅。`}</Alert>
  );
};
