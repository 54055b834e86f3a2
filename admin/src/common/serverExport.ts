import type { Exporter } from 'react-admin';
import { EXPORT_SHEET_NAMES, exportCarriesPersonalData, type ServerExportResource } from '@baotou/shared';
import { getToken } from '../auth/session';
import { API_BASE, httpClient, toHttpError } from '../dataProvider';
import { askExportPurpose } from './exportPurpose';
import { lastListFilter, lastListSort } from './exportQuery';

/** Saves a downloaded file under `fileName` in the browser. */
function save(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The file name in a Content-Disposition header (filename*=UTF-8''…), else `fallback`. */
function dispositionName(header: string | null, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** GET with the signed-in account's token, as a Response; a refusal is thrown as the server's Chinese message. */
async function authorisedGet(url: string): Promise<Response> {
  const token = getToken();
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw toHttpError(res.status, await res.json().catch(() => null), '导出失败');
  return res;
}

/** A finished export job's file (result.downloadUrl), downloaded and saved (the server audits it). */
export async function downloadExportFile(downloadUrl: string, fileName: string): Promise<void> {
  const res = await authorisedGet(downloadUrl.startsWith('/api/') ? `${API_BASE}${downloadUrl.slice(4)}` : downloadUrl);
  save(await res.blob(), dispositionName(res.headers.get('Content-Disposition'), fileName));
}

/**
 * 导出 for the lists the server exports (issue 15; shared EXPORT_COLUMNS): every row of the list's
 * current filter and sort, not the first 1,000. Asks the purpose of personal data first (with the
 * list's true row count), then GET /api/<resource>.xlsx: a small export downloads at once; a large
 * one runs as a background job and the console opens that job's page (progress, then 下载文件).
 */
export const serverXlsxExporter =
  (resource: ServerExportResource): Exporter =>
  async () => {
    const sort = lastListSort(resource);
    const params = new URLSearchParams({ filter: JSON.stringify(lastListFilter(resource)) });
    if (sort) params.set('sort', JSON.stringify([sort.field, sort.order]));
    const { headers } = await httpClient(`${API_BASE}/${resource}?${params}&range=${encodeURIComponent('[0,0]')}`);
    const rowCount = Number(/\/(\d+)$/.exec(headers.get('Content-Range') ?? '')?.[1] ?? 0);
    if (exportCarriesPersonalData(resource)) {
      const purpose = await askExportPurpose(EXPORT_SHEET_NAMES[resource], rowCount);
      if (!purpose) return;
      params.set('purpose', JSON.stringify(purpose));
    }
    const res = await authorisedGet(`${API_BASE}/${resource}.xlsx?${params}`);
    if (res.status === 202) {
      const { jobId } = (await res.json()) as { jobId: string };
      window.location.hash = `#/jobs/${encodeURIComponent(jobId)}/show`;
      return;
    }
    save(await res.blob(), dispositionName(res.headers.get('Content-Disposition'), `${EXPORT_SHEET_NAMES[resource]}.xlsx`));
  };
