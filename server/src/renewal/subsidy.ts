import { and, eq, sql } from 'drizzle-orm';
import { loadExcel } from '../exports/excel';
import type { QuasiSubsidySettings } from '@baotou/config';
import {
  SUBSIDY_BATCH_STATUSES,
  SUBSIDY_BATCH_STATUS_LABELS,
  SUBSIDY_USAGE_CATEGORIES,
  enrolmentYearIn,
  fenToYuan,
  formatAreaCenti,
  monthsServedIn,
  parseAreaCenti,
  quasiSubsidy,
  quasiSubsidyRateFen,
  subsidyBatchStep,
  subsidyUsageSchema,
  type SubsidyBatchStatus,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { regions, subsidyBatches, subsidyLines, subsidyUsages } from '../db/schema';
import { writeAudit } from '../audit/audit';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue } from '../http/listQuery';
import { beijingDate, isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';

const districtName = sql<string>`(SELECT r.name FROM regions r WHERE r.code = "subsidy_batches"."region_code")`;

/** Yearly subsidy batches per district (DOMAIN.md §4): bureau staff read those of their jurisdiction (a district's batch is the district's). */
export function subsidyBatchesResource(): ResourceDef {
  return {
    name: 'subsidy-batches',
    label: '准物业补贴批次',
    table: subsidyBatches,
    id: subsidyBatches.id,
    idKind: 'int',
    fields: {
      id: subsidyBatches.id,
      regionCode: subsidyBatches.regionCode,
      districtName,
      year: subsidyBatches.year,
      status: subsidyBatches.status,
      lineCount: subsidyBatches.lineCount,
      totalFen: subsidyBatches.totalFen,
      cityFen: subsidyBatches.cityFen,
      districtFen: subsidyBatches.districtFen,
      districtApprovedAt: subsidyBatches.districtApprovedAt,
      cityApprovedAt: subsidyBatches.cityApprovedAt,
      paidAt: subsidyBatches.paidAt,
      createdAt: subsidyBatches.createdAt,
    },
    sortable: {
      id: subsidyBatches.id,
      year: subsidyBatches.year,
      regionCode: subsidyBatches.regionCode,
      status: subsidyBatches.status,
      totalFen: subsidyBatches.totalFen,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => sql`${districtName} ILIKE ${`%${filterValue.string('q', v).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
      year: (v) => eq(subsidyBatches.year, filterValue.int('year', v)),
      status: (v) => eq(subsidyBatches.status, filterValue.oneOf('status', v, SUBSIDY_BATCH_STATUSES)),
      regionCode: (v) => eq(subsidyBatches.regionCode, filterValue.string('regionCode', v, 12)),
    },
    // A district batch's code is 6 digits: staff of the city or of that district see it (a street's prefix is longer).
    readScope: (actor) => (isBureau(actor) ? regionCondition(actor, subsidyBatches.regionCode) : 'deny'),
  };
}

const lineCompound = sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "subsidy_lines"."compound_id")`;
const lineCompany = sql<string>`(SELECT c.name FROM companies c WHERE c.id = "subsidy_lines"."company_id")`;
const usedFen = sql<number>`(SELECT coalesce(sum(u.amount_fen), 0)::bigint FROM subsidy_usages u WHERE u.line_id = "subsidy_lines"."id")`;

/** A batch's lines: read-only (computed when the batch is drafted); bureau staff by region, a company its own. */
export function subsidyLinesResource(): ResourceDef {
  return {
    name: 'subsidy-lines',
    label: '准物业补贴明细',
    table: subsidyLines,
    id: subsidyLines.id,
    idKind: 'int',
    fields: {
      id: subsidyLines.id,
      batchId: subsidyLines.batchId,
      compoundId: subsidyLines.compoundId,
      compoundName: lineCompound,
      companyId: subsidyLines.companyId,
      companyName: lineCompany,
      regionCode: subsidyLines.regionCode,
      enrolmentId: subsidyLines.enrolmentId,
      assessmentId: subsidyLines.assessmentId,
      areaCenti: subsidyLines.areaCenti,
      enrolmentYear: subsidyLines.enrolmentYear,
      months: subsidyLines.months,
      rateFen: subsidyLines.rateFen,
      totalFen: subsidyLines.totalFen,
      cityFen: subsidyLines.cityFen,
      districtFen: subsidyLines.districtFen,
      usedFen,
      batchStatus: sql<string>`(SELECT b.status FROM subsidy_batches b WHERE b.id = "subsidy_lines"."batch_id")`,
    },
    sortable: { id: subsidyLines.id, totalFen: subsidyLines.totalFen, compoundId: subsidyLines.compoundId, regionCode: subsidyLines.regionCode },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => sql`${lineCompound} ILIKE ${`%${filterValue.string('q', v).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
      batchId: (v) => eq(subsidyLines.batchId, filterValue.int('batchId', v)),
      compoundId: (v) => eq(subsidyLines.compoundId, filterValue.int('compoundId', v)),
      companyId: (v) => eq(subsidyLines.companyId, filterValue.int('companyId', v)),
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, subsidyLines.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) return eq(subsidyLines.companyId, actor.companyId);
      return 'deny';
    },
  };
}

/** How a company used a paid line (五(四)): its own, for a paid batch, the sum within the line (under the line's lock). */
export function subsidyUsagesResource(): ResourceDef {
  return {
    name: 'subsidy-usages',
    label: '补贴资金使用记录',
    table: subsidyUsages,
    id: subsidyUsages.id,
    idKind: 'int',
    fields: {
      id: subsidyUsages.id,
      lineId: subsidyUsages.lineId,
      compoundId: subsidyUsages.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "subsidy_usages"."compound_id")`,
      companyId: subsidyUsages.companyId,
      regionCode: subsidyUsages.regionCode,
      category: subsidyUsages.category,
      amountFen: subsidyUsages.amountFen,
      spentOn: subsidyUsages.spentOn,
      note: subsidyUsages.note,
      createdAt: subsidyUsages.createdAt,
    },
    sortable: { id: subsidyUsages.id, spentOn: subsidyUsages.spentOn, amountFen: subsidyUsages.amountFen },
    defaultSort: ['id', 'DESC'],
    filters: {
      lineId: (v) => eq(subsidyUsages.lineId, filterValue.int('lineId', v)),
      category: (v) => eq(subsidyUsages.category, filterValue.oneOf('category', v, SUBSIDY_USAGE_CATEGORIES)),
      compoundId: (v) => eq(subsidyUsages.compoundId, filterValue.int('compoundId', v)),
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, subsidyUsages.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) return eq(subsidyUsages.companyId, actor.companyId);
      return 'deny';
    },
    write: {
      roles: ['company_staff'],
      allows: (actor, row) => row.companyId === actor.companyId,
      readOnlyFields: ['compoundId', 'compoundName', 'companyId', 'regionCode', 'createdAt'],
      create: { schema: subsidyUsageSchema, prepare: prepareUsage },
    },
  };
}

