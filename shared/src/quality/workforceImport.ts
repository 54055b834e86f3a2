import { normaliseSheetDate } from '../party/rules';
import { phoneKind } from '../places/phone';
import {
  STAFF_POSTS,
  STAFF_POST_LABELS,
  TRAINING_KINDS,
  TRAINING_KIND_LABELS,
  isSpecialistPost,
  type StaffImportKind,
  type StaffPost,
  type TrainingKind,
} from './workforceEnums';
import { MAX_TRAINING_TENTHS_PER_DAY, type Certificate } from './workforceSchemas';

/**
 * The workforce sheets a company keeps (花名册, 培训台账) and the row-by-row checks of an import
 * (issue 12: staff and their trainings, preview then confirm). Pure: the server hands in what the
 * registry holds as plain maps. Trainings name their person by 工号 (unique within the company), so
 * no personal data is needed to match a row.
 */
export interface StaffImportColumn {
  key: string;
  header: string;
  required: boolean;
  example: string;
  maxLength: number;
}

export const STAFF_IMPORT_COLUMNS: Record<StaffImportKind, readonly StaffImportColumn[]> = {
  staff: [
    { key: 'staffNo', header: '工号', required: true, example: 'LC0001', maxLength: 30 },
    { key: 'name', header: '姓名', required: true, example: '张伟', maxLength: 40 },
    { key: 'post', header: '岗位', required: true, example: '电工', maxLength: 20 },
    { key: 'specialist', header: '专业岗位', required: false, example: '是', maxLength: 4 },
    { key: 'compound', header: '项目小区编码', required: false, example: 'BT0001', maxLength: 20 },
    { key: 'hiredOn', header: '入职日期', required: true, example: '2024-03-01', maxLength: 20 },
    { key: 'leftOn', header: '离职日期', required: false, example: '', maxLength: 20 },
    { key: 'phone', header: '手机号', required: false, example: '13812345678', maxLength: 20 },
    { key: 'certName', header: '证书名称', required: false, example: '特种作业操作证（低压电工）', maxLength: 60 },
    { key: 'certNo', header: '证书编号', required: false, example: 'T150203199001011234', maxLength: 40 },
    { key: 'certExpiresOn', header: '证书有效期至', required: false, example: '2027-03-01', maxLength: 20 },
  ],
  trainings: [
    { key: 'staffNo', header: '工号', required: true, example: 'LC0001', maxLength: 30 },
    { key: 'kind', header: '培训类型', required: true, example: '岗前培训', maxLength: 20 },
    { key: 'course', header: '课程', required: true, example: '物业服务礼仪与安全', maxLength: 100 },
    { key: 'provider', header: '培训机构', required: true, example: '包头市物业管理协会', maxLength: 100 },
    { key: 'hours', header: '学时', required: true, example: '8', maxLength: 10 },
    { key: 'trainedOn', header: '培训日期', required: true, example: '2024-03-01', maxLength: 20 },
    { key: 'certificateNo', header: '培训证书编号', required: false, example: '', maxLength: 40 },
    { key: 'evidence', header: '佐证材料', required: false, example: '签到表', maxLength: 300 },
  ],
};

/** Headers read as dates (a date-formatted cell or an Excel serial becomes YYYY-MM-DD). */
export const STAFF_IMPORT_DATE_HEADERS: readonly string[] = ['入职日期', '离职日期', '证书有效期至', '培训日期'];

export function missingStaffImportColumns(kind: StaffImportKind, headers: readonly string[]): string[] {
  const present = new Set(headers.map((h) => h.trim()));
  return STAFF_IMPORT_COLUMNS[kind].filter((c) => c.required && !present.has(c.header)).map((c) => c.header);
}

export interface StaffImportLookups {
  today: string;
  /** 工号 already on this company's staff. */
  staffNos: ReadonlySet<string>;
  /** This company's projects by compound code (upper case). */
  projects: ReadonlyMap<string, { projectId: number }>;
}

export interface TrainingImportLookups {
  today: string;
  /** This company's staff by 工号. */
  staff: ReadonlyMap<string, { id: number; hiredOn: string; leftOn: string | null }>;
  /** Tenths of an hour already recorded per `${staffId}|${date}`. */
  dayTenths: ReadonlyMap<string, number>;
}

