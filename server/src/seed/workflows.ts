import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { firstDepositFen, firstDepositRateFen, parseAreaCenti } from '@baotou/shared';
import { ballots, buildings, committees, compounds, fundAccounts, fundApplications, fundLedgers, households, users, votes } from '../db/schema';
import { postBatch } from '../fund/posting';
import { DEMO_FIRST_DEPOSIT_RATES } from './fund';
import { computeResult, countEligible } from '../votes/tally';
import { applicationService } from '../fund/applicationService';
import type { Actor } from '../auth/actor';
import { createRandom } from './random';

const DAY = 86_400_000;
const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Every state a user meets on a screen, in 阳光/BT0001 (沼潭社区, where the demo community, street and
 * district accounts look first; issue 16 §4): an open owners' vote with ballots, one closed that passed
 * and one that failed, and a maintenance-fund application at each step of its workflow (the disbursed
 * one paid through the real disbursement, so its entries and fund-usage notice exist). Its own random
 * stream, so the rest of the city does not change with it.
 */
export async function seedWorkflows(tx: Tx, now = new Date()): Promise<void> {
  const r = createRandom(16);
  const [c] = await tx.select({ id: compounds.id, regionCode: compounds.regionCode }).from(compounds).where(eq(compounds.code, 'BT0001'));
  const [committee] = await tx
    .select({ id: committees.id })
    .from(committees)
    .where(and(eq(committees.compoundId, c.id), eq(committees.status, 'in_office')))
    .limit(1);
  const homes = await tx.select({ id: households.id }).from(households).where(eq(households.compoundId, c.id)).orderBy(asc(households.id));
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const receipt = () => Array.from({ length: 10 }, () => r.pick(Array.from(RECEIPT_ALPHABET))).join('');

  /** A vote over the whole compound with ballots from the first `share` of the homes, every `against`-th one disagreeing. */
  async function vote(v: { title: string; opensIn: number; closesIn: number; share: number; against: number }) {
    const [row] = await tx
      .insert(votes)
      .values({
        compoundId: c.id,
        regionCode: c.regionCode,
        committeeId: committee?.id ?? null,
        title: v.title,
        matter: 'fund_use',
        status: 'open',
        opensAt: at(v.opensIn),
        closesAt: at(v.closesIn),
      })
      .returning();
    const voters = homes.slice(0, Math.floor(homes.length * v.share));
    if (voters.length) {
      await tx.insert(ballots).values(
        voters.map((h, i) => ({
          voteId: row.id,
          householdId: h.id,
          choice: (i + 1) % v.against === 0 ? ('disagree' as const) : ('agree' as const),
          channel: 'paper' as const,
          receipt: receipt(),
          createdAt: at(v.opensIn + 1),
        })),
      );
    }
    await tx
      .update(votes)
      .set({ eligibleCount: await countEligible(tx, row), ballotsCast: voters.length })
      .where(eq(votes.id, row.id));
    return row.id;
  }
  const openVote = await vote({ title: '关于使用维修资金更换3号楼电梯的表决', opensIn: -3, closesIn: 11, share: 0.4, against: 4 });
  const passedVote = await vote({ title: '关于使用维修资金维修1号楼屋面防水的表决', opensIn: -40, closesIn: -26, share: 0.85, against: 10 });
  const failedVote = await vote({ title: '关于使用维修资金改造小区路灯的表决', opensIn: -70, closesIn: -56, share: 0.5, against: 3 });
  // Closed after their ballots are in, with the tally frozen as the close action freezes it.
  for (const id of [passedVote, failedVote]) {
    const [row] = await tx.select().from(votes).where(eq(votes.id, id));
    const result = await computeResult(tx, { ...row, status: 'closed' });
    await tx.update(votes).set({ status: 'closed', closedAt: row.closesAt, result }).where(eq(votes.id, id));
  }

  const [account] = await tx.select({ id: fundAccounts.id }).from(fundAccounts).where(eq(fundAccounts.compoundId, c.id));
  const [district] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.username, `d${c.regionCode.slice(0, 6)}`));
  // The unit with the fewest homes still owing their first deposit: they pay it (as the demo's late
  // payers), so every home there can bear its share and the disbursement posts.
  const [unit] = (
    await tx.execute(sql`SELECT h.unit_id AS id FROM households h JOIN fund_ledgers l ON l.household_id = h.id
                          WHERE h.compound_id = ${c.id} GROUP BY h.unit_id ORDER BY count(*) FILTER (WHERE l.first_deposit_fen = 0), h.unit_id LIMIT 1`)
  ).rows as { id: number }[];
  const owing = await tx
    .select({ ledgerId: fundLedgers.id, area: households.area, floors: buildings.floors })
    .from(fundLedgers)
    .innerJoin(households, eq(households.id, fundLedgers.householdId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .where(and(eq(households.unitId, Number(unit.id)), eq(fundLedgers.firstDepositFen, 0)));
  if (owing.length) {
    const lines = owing.map((h) => ({
      ledgerId: h.ledgerId,
      amountFen: firstDepositFen(parseAreaCenti(h.area)!, firstDepositRateFen(h.floors, DEMO_FIRST_DEPOSIT_RATES)),
      memo: '首次交存（补交）',
    }));
    await postBatch(tx, null, { accountId: account.id, kind: 'first_deposit', lines, reference: 'seed' });
    for (const l of lines) await tx.update(fundLedgers).set({ firstDepositFen: l.amountFen }).where(eq(fundLedgers.id, l.ledgerId));
  }
  const base = { compoundId: c.id, accountId: account.id, regionCode: c.regionCode, contractor: '包头市安泰建筑工程有限公司', scopeType: 'compound' as const };
  const item = (name: string, budgetFen: number) => ({ items: [{ name, budgetFen }], budgetFen });
  const supervision = (auditedCostFen: number) => ({
    supervisor: '包头市建设监理有限公司',
    report: '施工按方案进行，材料进场已验收。',
    auditedCostFen,
    documents: [],
    recordedAt: at(-5).toISOString(),
  });
  const acceptance = (actualCostFen: number) => ({ actualCostFen, documents: [], note: '业委会、物业和监理共同验收合格。', acceptedAt: at(-2).toISOString() });
  await tx.insert(fundApplications).values([
    { ...base, ...item('单元门禁更换', 1200000), title: '2号楼单元门禁更换', status: 'draft' },
    { ...base, ...item('电梯整机更换', 56000000), title: '3号楼电梯更换', status: 'voting', voteId: openVote },
    { ...base, ...item('屋面防水层翻新', 8600000), title: '1号楼屋面防水维修', status: 'under_review', voteId: passedVote },
    { ...base, ...item('路灯线路及灯具更换', 2400000), title: '小区路灯改造', status: 'rejected', voteId: failedVote },
    {
      ...base,
      ...item('外墙空鼓修补', 3100000),
      title: '4号楼外墙修补',
      status: 'returned',
      emergency: true,
      emergencyKind: 'facade_risk',
      reviewReason: '请补充外墙检测报告和施工方案。',
    },
    {
      ...base,
      ...item('二次供水水泵更换', 1800000),
      title: '二次供水水泵抢修',
      status: 'approved',
      emergency: true,
      emergencyKind: 'pump_failure',
      approvedAt: at(-2),
    },
    {
      ...base,
      ...item('消防管道更换', 2600000),
      title: '地下车库消防管道抢修',
      status: 'supervised',
      emergency: true,
      emergencyKind: 'fire_system_failure',
      approvedAt: at(-9),
      supervision: supervision(2550000),
    },
    {
      ...base,
      ...item('雨水管疏通更换', 900000),
      title: '雨水管道抢修',
      status: 'accepted',
      emergency: true,
      emergencyKind: 'drainage_failure',
      approvedAt: at(-6),
      supervision: supervision(880000),
      acceptance: acceptance(860000),
      actualCostFen: 860000,
    },
  ]);
  if (district) {
    // Paid through the real disbursement: shares by area, the usage batch and the fund-usage notice.
    const [paid] = await tx
      .insert(fundApplications)
      .values({
        ...base,
        ...item('屋面漏雨点修补', 480000),
        scopeType: 'units',
        scopeIds: [Number(unit.id)],
        title: '单元屋面漏雨抢修',
        status: 'accepted',
        emergency: true,
        emergencyKind: 'roof_leak',
        approvedAt: at(-20),
        acceptance: acceptance(450000),
        actualCostFen: 450000,
      })
      .returning({ id: fundApplications.id });
    const actor: Actor = { id: district.id, name: district.name, role: 'district_staff', regionCode: c.regionCode.slice(0, 6) };
    await applicationService(tx as unknown as Db).disburse(actor, paid.id);
  }
}
