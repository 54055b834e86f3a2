import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { quasiAssessments, quasiEnrolments, renovations, subsidyBatches } from '../db/schema';
import { fillSubsidyBatch } from '../renewal/subsidy';

/**
 * Issue 11 demo: quasi-managed compounds of 昆都仑区 enrolled with their company (one since 2024, one
 * since April 2025), 2025 assessed (one pass, one fail), 昆都仑区's 2025 subsidy batch drafted from them,
 * and a renovation project awaiting the owners' decision.
 */
export async function seedRenewalAreas(tx: Tx) {
  const quasi = (
    await tx.execute(sql`SELECT c.id, c.region_code AS "regionCode", p.company_id AS "companyId" FROM compounds c JOIN projects p ON p.compound_id = c.id
                          WHERE c.management_mode = 'quasi' AND c.region_code LIKE '150203%' ORDER BY c.id LIMIT 2`)
  ).rows as { id: number; regionCode: string; companyId: number }[];
  const items = (await tx.execute(sql`SELECT id, text FROM quasi_standard_items WHERE active ORDER BY sort_order, id`)).rows as { id: number; text: string }[];
  const [assessor] = (await tx.execute(sql`SELECT id FROM users WHERE username = 'd150203'`)).rows as { id: number }[];
  for (const [i, c] of quasi.entries()) {
    const [e] = await tx
      .insert(quasiEnrolments)
      .values({ compoundId: c.id, regionCode: c.regionCode, companyId: c.companyId, startDate: i === 0 ? '2024-01-01' : '2025-04-01', createdBy: assessor?.id })
      .returning({ id: quasiEnrolments.id });
    const pass = i === 0;
    await tx.insert(quasiAssessments).values({
      enrolmentId: e.id,
      compoundId: c.id,
      regionCode: c.regionCode,
      year: 2025,
      result: pass ? 'pass' : 'fail',
      items: items.map((it, n) => ({ itemId: it.id, text: it.text, met: pass || n > 0, evidence: [], note: pass || n > 0 ? null : '未达到' })),
      note: pass ? '三项均达标' : '第一项未达标',
      assessedBy: assessor?.id,
    });
  }
  if (quasi.length) {
    const [batch] = await tx.insert(subsidyBatches).values({ regionCode: '150203', year: 2025, createdBy: assessor?.id }).returning({ id: subsidyBatches.id });
    await fillSubsidyBatch(tx, batch.id, '150203', 2025);
  }
  const [old] = (
    await tx.execute(sql`SELECT id, region_code AS "regionCode" FROM compounds WHERE type = 'old' AND region_code LIKE '150203001%' ORDER BY id LIMIT 1`)
  ).rows as { id: number; regionCode: string }[];
  if (old) {
    await tx.insert(renovations).values({
      compoundId: old.id,
      regionCode: old.regionCode,
      title: '2026年老旧小区综合改造',
      items: [
        { name: '雨污分流管网改造', budgetFen: 180000000 },
        { name: '加装围墙和门岗', budgetFen: 42000000 },
        { name: '道路和照明', budgetFen: 65000000 },
      ],
      budgetFen: 287000000,
      plannedStart: '2026-04-01',
      plannedEnd: '2026-10-31',
      serviceStandard: '改造后引入准物业管理，达到“三个有”标准',
      feeFenPerSqmMonth: 35,
    });
  }
}
