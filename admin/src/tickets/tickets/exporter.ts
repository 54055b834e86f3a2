import { exportFileName } from '../../common/exportFileName';
import type { Exporter, RaRecord } from 'react-admin';
import { downloadXlsx } from '../../common/xlsxDownload';
import { exportProperties } from '../../common/auditedExport';
import { F, categoryChoices, channelChoices, formatTimeLeft, kindChoices, levelChoices, statusChoices } from '../labels';

const label = (choices: { id: string; name: string }[], v: unknown) => choices.find((c) => c.id === v)?.name ?? (v == null ? '' : String(v));
const when = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

const COLUMNS: [string, (r: RaRecord) => unknown][] = [
  ['id', (r) => r.id],
  ['kind', (r) => label(kindChoices, r.kind)],
  ['category', (r) => label(categoryChoices, r.category)],
  ['compoundName', (r) => r.compoundName],
  ['householdLabel', (r) => r.householdLabel],
  ['channel', (r) => label(channelChoices, r.channel)],
  ['level', (r) => label(levelChoices, r.level)],
  ['status', (r) => label(statusChoices, r.status)],
  ['timeLeft', (r) => formatTimeLeft(r.timeLeftSeconds)],
  ['acceptDepartment', (r) => r.acceptDepartment],
  ['acceptPersonName', (r) => r.acceptPersonName],
  ['result', (r) => r.result],
  ['rating', (r) => r.rating],
  ['escalationCount', (r) => r.escalationCount],
  ['createdAt', (r) => when(r.createdAt)],
  ['closedAt', (r) => when(r.closedAt)],
];

/**
 * The list as it is filtered and sorted, to 工单.xlsx; the spreadsheet library loads only on click.
 * Tickets name homes and people: the purpose is asked and the export recorded first.
 */
export const ticketsExporter: Exporter = async (records: RaRecord[]) => {
  const props = await exportProperties('tickets', '工单', records.length);
  if (props === null) return;
  await downloadXlsx(exportFileName('工单'), [{ name: '工单', rows: [COLUMNS.map(([k]) => F[k] ?? k), ...records.map((r) => COLUMNS.map(([, f]) => f(r) ?? ''))] }], props);
};
