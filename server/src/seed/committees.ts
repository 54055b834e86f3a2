import { asc, eq, isNotNull, and } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { committeeMembers, committees, compounds, disclosures, households, owners } from '../db/schema';
import type { Random } from './random';

const ROLES = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member'] as const;

/**
 * Owners' organisations for the demo city: about two thirds of compounds have a committee in
 * office (elected, filed, with 5–9 members who are owners there), some are still at the
 * preparatory stage; BT0001 has a published public-income statement.
 */
export async function seedCommittees(tx: Tx, r: Random): Promise<void> {
  const all = await tx.select({ id: compounds.id, code: compounds.code, regionCode: compounds.regionCode }).from(compounds).orderBy(asc(compounds.id));
  for (const [i, c] of all.entries()) {
    const stage = c.code === 'BT0001' ? 'in_office' : i % 3 === 2 ? (i % 2 ? 'preparing' : 'none') : 'in_office';
    if (stage === 'none') continue;
    const kind = stage === 'preparing' ? 'preparatory' : i % 7 === 3 ? 'management_committee' : 'owners_committee';
    const year = r.int(2021, 2024);
    const elected = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const [committee] = await tx
      .insert(committees)
      .values({
        compoundId: c.id,
        regionCode: c.regionCode,
        kind,
        status: stage === 'preparing' ? 'preparing' : 'in_office',
        electedAt: stage === 'preparing' ? null : elected,
        termStart: stage === 'preparing' ? null : elected,
        termEnd: stage === 'preparing' ? null : `${year + 5}${elected.slice(4)}`,
        filedAt: stage === 'preparing' || i % 5 === 4 ? null : elected,
      })
      .returning({ id: committees.id });
    const size = stage === 'preparing' ? 5 : c.code === 'BT0001' ? 7 : r.pick([5, 7, 9]);
    const people = await tx
      .selectDistinct({ ownerId: owners.id, name: owners.name, phoneEnc: owners.phoneEnc, phoneMasked: owners.phoneMasked })
      .from(households)
      .innerJoin(owners, eq(owners.id, households.ownerId))
      .where(and(eq(households.compoundId, c.id), isNotNull(owners.phoneEnc)))
      .orderBy(asc(owners.id))
      .limit(size);
    if (!people.length) continue;
    await tx.insert(committeeMembers).values(
      people.map((p, k) => ({
        committeeId: committee.id,
        compoundId: c.id,
        regionCode: c.regionCode,
        ownerId: p.ownerId,
        name: p.name,
        phoneEnc: p.phoneEnc,
        phoneMasked: p.phoneMasked,
        role: ROLES[Math.min(k, ROLES.length - 1)],
        partyMember: r.chance(0.35),
        // Usually the director holds the cross-appointment (社区党组织成员兼任业委会主任), so not every committee has one.
        crossAppointment: crossFor(k, r.pick(['none', 'none', 'none', 'party_committee', 'residents_committee'] as const)),
        termStart: stage === 'preparing' ? null : elected,
        termEnd: stage === 'preparing' ? null : `${year + 5}${elected.slice(4)}`,
      })),
    );
    if (c.code === 'BT0001') {
      await tx.insert(disclosures).values({
        compoundId: c.id,
        regionCode: c.regionCode,
        committeeId: committee.id,
        kind: 'income_statement',
        title: '2024年第三季度公共收益收支公示',
        periodStart: '2024-07-01',
        periodEnd: '2024-09-30',
        statement: {
          openingFen: 1856000,
          incomeLines: [
            { label: '电梯广告收入', amountFen: 360000 },
            { label: '地面停车位收入', amountFen: 542000 },
          ],
          expenseLines: [
            { label: '小区绿化补植', amountFen: 128000 },
            { label: '业委会办公用品', amountFen: 23500 },
          ],
          closingFen: 2606500,
        },
        status: 'published',
        publishedAt: new Date('2024-10-08T02:00:00Z'),
      });
    }
  }
}

/** Only the director's draw counts: the share of committees with a cross-appointment stays realistic. */
const crossFor = <T extends string>(k: number, drawn: T): T | 'none' => (k === 0 ? drawn : 'none');
