import { and, eq, sql } from 'drizzle-orm';
import type { PartyAppointeeFacts } from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { companies, compounds, partyMembers, partyOrgs } from '../db/schema';
import { badRequest } from '../http/errors';

/** Loads a referenced row or answers 400 naming the field (a missing reference is bad input, not a conflict). */
export async function mustExist<T extends 'company' | 'compound' | 'org' | 'member'>(tx: DbOrTx, what: T, id: number, field: string) {
  const table = { company: companies, compound: compounds, org: partyOrgs, member: partyMembers }[what];
  const label = { company: '物业企业', compound: '小区', org: '党组织', member: '党员' }[what];
  const [row] = await tx
    .select({ id: table.id, regionCode: table.regionCode })
    .from(table as typeof companies)
    .where(eq(table.id, id));
  if (!row) throw badRequest('VALIDATION_FAILED', `${label}不存在`, { [field]: `${label}不存在` });
  return row;
}

/** Communities (12 digits) where a company serves a compound. */
export async function companyCommunities(tx: DbOrTx, companyId: number | null): Promise<string[]> {
  if (!companyId) return [];
  const rows = await tx.execute(sql`SELECT DISTINCT region_code FROM projects WHERE company_id = ${companyId}`);
  return (rows.rows as { region_code: string }[]).map((r) => r.region_code);
}

/** What the eligibility rule of 交叉任职 needs to know of a member. */
export async function appointeeFacts(tx: DbOrTx, memberId: number): Promise<(PartyAppointeeFacts & { compoundId: number | null }) | undefined> {
  const [m] = await tx
    .select({
      role: partyMembers.role,
      regionCode: partyMembers.regionCode,
      compoundId: partyMembers.compoundId,
      employerCompanyId: partyMembers.employerCompanyId,
      compoundCommunity: compounds.regionCode,
    })
    .from(partyMembers)
    .leftJoin(compounds, eq(compounds.id, partyMembers.compoundId))
    .where(and(eq(partyMembers.id, memberId)));
  if (!m) return undefined;
  return {
    role: m.role,
    regionCode: m.regionCode,
    compoundId: m.compoundId,
    compoundCommunity: m.compoundCommunity,
    employerCommunities: await companyCommunities(tx, m.employerCompanyId),
  };
}