async function prepareUsage(input: { lineId: number; category: string; amountFen: number; spentOn: string; note: string | null }, c: WriteContext) {
  const [line] = (
    await c.tx
      .execute(sql`SELECT l.id, l.compound_id AS "compoundId", l.region_code AS "regionCode", l.company_id AS "companyId", l.total_fen::text AS "totalFen", b.status
                             FROM subsidy_lines l JOIN subsidy_batches b ON b.id = l.batch_id WHERE l.id = ${input.lineId} FOR UPDATE OF l`)
  ).rows as { id: number; compoundId: number; regionCode: string; companyId: number; totalFen: string; status: SubsidyBatchStatus }[];
  if (!line || line.companyId !== c.actor.companyId) throw badRequest('VALIDATION_FAILED', '补贴明细不存在', { lineId: '补贴明细不存在' });
  if (line.status !== 'paid') throw conflict('BATCH_NOT_PAID', '该补贴尚未拨付，不能登记使用情况');
  if (input.spentOn > beijingDate()) throw badRequest('VALIDATION_FAILED', '使用日期不能晚于今天', { spentOn: '使用日期不能晚于今天' });
  const [{ used }] = (await c.tx.execute(sql`SELECT coalesce(sum(amount_fen), 0)::text AS used FROM subsidy_usages WHERE line_id = ${line.id}`)).rows as {
    used: string;
  }[];
  if (BigInt(used) + BigInt(input.amountFen) > BigInt(line.totalFen)) {
    throw conflict('USAGE_EXCEEDS_PAID', `使用金额合计不能超过拨付金额 ${fenToYuan(BigInt(line.totalFen))} 元（已登记 ${fenToYuan(BigInt(used))} 元）`);
  }
  return { ...input, compoundId: line.compoundId, regionCode: line.regionCode, companyId: line.companyId, recordedBy: c.actor.id };
}

