import { eq, ilike, sql } from 'drizzle-orm';
import {
  EMERGENCY_KINDS,
  FUND_APPLICATION_STATUSES,
  FUND_ENTRY_KINDS,
  FUND_LEDGER_STATUSES,
  firstDepositOwedFen,
  firstDepositRateFen,
  fundAccountBankSchema,
  fundLedgerStatus,
  isTopUpDue,
  parseAreaCenti,
  type FirstDepositRates,
  type FundLedgerStatus,
} from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionAllows, regionCondition, servedCompoundIds } from '../jurisdiction/scope';
import { fundAccounts, fundApplications, fundEntries, fundLedgers } from '../db/schema';
import { residentCompoundIds, residentHomeIds } from '../places/residentHomes';

const topUpDueSql = sql`("fund_ledgers"."balance_fen" * 10 < "fund_ledgers"."first_deposit_fen" * 3)`;
/** A home whose first deposit was never booked (shared fundLedgerStatus: 'first_deposit_owed'). */
const firstDepositOwedSql = sql`("fund_ledgers"."first_deposit_fen" <= 0)`;
const LEDGER_STATUS_SQL: Record<FundLedgerStatus, ReturnType<typeof sql>> = {
  first_deposit_owed: firstDepositOwedSql,
  top_up_due: sql`(NOT ${firstDepositOwedSql} AND ${topUpDueSql})`,
  normal: sql`(NOT ${firstDepositOwedSql} AND NOT ${topUpDueSql})`,
};

