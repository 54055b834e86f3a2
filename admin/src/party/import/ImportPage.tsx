import { Link } from 'react-admin';
import { PARTY_IMPORT_KIND_LABELS } from '@baotou/shared';
import type { ImportPreview } from '../api';
import { ImportFlow } from '../../common/ImportFlow';

type Kind = ImportPreview['kind'];
const LIST_OF: Record<Kind, string> = { orgs: 'party-orgs', members: 'party-members', cross_appointments: 'cross-appointments' };

/**
 * Party organisations, members and cross-appointments from a sheet (upload → checked row by row →
 * confirm; nothing written before the confirm): the console's one import flow (common/ImportFlow).
 */
export const ImportPage = () => (
  <ImportFlow<Kind>
    title="党建信息导入"
    endpoint="/party-imports"
    kinds={PARTY_IMPORT_KIND_LABELS}
    initialKind="members"
    hint="每个文件不超过10MB、50,000行；表头须与模板一致。上传后逐行校验，确认前不会写入任何数据。"
    done={(p) => (
      <>
        <Link to={`/${LIST_OF[p.kind]}`}>查看列表</Link> · <Link to="/party-dashboard">查看统计</Link>
      </>
    )}
  />
);
