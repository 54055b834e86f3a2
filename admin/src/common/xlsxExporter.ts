import type { DataProvider, Exporter, RaRecord } from 'react-admin';
import { booleanLabels, enumLabelsByField } from '../choices';
import { resourcesZh, type ResourceName } from '../i18n/zh';
import { downloadXlsx } from './xlsxDownload';
import { exportProperties } from './auditedExport';
import { formatBeijing, parseTimestamp } from './beijingTime';
import { exportFileName } from './exportFileName';
import { COMMON_FIELD_NAMES } from './fieldNames';

type Reference = { field: string; resource: string; label?: (record: RaRecord) => string };

export type XlsxExportOptions = {
  /** Columns in order; headers come from the resource's Chinese field names. */
  fields: string[];
  /** Id columns written as the referenced record's name (e.g. compoundId → 小区名称). */
  references?: Reference[];
  /** Decimal strings ("12345.67") written as numbers so Excel can sum them. */
  numeric?: string[];
  /** Label maps for fields beyond choices.ts' enumLabelsByField. */
  enums?: Record<string, Record<string, string>>;
  /** Columns written from the whole record (e.g. an audit row's changes as text), by field. */
  computed?: Record<string, (record: RaRecord) => unknown>;
};

type CodeLabels = typeof import('./codeLabels');

const cell = (field: string, value: unknown, numeric: Set<string>, enums: Record<string, Record<string, string>>, codes: CodeLabels): unknown => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return booleanLabels[String(value) as 'true' | 'false'];
  const labels = enums[field] ?? enumLabelsByField[field];
  if (labels && labels[String(value)] !== undefined) return labels[String(value)];
  // A code the list gave no labels for still reads as its shared label (issue 16 §3).
  if (!labels && typeof value === 'string' && codes.CODE_FIELD.test(field)) {
    const label = codes.sharedCodeLabel(value);
    if (label !== undefined) return label;
  }
  if (numeric.has(field) && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  if (value instanceof Date) return formatBeijing(value);
  if (typeof value === 'string') {
    const at = parseTimestamp(value);
    if (at) return formatBeijing(at);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
};

const PAGE = 500;

/**
 * The records referenced by `field`, by id. Fetched through getList with an `id` filter and an
 * explicit range, one page of PAGE ids at a time, so every referenced record comes back.
 */
const fetchReferenced = async (dataProvider: DataProvider, records: RaRecord[], field: string, resource: string) => {
  const ids = [...new Set(records.map((r) => r[field]).filter((v) => v !== null && v !== undefined && v !== ''))];
  const byId: Record<string, RaRecord> = {};
  for (let i = 0; i < ids.length; i += PAGE) {
    const chunk = ids.slice(i, i + PAGE);
    const { data } = await dataProvider.getList(resource, {
      filter: { id: chunk },
      pagination: { page: 1, perPage: chunk.length },
      sort: { field: 'id', order: 'ASC' },
    });
    for (const r of data) byId[String(r.id)] = r;
  }
  return byId;
};

/**
 * A react-admin exporter that writes the list (current filters and sort) to `<列表名>_<日期>.xlsx`
 * with Chinese headers. The spreadsheet library is loaded only when someone clicks 导出 (see
 * xlsxDownload), so it is not in the initial bundle. An export of personal data first asks its
 * purpose and is recorded on the server (auditedExport); cancelling writes nothing.
 */
export const xlsxExporter =
  (resource: ResourceName, { fields, references = [], numeric = [], enums = {}, computed = {} }: XlsxExportOptions): Exporter =>
  async (records: RaRecord[], _fetchRelatedRecords, dataProvider) => {
    const sheetName = (resourcesZh[resource].name as string).split('|')[0].trim();
    const props = await exportProperties(resource, sheetName, records.length);
    if (props === null) return;
    const related = await Promise.all(references.map(async (ref) => [ref, await fetchReferenced(dataProvider, records, ref.field, ref.resource)] as const));
    const names = resourcesZh[resource].fields as Record<string, string>;
    const numericSet = new Set(numeric);
    // Every shared label map: the whole of @baotou/shared, so loaded with the export, not with the console.
    const codes = await import('./codeLabels');
    const header = fields.map((f) => names[f] ?? COMMON_FIELD_NAMES[f] ?? f);
    const rows = records.map((record) =>
      fields.map((field) => {
        if (computed[field]) return computed[field](record);
        const hit = related.find(([ref]) => ref.field === field);
        if (hit && record[field] != null) {
          const [ref, byId] = hit;
          const target = byId[String(record[field])];
          if (target) return ref.label ? ref.label(target) : (target.name ?? target.id);
        }
        return cell(field, record[field], numericSet, enums, codes);
      }),
    );
    const widths = header.map((h, i) => Math.min(40, Math.max(h.length * 2, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2), 6)));
    await downloadXlsx(exportFileName(sheetName), [{ name: sheetName, rows: [header, ...rows], widths }], props);
  };