export function accountsResource(): ResourceDef {
  return {
    name: 'fund-accounts',
    label: '维修资金账户',
    table: fundAccounts,
    id: fundAccounts.id,
    idKind: 'int',
    fields: {
      id: fundAccounts.id,
      compoundId: fundAccounts.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "fund_accounts"."compound_id")`,
      regionCode: fundAccounts.regionCode,
      bankName: fundAccounts.bankName,
      accountNo: fundAccounts.accountNo,
      balanceFen: fundAccounts.balanceFen,
      ledgerCount: sql<number>`(SELECT count(*)::int FROM fund_ledgers l WHERE l.account_id = "fund_accounts"."id")`,
      topUpDueCount: sql<number>`(SELECT count(*)::int FROM fund_ledgers l WHERE l.account_id = "fund_accounts"."id" AND l.balance_fen * 10 < l.first_deposit_fen * 3)`,
      firstDepositOwedCount: sql<number>`(SELECT count(*)::int FROM fund_ledgers l WHERE l.account_id = "fund_accounts"."id" AND l.first_deposit_fen <= 0)`,
      createdAt: fundAccounts.createdAt,
    },
    sortable: { id: fundAccounts.id, compoundId: fundAccounts.compoundId, balanceFen: fundAccounts.balanceFen },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) =>
        sql`"fund_accounts"."compound_id" IN (SELECT c.id FROM compounds c WHERE c.name ILIKE ${'%' + likeEscape(filterValue.string('q', v)) + '%'} OR c.code = ${filterValue.string('q', v).toUpperCase()})`,
      compoundId: (v) => eq(fundAccounts.compoundId, filterValue.int('compoundId', v)),
      regionCode: (v) => sql`${fundAccounts.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    // Opened with the compound or by POST /api/fund-accounts (routes.ts); staff then record the bank's details.
    write: {
      roles: ['city_admin', 'district_staff'],
      allows: (actor, row) => regionAllows(actor, row.regionCode as string),
      readOnlyFields: ['compoundName', 'ledgerCount', 'topUpDueCount', 'firstDepositOwedCount', 'createdAt'],
      update: { schema: fundAccountBankSchema, prepare: async (input) => input },
    },
    // Party-building work needs no balances (DOMAIN.md §7): party staff are refused, as on ledgers and entries.
    readScope: (actor) => (isBureau(actor) && actor.role !== 'party_staff' ? regionCondition(actor, fundAccounts.regionCode) : 'deny'),
  };
}

export function ledgersResource(rates: FirstDepositRates): ResourceDef {
  return {
    name: 'fund-ledgers',
    label: '分户账',
    table: fundLedgers,
    id: fundLedgers.id,
    idKind: 'int',
    fields: {
      id: fundLedgers.id,
      accountId: fundLedgers.accountId,
      compoundId: fundLedgers.compoundId,
      householdId: fundLedgers.householdId,
      buildingName: sql<string>`(SELECT b.name FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = "fund_ledgers"."household_id")`,
      unitName: sql<string>`(SELECT u.name FROM households h JOIN units u ON u.id = h.unit_id WHERE h.id = "fund_ledgers"."household_id")`,
      room: sql<string>`(SELECT h.room FROM households h WHERE h.id = "fund_ledgers"."household_id")`,
      area: sql<string>`(SELECT h.area FROM households h WHERE h.id = "fund_ledgers"."household_id")`,
      ownerName: sql<string | null>`(SELECT o.name FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.id = "fund_ledgers"."household_id")`,
      developerUnsold: sql<boolean>`(SELECT h.developer_unsold FROM households h WHERE h.id = "fund_ledgers"."household_id")`,
      buildingFloors: sql<
        number | null
      >`(SELECT b.floors FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = "fund_ledgers"."household_id")`,
      firstDepositFen: fundLedgers.firstDepositFen,
      depositedFen: fundLedgers.depositedFen,
      earnedFen: fundLedgers.earnedFen,
      usedFen: fundLedgers.usedFen,
      balanceFen: fundLedgers.balanceFen,
      regionCode: fundLedgers.regionCode,
    },
    sortable: { id: fundLedgers.id, balanceFen: fundLedgers.balanceFen, householdId: fundLedgers.householdId, firstDepositFen: fundLedgers.firstDepositFen },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => sql`"fund_ledgers"."household_id" IN (SELECT h.id FROM households h WHERE h.room LIKE ${likeEscape(filterValue.string('q', v, 20)) + '%'})`,
      compoundId: (v) => eq(fundLedgers.compoundId, filterValue.int('compoundId', v)),
      accountId: (v) => eq(fundLedgers.accountId, filterValue.int('accountId', v)),
      householdId: (v) => eq(fundLedgers.householdId, filterValue.int('householdId', v)),
      topUpDue: (v) => (filterValue.bool('topUpDue', v) ? topUpDueSql : sql`NOT ${topUpDueSql}`),
      status: (v) => LEDGER_STATUS_SQL[filterValue.oneOf('status', v, FUND_LEDGER_STATUSES)],
    },
    readScope: (actor) => {
      if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, fundLedgers.regionCode);
      if (actor.role === 'resident') return sql`${fundLedgers.householdId} IN ${residentHomeIds(actor.id)}`;
      return 'deny';
    },
    // The status and what is owed come from the shared rules, so staff and the resident read one figure.
    present: (row) => {
      const ledger = { firstDepositFen: row.firstDepositFen as number, depositedFen: row.depositedFen as number, balanceFen: row.balanceFen as number };
      const areaCenti = parseAreaCenti(row.area as string);
      return {
        ...row,
        topUpDue: isTopUpDue(ledger.balanceFen, ledger.firstDepositFen),
        status: fundLedgerStatus(ledger),
        firstDepositOwedFen: areaCenti ? firstDepositOwedFen(ledger, areaCenti, firstDepositRateFen(row.buildingFloors as number | null, rates)) : 0,
      };
    },
  };
}

export function entriesResource(): ResourceDef {
  return {
    name: 'fund-entries',
    label: '记账凭证',
    table: fundEntries,
    id: fundEntries.id,
    idKind: 'int',
    fields: {
      id: fundEntries.id,
      accountId: fundEntries.accountId,
      ledgerId: fundEntries.ledgerId,
      householdId: fundEntries.householdId,
      batchId: fundEntries.batchId,
      kind: fundEntries.kind,
      amountFen: fundEntries.amountFen,
      balanceAfterFen: fundEntries.balanceAfterFen,
      ownerId: fundEntries.ownerId,
      payer: fundEntries.payer,
      reference: fundEntries.reference,
      reversesId: fundEntries.reversesId,
      reversed: sql<boolean>`EXISTS (SELECT 1 FROM fund_entries r WHERE r.reverses_id = "fund_entries"."id")`,
      memo: fundEntries.memo,
      postedAt: fundEntries.postedAt,
    },
    sortable: { id: fundEntries.id, postedAt: fundEntries.postedAt, amountFen: fundEntries.amountFen, kind: fundEntries.kind },
    defaultSort: ['id', 'DESC'],
    filters: {
      ledgerId: (v) => eq(fundEntries.ledgerId, filterValue.int('ledgerId', v)),
      householdId: (v) => eq(fundEntries.householdId, filterValue.int('householdId', v)),
      accountId: (v) => eq(fundEntries.accountId, filterValue.int('accountId', v)),
      batchId: (v) => eq(fundEntries.batchId, filterValue.int('batchId', v)),
      kind: (v) => eq(fundEntries.kind, filterValue.oneOf('kind', v, FUND_ENTRY_KINDS)),
    },
    readScope: (actor) => {
      if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, fundEntries.regionCode);
      if (actor.role === 'resident') return sql`${fundEntries.householdId} IN ${residentHomeIds(actor.id)}`;
      return 'deny';
    },
  };
}