/** Whether the district (6-digit code) is in the subsidy's scope: its code or its registered name is in the setting. */
export async function districtInScope(db: Db | Tx, settings: QuasiSubsidySettings, districtCode: string): Promise<{ code: string; name: string } | null> {
  const [region] = await db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).where(eq(regions.code, districtCode));
  if (!region || region.level !== 'district') return null;
  return settings.districts.includes(region.code) || settings.districts.includes(region.name) ? region : null;
}

interface LineSource {
  enrolmentId: number;
  compoundId: number;
  regionCode: string;
  companyId: number;
  startDate: string;
  endDate: string | null;
  totalArea: string;
  assessmentId: number;
}

/**
 * Drafts district `districtCode`'s batch for `year` (DOMAIN.md §4): district staff of that district or the
 * city; the district in scope (400 DISTRICT_OUT_OF_SCOPE) and the year not in the future. One line per
 * enrolment of the district serving that year with a passed assessment for it: area (the compound's
 * registered floor area) × rate of its enrolment year × months served, split 1:1 with the odd fen to the city
 * (quasiSubsidy); a failed or missing assessment, a fourth year or no month served gives no line.
 * One batch per district and year (409 BATCH_EXISTS, by the unique index). Returns the batch id.
 */
export async function draftSubsidyBatch(db: Db, settings: QuasiSubsidySettings, actor: Actor, input: { districtCode: string; year: number }): Promise<number> {
  if (!['district_staff', 'city_admin'].includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权编制补贴批次');
  if (!regionAllows(actor, input.districtCode)) throw forbidden('OUT_OF_JURISDICTION', '不能为管辖范围以外的区县编制补贴批次');
  if (input.year > Number(beijingDate().slice(0, 4))) throw badRequest('VALIDATION_FAILED', '补贴年度不能晚于今年', { year: '补贴年度不能晚于今年' });
  return db.transaction(async (tx) => {
    if (!(await districtInScope(tx, settings, input.districtCode))) {
      throw badRequest('DISTRICT_OUT_OF_SCOPE', '该区县不在准物业补贴范围内', { districtCode: '该区县不在准物业补贴范围内' });
    }
    const [batch] = await tx
      .insert(subsidyBatches)
      .values({ regionCode: input.districtCode, year: input.year, createdBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: subsidyBatches.id });
    if (!batch) throw conflict('BATCH_EXISTS', '该区县本年度的补贴批次已存在');
    const totals = await fillSubsidyBatch(tx, batch.id, input.districtCode, input.year);
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'subsidy-batches',
      entityId: batch.id,
      after: { regionCode: input.districtCode, year: input.year, ...totals },
      regionCode: input.districtCode,
    });
    return batch.id;
  });
}