export interface StaffImportValue {
  staffNo: string;
  name: string;
  post: StaffPost;
  specialist: boolean;
  projectId: number | null;
  hiredOn: string;
  leftOn: string | null;
  phone: string | null;
  certificates: Certificate[];
}

export interface TrainingImportValue {
  staffId: number;
  kind: TrainingKind;
  course: string;
  provider: string;
  hoursTenths: number;
  trainedOn: string;
  certificateNo: string | null;
  evidence: string | null;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const byLabel = <T extends string>(labels: Record<T, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as T]));
const POST_BY_LABEL = byLabel(STAFF_POST_LABELS);
const KIND_BY_LABEL = byLabel(TRAINING_KIND_LABELS);

/** '8', '3.5' (hours, at most one decimal) → tenths of an hour; undefined when not such a number. */
export function parseHoursTenths(raw: string): number | undefined {
  const m = /^\s*(\d{1,3})(?:\.(\d))?\s*$/.exec(raw);
  if (!m) return undefined;
  return Number(m[1]) * 10 + Number(m[2] ?? 0);
}

function lengthErrors(kind: StaffImportKind, row: Record<string, string>, errors: string[]) {
  for (const c of STAFF_IMPORT_COLUMNS[kind]) {
    const v = row[c.header] ?? '';
    if (c.required && !v) errors.push(`${c.header}不能为空`);
    if (Array.from(v).length > c.maxLength) errors.push(`${c.header}不能超过${c.maxLength}个字`);
    if (/[\u0000-\u001f\u007f]/.test(v)) errors.push(`${c.header}含有控制字符`);
  }
}

function sheetDate(row: Record<string, string>, header: string, errors: string[]): string | null {
  const raw = row[header] ?? '';
  if (!raw) return null;
  const d = normaliseSheetDate(raw);
  if (!d) errors.push(`${header}“${raw}”不是有效日期（如 2024-03-01）`);
  return d ?? null;
}

/**
 * A validator of staff rows: required cells, known post, dates (hired not after today, left not
 * before hired), a mobile phone, a complete certificate (name, number, expiry together), the project
 * by compound code among the company's own, and 工号 unique in the company and in the sheet.
 */
export function createStaffRowValidator(lookups: StaffImportLookups): (row: Record<string, string>) => RowResult<StaffImportValue> {
  const seen = new Set<string>();
  return (row) => {
    const errors: string[] = [];
    lengthErrors('staff', row, errors);
    const staffNo = row['工号'] ?? '';
    if (staffNo && lookups.staffNos.has(staffNo)) errors.push(`工号“${staffNo}”已登记`);
    else if (staffNo && seen.has(staffNo)) errors.push(`工号“${staffNo}”在表中重复`);
    if (staffNo) seen.add(staffNo);
    const postRaw = row['岗位'] ?? '';
    const post = POST_BY_LABEL.get(postRaw) ?? ((STAFF_POSTS as readonly string[]).includes(postRaw) ? (postRaw as StaffPost) : undefined);
    if (postRaw && !post) errors.push(`岗位“${postRaw}”不在可选范围内（${Object.values(STAFF_POST_LABELS).join('、')}）`);
    const specRaw = row['专业岗位'] ?? '';
    let specialist: boolean | undefined;
    if (specRaw === '是') specialist = true;
    else if (specRaw === '否') specialist = false;
    else if (specRaw) errors.push('专业岗位须填“是”或“否”，或不填（按岗位判断）');
    const hiredOn = sheetDate(row, '入职日期', errors);
    const leftOn = sheetDate(row, '离职日期', errors);
    if (hiredOn && hiredOn > lookups.today) errors.push('入职日期不能晚于今天');
    if (hiredOn && leftOn && leftOn < hiredOn) errors.push('离职日期不能早于入职日期');
    const phone = row['手机号'] ?? '';
    if (phone && phoneKind(phone) !== 'mobile') errors.push(`手机号“${phone}”不是有效的11位手机号`);
    const code = (row['项目小区编码'] ?? '').toUpperCase();
    const project = code ? lookups.projects.get(code) : undefined;
    if (code && !project) errors.push(`小区编码“${code}”不是本企业服务的项目`);
    const certName = row['证书名称'] ?? '';
    const certNo = row['证书编号'] ?? '';
    const certExpiresOn = sheetDate(row, '证书有效期至', errors);
    const certGiven = [certName, certNo, row['证书有效期至'] ?? ''].filter(Boolean).length;
    if (certGiven > 0 && certGiven < 3) errors.push('证书名称、证书编号、证书有效期至须同时填写');
    if (errors.length) return { ok: false, errors };
    return {
      ok: true,
      value: {
        staffNo,
        name: row['姓名'],
        post: post!,
        specialist: specialist ?? isSpecialistPost(post!),
        projectId: project?.projectId ?? null,
        hiredOn: hiredOn!,
        leftOn,
        phone: phone || null,
        certificates: certGiven === 3 ? [{ name: certName, number: certNo, expiresOn: certExpiresOn! }] : [],
      },
    };
  };
}