export function applicationsResource(emergencyDisclosureDays: number): ResourceDef {
  // A configured integer, inlined: list select fields are rendered once and carry no parameters.
  const days = sql.raw(String(Math.trunc(emergencyDisclosureDays)));
  const overdue = sql<boolean>`("fund_applications"."emergency" AND "fund_applications"."approved_at" IS NOT NULL AND "fund_applications"."disclosure_id" IS NULL
    AND "fund_applications"."approved_at" + make_interval(days => ${days}) < now())`;
  return {
    name: 'fund-applications',
    label: '维修资金使用申请',
    table: fundApplications,
    id: fundApplications.id,
    idKind: 'int',
    fields: {
      id: fundApplications.id,
      compoundId: fundApplications.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "fund_applications"."compound_id")`,
      regionCode: fundApplications.regionCode,
      accountId: fundApplications.accountId,
      title: fundApplications.title,
      description: fundApplications.description,
      items: fundApplications.items,
      budgetFen: fundApplications.budgetFen,
      contractor: fundApplications.contractor,
      scopeType: fundApplications.scopeType,
      scopeIds: fundApplications.scopeIds,
      emergency: fundApplications.emergency,
      emergencyKind: fundApplications.emergencyKind,
      status: fundApplications.status,
      voteId: fundApplications.voteId,
      reviewReason: fundApplications.reviewReason,
      supervision: fundApplications.supervision,
      acceptance: fundApplications.acceptance,
      actualCostFen: fundApplications.actualCostFen,
      disclosureId: fundApplications.disclosureId,
      disclosureDueAt: sql<string | null>`CASE WHEN "fund_applications"."emergency" AND "fund_applications"."approved_at" IS NOT NULL
        THEN "fund_applications"."approved_at" + make_interval(days => ${days}) END`,
      disclosureOverdue: overdue,
      approvedAt: fundApplications.approvedAt,
      disbursedAt: fundApplications.disbursedAt,
      createdAt: fundApplications.createdAt,
    },
    sortable: { id: fundApplications.id, createdAt: fundApplications.createdAt, status: fundApplications.status, budgetFen: fundApplications.budgetFen },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(fundApplications.title, `%${likeEscape(filterValue.string('q', v))}%`),
      compoundId: (v) => eq(fundApplications.compoundId, filterValue.int('compoundId', v)),
      status: (v) => eq(fundApplications.status, filterValue.oneOf('status', v, FUND_APPLICATION_STATUSES)),
      emergency: (v) => eq(fundApplications.emergency, filterValue.bool('emergency', v)),
      emergencyKind: (v) => eq(fundApplications.emergencyKind, filterValue.oneOf('emergencyKind', v, EMERGENCY_KINDS)),
      disclosureOverdue: (v) => (filterValue.bool('disclosureOverdue', v) ? overdue : sql`NOT ${overdue}`),
    },
    readScope: (actor) => {
      // Not party staff: an application's shares show every home's balance (DOMAIN.md §7).
      if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, fundApplications.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) {
        return sql`${fundApplications.compoundId} IN ${servedCompoundIds(actor.companyId)}`;
      }
      if (actor.role === 'resident') return sql`${fundApplications.compoundId} IN ${residentCompoundIds(actor.id)} AND ${fundApplications.status} <> 'draft'`;
      return 'deny';
    },
  };
}
