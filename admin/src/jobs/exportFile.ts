import { formatBeijing, parseTimestamp } from '../common/beijingTime';

export type ExportFileState = { kind: 'ready'; url: string; fileName: string; until: string } | { kind: 'expired'; at: string };

/**
 * What an export job's result offers on the 后台任务 page: its download link and the Beijing time
 * it can be fetched until, or — past `expiresAt` (EXPORT_FILE_TTL_HOURS) — that it has expired,
 * with no link (the server answers 404 EXPORT_EXPIRED then). Null for a result that is no export.
 */
export function exportFileState(result: Record<string, unknown>, now: Date = new Date()): ExportFileState | null {
  if (typeof result.downloadUrl !== 'string') return null;
  const expires = typeof result.expiresAt === 'string' ? parseTimestamp(result.expiresAt) : null;
  if (expires && expires.getTime() <= now.getTime()) return { kind: 'expired', at: formatBeijing(expires, false) };
  return { kind: 'ready', url: result.downloadUrl, fileName: String(result.fileName ?? '导出.xlsx'), until: expires ? formatBeijing(expires, false) : '' };
}