/** Computes and stores a fresh batch's lines and totals (see draftSubsidyBatch), in the caller's transaction. */
export async function fillSubsidyBatch(tx: Tx, batchId: number, districtCode: string, year: number) {
  const input = { districtCode, year };
  const batch = { id: batchId };
  const sources = (
    await tx.execute(sql`
      SELECT e.id AS "enrolmentId", e.compound_id AS "compoundId", e.region_code AS "regionCode", e.company_id AS "companyId",
             e.start_date::text AS "startDate", e.end_date::text AS "endDate", c.total_area::text AS "totalArea", a.id AS "assessmentId"
        FROM quasi_enrolments e
        JOIN compounds c ON c.id = e.compound_id
        JOIN quasi_assessments a ON a.enrolment_id = e.id AND a.year = ${input.year} AND a.result = 'pass'
       WHERE e.region_code LIKE ${input.districtCode + '%'}
         AND e.start_date <= make_date(${input.year}, 12, 31) AND coalesce(e.end_date, '9999-12-31'::date) >= make_date(${input.year}, 1, 1)
       ORDER BY e.region_code, e.compound_id, e.id`)
  ).rows as unknown as LineSource[];
  const lines: (typeof subsidyLines.$inferInsert)[] = [];
  for (const s of sources) {
    const enrolmentYear = enrolmentYearIn(s.startDate, input.year);
    const months = monthsServedIn(s.startDate, s.endDate, input.year);
    const areaCenti = parseAreaCenti(s.totalArea) ?? 0;
    const split = quasiSubsidy({ areaCenti, enrolmentYear, months });
    if (split.totalFen === 0) continue;
    lines.push({
      batchId: batch.id,
      compoundId: s.compoundId,
      regionCode: s.regionCode,
      enrolmentId: s.enrolmentId,
      assessmentId: s.assessmentId,
      companyId: s.companyId,
      areaCenti,
      enrolmentYear,
      months,
      rateFen: quasiSubsidyRateFen(enrolmentYear),
      ...split,
    });
  }
  for (let i = 0; i < lines.length; i += 1000) await tx.insert(subsidyLines).values(lines.slice(i, i + 1000));
  const sum = (k: 'totalFen' | 'cityFen' | 'districtFen') => lines.reduce((a, l) => a + Number(l[k]), 0);
  const totals = { lineCount: lines.length, totalFen: sum('totalFen'), cityFen: sum('cityFen'), districtFen: sum('districtFen') };
  await tx.update(subsidyBatches).set(totals).where(eq(subsidyBatches.id, batch.id));
  return totals;
}

/**
 * One step of a batch (SUBSIDY_BATCH_STEPS): district staff approve their district's draft, the city approves
 * a district-approved batch and pays a city-approved one. The step is one conditional UPDATE, so of two
 * concurrent approvals one moves the batch and the other finds it moved: 409 BATCH_ALREADY_APPROVED (or
 * BATCH_NOT_READY when the batch has not reached the step's starting status). Audited in the same transaction.
 */
