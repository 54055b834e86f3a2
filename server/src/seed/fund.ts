import { asc, eq, sql } from 'drizzle-orm';
import { apportionFen, firstDepositFen, parseAreaCenti } from '@baotou/shared';
import type { Tx } from '../db/client';
import { buildings, compounds, fundAccounts, fundLedgers, households } from '../db/schema';
import { postBatch } from '../fund/posting';
import type { Random } from './random';

const BANKS = ['中国建设银行包头分行', '中国工商银行包头分行', '包商银行', '中国银行包头分行'];

/**
 * Maintenance-fund accounts for the demo city: an account per compound, a ledger per home, first
 * deposits for most homes (some still owing), a large repair in every fifth compound that leaves
 * some homes below 30% (top-up due), and a year's earnings.
 */
/** The config defaults (FUND_FIRST_DEPOSIT_*_FEN) the demo city was deposited at. */
export const DEMO_FIRST_DEPOSIT_RATES = { multiStorey: 5000, highRise: 8000 };

export async function seedFund(tx: Tx, r: Random, perM2Fen = DEMO_FIRST_DEPOSIT_RATES): Promise<void> {
  const all = await tx.select({ id: compounds.id, regionCode: compounds.regionCode }).from(compounds).orderBy(asc(compounds.id));
  for (const [i, c] of all.entries()) {
    const [account] = await tx
      .insert(fundAccounts)
      .values({
        compoundId: c.id,
        regionCode: c.regionCode,
        bankName: BANKS[i % BANKS.length],
        accountNo: `6217${String(150200000000 + c.id * 7919).padStart(15, '0')}`,
      })
      .returning({ id: fundAccounts.id });
    await tx.execute(sql`INSERT INTO fund_ledgers (account_id, household_id, compound_id, region_code)
                         SELECT ${account.id}, h.id, h.compound_id, h.region_code FROM households h WHERE h.compound_id = ${c.id}`);
    const homes = await tx
      .select({ ledgerId: fundLedgers.id, area: households.area, floors: buildings.floors, buildingName: buildings.name })
      .from(fundLedgers)
      .innerJoin(households, eq(households.id, fundLedgers.householdId))
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .where(eq(fundLedgers.accountId, account.id))
      .orderBy(asc(fundLedgers.id));
    const paying = homes.filter(() => r.chance(0.92));
    if (!paying.length) continue;
    const lines = paying.map((h) => ({
      ledgerId: h.ledgerId,
      amountFen: firstDepositFen(parseAreaCenti(h.area)!, (h.floors ?? 0) > 6 ? perM2Fen.highRise : perM2Fen.multiStorey),
      memo: '首次交存',
    }));
    await postBatch(tx, null, { accountId: account.id, kind: 'first_deposit', lines, reference: 'seed' });
    await tx.execute(sql`UPDATE fund_ledgers SET first_deposit_fen = deposited_fen WHERE account_id = ${account.id}`);
    if (i % 5 === 2) {
      const building = paying.filter((h) => h.buildingName === '1号楼');
      const used = building.map((h, k) => ({
        ledgerId: h.ledgerId,
        amountFen: -Math.floor((lines[paying.indexOf(h)].amountFen * (k % 2 ? 75 : 60)) / 100),
        payer: 'owner' as const,
        memo: '1号楼屋面防水维修',
      }));
      if (used.length) await postBatch(tx, null, { accountId: account.id, kind: 'usage', lines: used, reference: 'seed-repair' });
    }
    const balance = lines.reduce((s, l) => s + l.amountFen, 0);
    const earnings = Math.floor(balance * 0.015);
    if (earnings > 0) {
      const rows = (await tx.execute(sql`SELECT id, balance_fen FROM fund_ledgers WHERE account_id = ${account.id} AND balance_fen > 0 ORDER BY id`)).rows as {
        id: number;
        balance_fen: string;
      }[];
      const shares = apportionFen(
        earnings,
        rows.map((x) => ({ id: Number(x.id), weight: BigInt(x.balance_fen) })),
      );
      await postBatch(tx, null, {
        accountId: account.id,
        kind: 'earnings',
        lines: shares.map((s) => ({ ledgerId: s.id, amountFen: s.fen, memo: '年度增值收益' })),
        reference: 'seed-earnings',
      });
    }
  }
}
