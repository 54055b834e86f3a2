import { eq, sql, type Column, type SQL } from 'drizzle-orm';
import { BILL_PAYERS, BILL_STATUSES, BILLING_RUN_STATUSES, FEE_ITEM_KINDS, PAYMENT_METHODS, feeItemSchema, feeItemUpdateSchema } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { badRequest, forbidden, notFound } from '../http/errors';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { residentHomeIds } from '../places/residentHomes';
import { billingRuns, bills, feeItems, feePayments, projects, receipts } from '../db/schema';
import type { FeesSettings } from '@baotou/config';

/**
 * Who reads fee rows (issue 13): the company its own company's; bureau staff (not party-building
 * staff, whose duty needs no money) their region's; a resident their verified homes'.
 */
function feeScope(actor: Actor, t: { companyId: Column; regionCode: Column; householdId?: Column }): SQL | 'deny' {
  if (actor.role === 'company_staff') return actor.companyId ? eq(t.companyId, actor.companyId) : 'deny';
  if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, t.regionCode);
  if (actor.role === 'resident' && t.householdId) return sql`${t.householdId} IN ${residentHomeIds(actor.id)}`;
  return 'deny';
}

const dateFilter = (name: string, v: unknown) => {
  const s = filterValue.string(name, v, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw badRequest('BAD_FILTER', `筛选条件 ${name} 必须是日期 (YYYY-MM-DD)`);
  return s;
};
const todayBeijing = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
/** The home of a row with household_id and compound_id columns, as the lists show it (compound, building, unit, room). */
export const homeOf = (col: string) => ({
  compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = ${sql.raw(col)}.compound_id)`,
  buildingName: sql<string>`(SELECT b.name FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = ${sql.raw(col)}.household_id)`,
  unitName: sql<string>`(SELECT u.name FROM households h JOIN units u ON u.id = h.unit_id WHERE h.id = ${sql.raw(col)}.household_id)`,
  room: sql<string>`(SELECT h.room FROM households h WHERE h.id = ${sql.raw(col)}.household_id)`,
});

export function feeItemsResource(settings: FeesSettings): ResourceDef {
  const checkLateFee = (rate: number | null | undefined) => {
    if (rate != null && rate > settings.lateFeeMaxBpPerMonth) {
      const m = `违约金比例不得超过每月万分之${settings.lateFeeMaxBpPerMonth}`;
      throw badRequest('LATE_FEE_ABOVE_CAP', m, { lateFeeBpPerMonth: m });
    }
  };
  return {
    name: 'fee-items',
    label: '收费项目',
    table: feeItems,
    id: feeItems.id,
    idKind: 'int',
    fields: {
      id: feeItems.id,
      projectId: feeItems.projectId,
      companyId: feeItems.companyId,
      compoundId: feeItems.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "fee_items"."compound_id")`,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "fee_items"."company_id")`,
      regionCode: feeItems.regionCode,
      kind: feeItems.kind,
      name: feeItems.name,
      feeMilliFenPerM2Month: feeItems.feeMilliFenPerM2Month,
      monthlyFen: feeItems.monthlyFen,
      billingCycle: feeItems.billingCycle,
      startsOn: feeItems.startsOn,
      lateFeeBpPerMonth: feeItems.lateFeeBpPerMonth,
      active: feeItems.active,
      createdAt: feeItems.createdAt,
    },
    sortable: { id: feeItems.id, name: feeItems.name, startsOn: feeItems.startsOn, projectId: feeItems.projectId, kind: feeItems.kind },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) =>
        sql`(${feeItems.name} ILIKE ${'%' + likeEscape(filterValue.string('q', v)) + '%'} OR ${feeItems.compoundId} IN (SELECT c.id FROM compounds c WHERE c.name ILIKE ${'%' + likeEscape(filterValue.string('q', v)) + '%'}))`,
      projectId: (v) => eq(feeItems.projectId, filterValue.int('projectId', v)),
      compoundId: (v) => eq(feeItems.compoundId, filterValue.int('compoundId', v)),
      kind: (v) => eq(feeItems.kind, filterValue.oneOf('kind', v, FEE_ITEM_KINDS)),
      active: (v) => eq(feeItems.active, filterValue.bool('active', v)),
    },
    readScope: (actor) => feeScope(actor, feeItems),
    write: {
      roles: ['company_staff'],
      allows: (actor, row) => !!actor.companyId && row.companyId === actor.companyId,
      readOnlyFields: ['compoundName', 'companyName', 'companyId', 'compoundId', 'regionCode', 'createdAt'],
      create: {
        schema: feeItemSchema,
        async prepare(input, { tx, actor }) {
          checkLateFee(input.lateFeeBpPerMonth);
          const [p] = await tx
            .select({ companyId: projects.companyId, compoundId: projects.compoundId, regionCode: projects.regionCode })
            .from(projects)
            .where(eq(projects.id, input.projectId));
          if (!p) throw notFound('服务项目');
          if (p.companyId !== actor.companyId) throw forbidden('OUT_OF_JURISDICTION', '只能为本企业的服务项目设置收费项目');
          return {
            ...input,
            feeMilliFenPerM2Month: input.feeMilliFenPerM2Month ?? null,
            monthlyFen: input.monthlyFen ?? null,
            lateFeeBpPerMonth: input.lateFeeBpPerMonth ?? null,
            companyId: p.companyId,
            compoundId: p.compoundId,
            regionCode: p.regionCode,
            createdBy: actor.id,
          };
        },
      },
      update: {
        schema: feeItemUpdateSchema,
        async prepare(input) {
          checkLateFee(input.lateFeeBpPerMonth);
          return input;
        },
      },
    },
  };
}

export function billingRunsResource(): ResourceDef {
  return {
    name: 'billing-runs',
    label: '批量计费',
    table: billingRuns,
    id: billingRuns.id,
    idKind: 'int',
    fields: {
      id: billingRuns.id,
      companyId: billingRuns.companyId,
      period: billingRuns.period,
      status: billingRuns.status,
      projectsDone: billingRuns.projectsDone,
      projectsTotal: billingRuns.projectsTotal,
      billsCreated: billingRuns.billsCreated,
      billedFen: billingRuns.billedFen,
      note: billingRuns.note,
      error: billingRuns.error,
      jobId: billingRuns.jobId,
      compoundNames: sql<string>`(SELECT string_agg(c.name, '、' ORDER BY c.name) FROM billing_run_projects rp JOIN compounds c ON c.id = rp.compound_id WHERE rp.run_id = "billing_runs"."id")`,
      createdByName: sql<string | null>`(SELECT u.name FROM users u WHERE u.id = "billing_runs"."created_by")`,
      startedAt: billingRuns.startedAt,
      finishedAt: billingRuns.finishedAt,
      createdAt: billingRuns.createdAt,
    },
    sortable: { id: billingRuns.id, period: billingRuns.period, status: billingRuns.status, createdAt: billingRuns.createdAt },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => sql`${billingRuns.period} LIKE ${likeEscape(filterValue.string('q', v, 7)) + '%'}`,
      status: (v) => eq(billingRuns.status, filterValue.oneOf('status', v, BILLING_RUN_STATUSES)),
      period: (v) => eq(billingRuns.period, filterValue.string('period', v, 7)),
    },
    readScope: (actor) => (actor.role === 'company_staff' && actor.companyId ? eq(billingRuns.companyId, actor.companyId) : 'deny'),
  };
}

export const billOwed = sql`("bills"."amount_fen" - "bills"."paid_fen")`;
const overdueSql = sql`("bills"."status" IN ('unpaid', 'partly_paid') AND "bills"."due_on" < ${todayBeijing})`;

export function billsResource(): ResourceDef {
  return {
    name: 'bills',
    label: '账单',
    table: bills,
    id: bills.id,
    idKind: 'int',
    fields: {
      id: bills.id,
      householdId: bills.householdId,
      compoundId: bills.compoundId,
      buildingId: bills.buildingId,
      ...homeOf('"bills"'),
      projectId: bills.projectId,
      companyId: bills.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "bills"."company_id")`,
      regionCode: bills.regionCode,
      feeItemId: bills.feeItemId,
      feeItemName: sql<string>`(SELECT f.name FROM fee_items f WHERE f.id = "bills"."fee_item_id")`,
      feeItemKind: sql<string>`(SELECT f.kind FROM fee_items f WHERE f.id = "bills"."fee_item_id")`,
      billingRunId: bills.billingRunId,
      periodStart: bills.periodStart,
      periodEnd: bills.periodEnd,
      months: bills.months,
      areaCenti: bills.areaCenti,
      unitMilliFen: bills.unitMilliFen,
      amountFen: bills.amountFen,
      paidFen: bills.paidFen,
      owedFen: sql<number>`(CASE WHEN "bills"."status" = 'reversed' THEN 0 ELSE "bills"."amount_fen" - "bills"."paid_fen" END)::float8`,
      status: bills.status,
      payer: bills.payer,
      dueOn: bills.dueOn,
      overdueDays: sql<number>`(CASE WHEN ${overdueSql} THEN ${todayBeijing} - "bills"."due_on" ELSE 0 END)`,
      reverseReason: bills.reverseReason,
      reversedAt: bills.reversedAt,
      createdAt: bills.createdAt,
    },
    sortable: {
      id: bills.id,
      periodStart: bills.periodStart,
      amountFen: bills.amountFen,
      paidFen: bills.paidFen,
      dueOn: bills.dueOn,
      status: bills.status,
      householdId: bills.householdId,
    },
    defaultSort: ['periodStart', 'DESC'],
    filters: {
      q: (v) => {
        const s = filterValue.string('q', v, 40);
        return sql`("bills"."household_id" IN (SELECT h.id FROM households h WHERE h.compound_id = "bills"."compound_id" AND h.room LIKE ${likeEscape(s) + '%'}) OR "bills"."compound_id" IN (SELECT c.id FROM compounds c WHERE c.name ILIKE ${'%' + likeEscape(s) + '%'}))`;
      },
      compoundId: (v) => eq(bills.compoundId, filterValue.int('compoundId', v)),
      buildingId: (v) => eq(bills.buildingId, filterValue.int('buildingId', v)),
      householdId: (v) => eq(bills.householdId, filterValue.int('householdId', v)),
      projectId: (v) => eq(bills.projectId, filterValue.int('projectId', v)),
      feeItemId: (v) => eq(bills.feeItemId, filterValue.int('feeItemId', v)),
      billingRunId: (v) => eq(bills.billingRunId, filterValue.int('billingRunId', v)),
      status: (v) => eq(bills.status, filterValue.oneOf('status', v, BILL_STATUSES)),
      payer: (v) => eq(bills.payer, filterValue.oneOf('payer', v, BILL_PAYERS)),
      open: (v) => (filterValue.bool('open', v) ? sql`"bills"."status" IN ('unpaid', 'partly_paid')` : sql`"bills"."status" IN ('paid', 'reversed')`),
      overdue: (v) => (filterValue.bool('overdue', v) ? overdueSql : sql`NOT ${overdueSql}`),
      minOverdueDays: (v) => sql`(${overdueSql} AND ${todayBeijing} - "bills"."due_on" >= ${filterValue.int('minOverdueDays', v)})`,
      periodFrom: (v) => sql`${bills.periodStart} >= ${dateFilter('periodFrom', v)}`,
      periodTo: (v) => sql`${bills.periodStart} <= ${dateFilter('periodTo', v)}`,
    },
    readScope: (actor) => feeScope(actor, bills),
  };
}

