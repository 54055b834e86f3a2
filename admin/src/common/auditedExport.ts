import { exportCarriesPersonalData } from '@baotou/shared';
import { API_BASE, httpClient } from '../dataProvider';
import { askExportPurpose } from './exportPurpose';
import { lastListFilter } from './exportQuery';
import type { WorkbookProperties } from './xlsxDownload';

/**
 * What an export of `resource` writes into its file's properties (issue 17; DOMAIN.md §7):
 * - personal data: asks the purpose, records the export on the server (POST /api/audit/exports,
 *   with the list's filter and the row count) and returns the server's account, time and purpose;
 *   null when the user cancels (nothing is written or recorded);
 * - anything else: undefined (downloadXlsx then writes the signed-in account and the time).
 * `what` names the data in the dialog ("房屋"). A refusal by the server is thrown (no file).
 */
export async function exportProperties(resource: string, what: string, rowCount: number): Promise<WorkbookProperties | null | undefined> {
  if (!exportCarriesPersonalData(resource)) return undefined;
  const purpose = await askExportPurpose(what, rowCount);
  if (!purpose) return null;
  const { json } = await httpClient(`${API_BASE}/audit/exports`, {
    method: 'POST',
    body: JSON.stringify({ resource, filter: lastListFilter(resource), rowCount, purpose }),
  });
  const recorded = json as { exportedBy: string; exportedAt: string; purpose: string };
  return { account: recorded.exportedBy, exportedAt: new Date(recorded.exportedAt), purpose: recorded.purpose };
}