/**
 * A validator of training rows: the person by 工号 among the company's staff, a known kind, hours
 * > 0 with one decimal at most, the date within their employment (not before hired, not after left,
 * not after today), and no more than 24 hours on one day for one person counting what is already
 * recorded and the sheet's earlier rows.
 */
export function createTrainingRowValidator(lookups: TrainingImportLookups): (row: Record<string, string>) => RowResult<TrainingImportValue> {
  const sheetTenths = new Map<string, number>();
  return (row) => {
    const errors: string[] = [];
    lengthErrors('trainings', row, errors);
    const staffNo = row['工号'] ?? '';
    const person = staffNo ? lookups.staff.get(staffNo) : undefined;
    if (staffNo && !person) errors.push(`工号“${staffNo}”不是本企业登记的员工`);
    const kindRaw = row['培训类型'] ?? '';
    const kind = KIND_BY_LABEL.get(kindRaw) ?? ((TRAINING_KINDS as readonly string[]).includes(kindRaw) ? (kindRaw as TrainingKind) : undefined);
    if (kindRaw && !kind) errors.push(`培训类型“${kindRaw}”不在可选范围内（${Object.values(TRAINING_KIND_LABELS).join('、')}）`);
    const hoursRaw = row['学时'] ?? '';
    const tenths = hoursRaw ? parseHoursTenths(hoursRaw) : undefined;
    if (hoursRaw && tenths === undefined) errors.push(`学时“${hoursRaw}”须为最多一位小数的小时数`);
    else if (tenths !== undefined && tenths <= 0) errors.push('学时必须大于0');
    else if (tenths !== undefined && tenths > MAX_TRAINING_TENTHS_PER_DAY) errors.push('学时一天不能超过24小时');
    const trainedOn = sheetDate(row, '培训日期', errors);
    if (trainedOn && trainedOn > lookups.today) errors.push('培训日期不能晚于今天');
    if (trainedOn && person && trainedOn < person.hiredOn) errors.push(`培训日期早于该员工的入职日期（${person.hiredOn}）`);
    if (trainedOn && person?.leftOn && trainedOn > person.leftOn) errors.push(`培训日期晚于该员工的离职日期（${person.leftOn}）`);
    if (!errors.length && person && trainedOn && tenths) {
      const key = `${person.id}|${trainedOn}`;
      const total = (lookups.dayTenths.get(key) ?? 0) + (sheetTenths.get(key) ?? 0) + tenths;
      if (total > MAX_TRAINING_TENTHS_PER_DAY) errors.push(`该员工${trainedOn}的培训学时合计超过24小时`);
      else sheetTenths.set(key, (sheetTenths.get(key) ?? 0) + tenths);
    }
    if (errors.length) return { ok: false, errors };
    return {
      ok: true,
      value: {
        staffId: person!.id,
        kind: kind!,
        course: row['课程'],
        provider: row['培训机构'],
        hoursTenths: tenths!,
        trainedOn: trainedOn!,
        certificateNo: row['培训证书编号'] || null,
        evidence: row['佐证材料'] || null,
      },
    };
  };
}
