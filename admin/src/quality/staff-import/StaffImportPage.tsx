import { Link } from 'react-admin';
import { STAFF_IMPORT_KIND_LABELS, type StaffImportKind } from '@baotou/shared';
import { ImportFlow } from '../../common/ImportFlow';

const LIST_OF: Record<StaffImportKind, string> = { staff: 'staff', trainings: 'trainings' };

/**
 * A roster or training sheet (upload → checked row by row → confirm → written in the background;
 * nothing written before the confirm): the console's one import flow (common/ImportFlow). Import
 * the roster first: training rows name their person by 工号.
 */
export const StaffImportPage = () => (
  <ImportFlow<StaffImportKind>
    title="人员与培训导入"
    endpoint="/staff-imports"
    kinds={STAFF_IMPORT_KIND_LABELS}
    initialKind="staff"
    hint="先导入员工花名册，再导入培训记录（按工号对应员工）。每个文件不超过10MB、50,000行；上传后逐行校验，确认前不会写入任何数据。"
    done={(p) => (
      <>
        <Link to={`/${LIST_OF[p.kind]}`}>查看列表</Link> · <Link to="/training-rates">查看培训率</Link>
      </>
    )}
  />
);