export function feePaymentsResource(): ResourceDef {
  return {
    name: 'fee-payments',
    label: '缴费记录',
    table: feePayments,
    id: feePayments.id,
    idKind: 'int',
    fields: {
      id: feePayments.id,
      householdId: feePayments.householdId,
      compoundId: feePayments.compoundId,
      ...homeOf('"fee_payments"'),
      projectId: feePayments.projectId,
      companyId: feePayments.companyId,
      regionCode: feePayments.regionCode,
      method: feePayments.method,
      amountFen: feePayments.amountFen,
      refundedFen: feePayments.refundedFen,
      reference: feePayments.reference,
      payOrderId: feePayments.payOrderId,
      receiptNo: feePayments.receiptNo,
      receiptId: sql<number>`(SELECT r.id FROM receipts r WHERE r.payment_id = "fee_payments"."id")`,
      recordedByName: sql<string | null>`(SELECT u.name FROM users u WHERE u.id = "fee_payments"."recorded_by")`,
      paidAt: feePayments.paidAt,
    },
    sortable: { id: feePayments.id, paidAt: feePayments.paidAt, amountFen: feePayments.amountFen, method: feePayments.method },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const s = filterValue.string('q', v, 40);
        return sql`(${feePayments.receiptNo} = ${s.toUpperCase()} OR ${feePayments.reference} = ${s} OR "fee_payments"."household_id" IN (SELECT h.id FROM households h WHERE h.compound_id = "fee_payments"."compound_id" AND h.room LIKE ${likeEscape(s) + '%'}))`;
      },
      compoundId: (v) => eq(feePayments.compoundId, filterValue.int('compoundId', v)),
      householdId: (v) => eq(feePayments.householdId, filterValue.int('householdId', v)),
      method: (v) => eq(feePayments.method, filterValue.oneOf('method', v, PAYMENT_METHODS)),
      refunded: (v) => (filterValue.bool('refunded', v) ? sql`${feePayments.refundedFen} > 0` : sql`${feePayments.refundedFen} = 0`),
      paidFrom: (v) => sql`${feePayments.paidAt} >= (${dateFilter('paidFrom', v)}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      paidTo: (v) => sql`${feePayments.paidAt} < ((${dateFilter('paidTo', v)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
    },
    readScope: (actor) => feeScope(actor, feePayments),
  };
}

export function receiptsResource(): ResourceDef {
  return {
    name: 'receipts',
    label: '电子收据',
    table: receipts,
    id: receipts.id,
    idKind: 'int',
    fields: {
      id: receipts.id,
      receiptNo: receipts.receiptNo,
      paymentId: receipts.paymentId,
      householdId: receipts.householdId,
      compoundId: receipts.compoundId,
      ...homeOf('"receipts"'),
      regionCode: receipts.regionCode,
      amountFen: receipts.amountFen,
      lines: receipts.lines,
      method: sql<string>`(SELECT p.method FROM fee_payments p WHERE p.id = "receipts"."payment_id")`,
      refundedFen: sql<number>`(SELECT p.refunded_fen FROM fee_payments p WHERE p.id = "receipts"."payment_id")::float8`,
      companyName: sql<string>`(SELECT c.name FROM fee_payments p JOIN companies c ON c.id = p.company_id WHERE p.id = "receipts"."payment_id")`,
      issuedAt: receipts.issuedAt,
    },
    sortable: { id: receipts.id, issuedAt: receipts.issuedAt, amountFen: receipts.amountFen },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => sql`${receipts.receiptNo} LIKE ${likeEscape(filterValue.string('q', v, 32).toUpperCase()) + '%'}`,
      compoundId: (v) => eq(receipts.compoundId, filterValue.int('compoundId', v)),
      householdId: (v) => eq(receipts.householdId, filterValue.int('householdId', v)),
    },
    readScope: (actor) => {
      if (actor.role === 'company_staff')
        return actor.companyId ? sql`"receipts"."payment_id" IN (SELECT p.id FROM fee_payments p WHERE p.company_id = ${actor.companyId})` : 'deny';
      if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, receipts.regionCode);
      if (actor.role === 'resident') return sql`${receipts.householdId} IN ${residentHomeIds(actor.id)}`;
      return 'deny';
    },
  };
}
