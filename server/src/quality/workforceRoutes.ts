import type Router from '@koa/router';
import { loadExcel } from '../exports/excel';
import type { Config } from '@baotou/config';
import {
  STAFF_IMPORT_COLUMNS,
  STAFF_IMPORT_DATE_HEADERS,
  STAFF_IMPORT_KIND_LABELS,
  STAFF_POST_LABELS,
  TRAINING_KIND_LABELS,
  missingStaffImportColumns,
  staffImportCommitSchema,
  staffImportKindSchema,
  trainingRatesQuerySchema,
  type StaffImportKind,
} from '@baotou/shared';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { requireActor } from '../auth/middleware';
import type { PersonalDataCipher } from '../places/personalData';
import { readUpload } from '../party/upload';
import { readXlsxRows } from '../party/sheet';
import { commitImport, readImport, startImport } from './staffImports';
import { staffResource } from './staffResource';
import { trainingResource } from './trainingResource';
import { readTrainingRates } from './trainingRates';
import { WORKFORCE_WRITERS } from './workforceScope';

const list = (labels: Record<string, string>) => Object.values(labels).join('、');
const NOTES: Record<string, string> = {
  工号: '本企业内唯一；培训记录按工号对应员工',
  岗位: `可填：${list(STAFF_POST_LABELS)}`,
  专业岗位: '填“是”或“否”；不填则电工、电梯、消防控制室、锅炉、二次供水、项目经理为专业岗位',
  项目小区编码: '本企业服务项目所在小区的编码，如 BT0001；不填为企业本部',
  入职日期: '日期，如 2024-03-01；不能晚于今天',
  离职日期: '日期；在职不填',
  手机号: '选填：11位手机号（加密保存，企业以外只显示部分）',
  证书有效期至: '证书名称、编号、有效期至须同时填写',
  培训类型: `可填：${list(TRAINING_KIND_LABELS)}`,
  学时: '小时，最多一位小数（如 3.5）；每人每天合计不超过24小时',
  培训日期: '日期；不能早于入职日期、晚于离职日期或今天',
};

async function templateWorkbook(kind: StaffImportKind): Promise<Buffer> {
  const cols = STAFF_IMPORT_COLUMNS[kind];
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const ws = wb.addWorksheet(STAFF_IMPORT_KIND_LABELS[kind]);
  ws.columns = cols.map((c) => ({ width: Math.max(10, c.header.length * 2 + 4, c.example.length + 4) }));
  ws.addRow(cols.map((c) => c.header));
  ws.addRow(cols.map((c) => c.example));
  for (let c = 1; c <= cols.length; c++) ws.getColumn(c).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 10 }, { width: 80 }];
  help.addRow(['列', '是否必填', '说明']);
  for (const c of cols) help.addRow([c.header, c.required ? '必填' : '选填', NOTES[c.header] ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Staff, trainings, their .xlsx import and the training rates (issue 12, workforce). */
export function registerWorkforceRoutes(router: Router, db: Db, config: Config, cipher: PersonalDataCipher): void {
  router.get('/api/staff-imports/template.xlsx', async (ctx) => {
    requireActor(ctx, WORKFORCE_WRITERS);
    const kind = staffImportKindSchema.parse(ctx.query.kind ?? 'staff');
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="staff-${kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${STAFF_IMPORT_KIND_LABELS[kind]}导入模板.xlsx`)}`,
    );
    ctx.body = await templateWorkbook(kind);
  });

  // Upload → file-level checks at once (400/413/415), then rows checked in the background: 202 + progress.
  router.post('/api/staff-imports', async (ctx) => {
    const actor = requireActor(ctx, WORKFORCE_WRITERS);
    const upload = await readUpload(ctx);
    const kind = staffImportKindSchema.parse(upload.fields.kind ?? ctx.query.kind);
    const { rows, rowNumbers } = await readXlsxRows(upload.data, {
      dateHeaders: new Set(STAFF_IMPORT_DATE_HEADERS),
      label: STAFF_IMPORT_KIND_LABELS[kind],
      missingColumns: (headers) => missingStaffImportColumns(kind, headers),
    });
    ctx.status = 202;
    ctx.body = await startImport(db, cipher, actor, kind, upload.fileName, rows, rowNumbers);
  });

  router.get('/api/staff-imports/:id', async (ctx) => {
    const actor = requireActor(ctx, WORKFORCE_WRITERS);
    ctx.body = await readImport(db, actor, String(ctx.params.id));
  });

  router.post('/api/staff-imports/:id/commit', async (ctx) => {
    const actor = requireActor(ctx, WORKFORCE_WRITERS);
    const { confirmValidOnly } = staffImportCommitSchema.parse(ctx.request.body ?? {});
    ctx.status = 202;
    ctx.body = await commitImport(db, actor, String(ctx.params.id), confirmValidOnly);
  });

  router.get('/api/quality/training-rates', async (ctx) => {
    const actor = requireActor(ctx);
    const { year, groupBy } = trainingRatesQuerySchema.parse(ctx.query);
    ctx.body = await readTrainingRates(db, actor, year, groupBy, config.training);
  });

  for (const def of [staffResource(cipher), trainingResource()]) registerResource(router, db, def);
}