export async function stepSubsidyBatch(db: Db, actor: Actor, id: number, action: 'approve' | 'pay'): Promise<void> {
  const step = subsidyBatchStep(action, actor.role);
  if (!step) throw forbidden('ROLE_FORBIDDEN', action === 'pay' ? '只有市住建局可以拨付补贴' : '当前角色无权审核补贴批次');
  await db.transaction(async (tx) => {
    const [batch] = await tx
      .select({ id: subsidyBatches.id, regionCode: subsidyBatches.regionCode, status: subsidyBatches.status })
      .from(subsidyBatches)
      .where(eq(subsidyBatches.id, id));
    if (!batch) throw notFound('补贴批次');
    if (!regionAllows(actor, batch.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权审核管辖范围以外的补贴批次');
    const now = new Date();
    const stamp =
      step.to === 'district_approved'
        ? { districtApprovedBy: actor.id, districtApprovedAt: now }
        : step.to === 'city_approved'
          ? { cityApprovedBy: actor.id, cityApprovedAt: now }
          : { paidBy: actor.id, paidAt: now };
    const [moved] = await tx
      .update(subsidyBatches)
      .set({ status: step.to, ...stamp, updatedAt: now })
      .where(and(eq(subsidyBatches.id, id), eq(subsidyBatches.status, step.from)))
      .returning({ id: subsidyBatches.id });
    if (!moved) {
      const [current] = await tx.select({ status: subsidyBatches.status }).from(subsidyBatches).where(eq(subsidyBatches.id, id));
      const reached = SUBSIDY_BATCH_STATUSES.indexOf(current.status) >= SUBSIDY_BATCH_STATUSES.indexOf(step.to);
      if (reached)
        throw conflict(
          action === 'pay' ? 'BATCH_ALREADY_PAID' : 'BATCH_ALREADY_APPROVED',
          `该补贴批次${SUBSIDY_BATCH_STATUS_LABELS[current.status]}，不能重复操作`,
        );
      throw conflict('BATCH_NOT_READY', `该补贴批次当前为“${SUBSIDY_BATCH_STATUS_LABELS[current.status]}”，还不能执行此操作`);
    }
    await writeAudit(tx, actor, {
      action: action === 'pay' ? 'disburse' : 'approve',
      entity: 'subsidy-batches',
      entityId: id,
      before: { status: step.from },
      after: { status: step.to },
      regionCode: batch.regionCode,
    });
  });
}

/** The batch for the finance bureau: a header, one row per line with amounts in 元 from fen, a total row. */
export async function subsidyBatchWorkbook(db: Db, batchId: number): Promise<Buffer> {
  const [batch] = (
    await db.execute(sql`SELECT b.year, b.status, b.total_fen::text AS "totalFen", b.city_fen::text AS "cityFen", b.district_fen::text AS "districtFen", r.name AS district
                           FROM subsidy_batches b LEFT JOIN regions r ON r.code = b.region_code WHERE b.id = ${batchId}`)
  ).rows as { year: number; status: SubsidyBatchStatus; totalFen: string; cityFen: string; districtFen: string; district: string }[];
  const lines = (
    await db.execute(sql`SELECT c.name AS compound, rs.name AS street, rc.name AS community, co.name AS company, e.start_date::text AS "startDate",
                                l.area_centi::text AS "areaCenti", l.enrolment_year AS "enrolmentYear", l.months, l.rate_fen AS "rateFen",
                                l.total_fen::text AS "totalFen", l.city_fen::text AS "cityFen", l.district_fen::text AS "districtFen"
                           FROM subsidy_lines l JOIN compounds c ON c.id = l.compound_id JOIN companies co ON co.id = l.company_id
                           JOIN quasi_enrolments e ON e.id = l.enrolment_id
                           LEFT JOIN regions rc ON rc.code = l.region_code LEFT JOIN regions rs ON rs.code = left(l.region_code, 9)
                          WHERE l.batch_id = ${batchId} ORDER BY l.region_code, l.compound_id, l.id`)
  ).rows as Record<string, string | number>[];
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  wb.creator = '包头市智慧物业管理服务平台';
  const ws = wb.addWorksheet('准物业补贴');
  const yuan = (fen: string | number) => Number(fenToYuan(BigInt(fen)));
  ws.addRow([`${batch.district ?? ''} ${batch.year}年度准物业管理补贴拨付明细（${SUBSIDY_BATCH_STATUS_LABELS[batch.status]}）`]);
  ws.mergeCells(1, 1, 1, 14);
  ws.getRow(1).font = { bold: true, size: 14 };
  const header = ws.addRow([
    '序号',
    '街道',
    '社区',
    '小区',
    '准物业服务企业',
    '备案开始日期',
    '准物业第几年',
    '服务月数',
    '面积（㎡）',
    '补贴标准（元/㎡·月）',
    '补贴金额（元）',
    '市级承担（元）',
    '区级承担（元）',
    '备注',
  ]);
  header.font = { bold: true };
  lines.forEach((l, i) => {
    ws.addRow([
      i + 1,
      l.street,
      l.community,
      l.compound,
      l.company,
      l.startDate,
      Number(l.enrolmentYear),
      Number(l.months),
      Number(formatAreaCenti(Number(l.areaCenti))),
      Number(fenToYuan(Number(l.rateFen))),
      yuan(l.totalFen),
      yuan(l.cityFen),
      yuan(l.districtFen),
      '',
    ]);
  });
  const total = ws.addRow([
    '合计',
    '',
    '',
    `${lines.length} 个小区`,
    '',
    '',
    '',
    '',
    '',
    '',
    yuan(batch.totalFen),
    yuan(batch.cityFen),
    yuan(batch.districtFen),
    '',
  ]);
  total.font = { bold: true };
  for (const col of [9, 10, 11, 12, 13]) ws.getColumn(col).numFmt = '#,##0.00';
  [6, 10, 10, 20, 24, 12, 8, 8, 12, 12, 14, 14, 14, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
