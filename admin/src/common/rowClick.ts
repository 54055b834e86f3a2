import { useCanAccess, useResourceContext, useResourceDefinition } from 'react-admin';
import { rowClickTarget, type RowClick } from './rowClickTarget';

/**
 * The `rowClick` of a Datagrid of `resource` (default: the list's own) for the signed-in role, per
 * admin/src/auth/canAccess.ts ACCESS and the pages the resource registers in App.tsx. While the
 * role's access is still being asked, rows lead nowhere rather than to a page that may refuse.
 */
export function useRowClick(resource?: string): RowClick {
  const name = useResourceContext({ resource });
  const { hasEdit = false, hasShow = false } = useResourceDefinition({ resource: name });
  const { canAccess: mayEdit = false } = useCanAccess({ action: 'edit', resource: name ?? '' });
  const { canAccess: mayShow = false } = useCanAccess({ action: 'show', resource: name ?? '' });
  return rowClickTarget({ hasEdit, mayEdit, hasShow, mayShow });
}
