import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_FUND_LIMITS } from '@baotou/config';
import {
  apportionFen,
  fenToYuan,
  fundApplicationSchema,
  nextFundStatus,
  parseAreaCenti,
  type FundAction,
  type FundApplicationStatus,
  type FundLimits,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, DbOrTx, Tx } from '../db/client';
import { buildings, committees, compounds, disclosures, fundAccounts, fundApplications, fundLedgers, households, units, votes } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { companyServes, regionAllows } from '../jurisdiction/scope';
import { memberCommittee } from '../committees/membership';
import { countEligible, scopeCondition } from '../votes/tally';
import { ledgerFor } from './ledgerService';
import { assertAmount, postBatch } from './posting';
import { assertOwnUploads, canonicalUploadUrl } from '../uploads';
import { notifyFundReview } from '../notifications/staff';

type Application = typeof fundApplications.$inferSelect;
type Input = z.infer<typeof fundApplicationSchema>;
const REVIEWERS = ['city_admin', 'district_staff'];
const VOTE_DAYS = 14;

/** The proposer side: the property company serving the compound today, or a member of its committee. */
async function assertProposer(tx: DbOrTx, actor: Actor, compoundId: number) {
  if (actor.role === 'company_staff' && actor.companyId) {
    if (await companyServes(tx, actor.companyId, compoundId)) return;
  }
  if (actor.role === 'resident' && (await memberCommittee(tx, actor.id, compoundId))) return;
  throw forbidden('NOT_PROPOSER', '仅为本小区服务的物业企业或本小区业主委员会可以申请使用维修资金');
}

type FundDocument = { name: string; url: string };

/**
 * Supervision and acceptance documents are files the reviewer uploaded (uploads/), or an
 * outside https link; someone else's upload is refused (400 BAD_UPLOAD on its field). Stored with
 * the canonical upload URL, which is what uploads/access.ts grants readers of the application.
 */
async function ownDocuments(tx: Tx, actor: Actor, documents: FundDocument[]): Promise<FundDocument[]> {
  await assertOwnUploads(
    tx,
    actor,
    documents.map((d, i) => ({ url: d.url, field: `documents.${i}.url` })),
    { message: '文件无效：只能使用本人上传的文件', allowLinks: true },
  );
  return documents.map((d) => ({ name: d.name, url: canonicalUploadUrl(d.url) }));
}

function assertReviewer(actor: Actor, app: Application) {
  if (!REVIEWERS.includes(actor.role) || !regionAllows(actor, app.regionCode)) throw forbidden('ROLE_FORBIDDEN', '由区住建局审核、监督和划拨');
}

function transition(app: Application, action: FundAction): FundApplicationStatus {
  const to = nextFundStatus(app.emergency, app.status, action);
  if (!to) throw conflict('BAD_STATE', `申请当前状态（${app.status}）不能执行此操作`);
  return to;
}

async function lockApplication(tx: Tx, id: number): Promise<Application> {
  const [app] = await tx.select().from(fundApplications).where(eq(fundApplications.id, id)).for('update');
  if (!app) throw notFound('维修资金使用申请');
  return app;
}

/** Each home's share of a cost by exclusive area, the developer paying for unsold homes (DOMAIN.md §3). */
export async function computeShares(db: DbOrTx, app: Application, costFen: number) {
  const homes = await db
    .select({
      householdId: households.id,
      room: households.room,
      building: buildings.name,
      unit: units.name,
      area: households.area,
      developerUnsold: households.developerUnsold,
      ledgerId: fundLedgers.id,
      balanceFen: fundLedgers.balanceFen,
    })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .innerJoin(units, eq(units.id, households.unitId))
    .leftJoin(fundLedgers, eq(fundLedgers.householdId, households.id))
    .where(scopeCondition(app))
    .orderBy(asc(households.id));
  if (!homes.length) throw conflict('EMPTY_SCOPE', '分摊范围内没有房屋');
  const split = apportionFen(
    costFen,
    homes.map((h) => ({ id: h.householdId, weight: parseAreaCenti(h.area)! })),
  );
  const shares = homes.map((h, i) => {
    const balance = h.balanceFen ?? 0;
    return {
      householdId: h.householdId,
      ledgerId: h.ledgerId,
      address: `${h.building}${h.unit}${h.room}`,
      room: h.room,
      areaCenti: parseAreaCenti(h.area)!,
      fen: split[i].fen,
      balanceFen: balance,
      shortfallFen: Math.max(0, split[i].fen - balance),
      payer: h.developerUnsold ? ('developer' as const) : ('owner' as const),
    };
  });
  return { totalFen: costFen, shares, shortfallFen: shares.reduce((s, x) => s + x.shortfallFen, 0) };
}

const costOf = (app: Application) => app.actualCostFen ?? (app.supervision as { auditedCostFen?: number } | null)?.auditedCostFen ?? app.budgetFen;

/** `limits`: FUND_MAX_POSTING_FEN bounds every budget and cost as it bounds the posting that pays it (issue 9 §2). */
export function applicationService(db: Db, limits: FundLimits = DEFAULT_FUND_LIMITS, now: () => Date = () => new Date()) {
  async function move(tx: Tx, actor: Actor, app: Application, action: FundAction, set: Partial<typeof fundApplications.$inferInsert> = {}) {
    const status = transition(app, action);
    const [after] = await tx
      .update(fundApplications)
      .set({ ...set, status, updatedAt: now() })
      .where(eq(fundApplications.id, app.id))
      .returning();
    await writeAudit(tx, actor, {
      action,
      entity: 'fund-applications',
      entityId: app.id,
      before: { status: app.status },
      after: { status, ...set },
      regionCode: app.regionCode,
    });
    await notifyFundReview(tx, after);
    return after;
  }

  return {
    async create(actor: Actor, input: Input) {
      input.items.forEach((item, i) => assertAmount(limits, item.budgetFen, `items.${i}.budgetFen`));
      const budgetFen = input.items.reduce((s, i) => s + i.budgetFen, 0);
      assertAmount(limits, budgetFen, 'items');
      return db.transaction(async (tx) => {
        const [c] = await tx
          .select({ regionCode: compounds.regionCode, accountId: fundAccounts.id })
          .from(compounds)
          .leftJoin(fundAccounts, eq(fundAccounts.compoundId, compounds.id))
          .where(eq(compounds.id, input.compoundId));
        if (!c) throw badRequest('VALIDATION_FAILED', '小区不存在', { compoundId: '小区不存在' });
        if (!c.accountId) throw conflict('NO_FUND_ACCOUNT', '该小区尚未开设维修资金专户');
        await assertProposer(tx, actor, input.compoundId);
        if (input.scopeType !== 'compound') {
          const table = input.scopeType === 'buildings' ? buildings : units;
          const found = await tx.select({ id: table.id, compoundId: table.compoundId }).from(table).where(eq(table.compoundId, input.compoundId));
          const ids = new Set(found.map((f) => f.id));
          if (!input.scopeIds.every((id) => ids.has(id)))
            throw badRequest('VALIDATION_FAILED', '分摊范围包含不属于本小区的楼栋或单元', { scopeIds: '范围无效' });
        }
        const [app] = await tx
          .insert(fundApplications)
          .values({
            ...input,
            scopeIds: input.scopeType === 'compound' ? [] : [...new Set(input.scopeIds)],
            emergencyKind: input.emergencyKind ?? null,
            description: input.description ?? null,
            budgetFen,
            accountId: c.accountId,
            regionCode: c.regionCode,
            proposedBy: actor.id,
          })
          .returning();
        await writeAudit(tx, actor, { action: 'create', entity: 'fund-applications', entityId: app.id, after: app, regionCode: c.regionCode });
        return app.id;
      });
    },

    /**
     * Draft → the owners in scope vote (an ordinary fund_use matter, DOMAIN.md §1, created from the
     * application); after a passed vote → district review. Emergencies go straight to review.
     */
    async submit(actor: Actor, id: number) {
      const failed = await db.transaction(async (tx) => {
        const app = await lockApplication(tx, id);
        await assertProposer(tx, actor, app.compoundId);
        if (app.status === 'draft' && !app.emergency) {
          const [committee] = await tx
            .select({ id: committees.id })
            .from(committees)
            .where(and(eq(committees.compoundId, app.compoundId), eq(committees.status, 'in_office')))
            .limit(1);
          const [compound] = await tx.select({ followMajority: compounds.followMajority }).from(compounds).where(eq(compounds.id, app.compoundId));
          const draftVote = { compoundId: app.compoundId, scopeType: app.scopeType, scopeIds: app.scopeIds };
          const [vote] = await tx
            .insert(votes)
            .values({
              ...draftVote,
              regionCode: app.regionCode,
              committeeId: committee?.id ?? null,
              title: `维修资金使用：${app.title}`.slice(0, 100),
              description: `${app.items.map((i) => `${i.name} ${fenToYuan(i.budgetFen)}元`).join('；')}。施工单位：${app.contractor}。预算合计 ${fenToYuan(app.budgetFen)} 元，按专有部分面积分摊。`,
              matter: 'fund_use',
              status: 'open',
              opensAt: now(),
              closesAt: new Date(now().getTime() + VOTE_DAYS * 86400000),
              followMajority: compound.followMajority,
              eligibleCount: await countEligible(tx, draftVote as never),
              createdBy: actor.id,
            })
            .returning({ id: votes.id });
          await move(tx, actor, app, 'submit', { voteId: vote.id });
          return false;
        }
        if (app.status === 'voting') {
          const [vote] = await tx.select().from(votes).where(eq(votes.id, app.voteId!));
          if (vote.status !== 'closed') throw conflict('VOTE_NOT_CLOSED', '业主表决尚未截止');
          if ((vote.result as { approved?: boolean } | null)?.approved) {
            await move(tx, actor, app, 'vote_passed');
            return false;
          }
          await move(tx, actor, app, 'vote_failed');
          return true;
        }
        await move(tx, actor, app, 'submit');
        return false;
      });
      if (failed) throw conflict('VOTE_FAILED', '业主表决未通过，申请已终止');
      return id;
    },

    shares: async (actor: Actor, id: number) => {
      const [app] = await db.select().from(fundApplications).where(eq(fundApplications.id, id));
      if (!app) throw notFound('维修资金使用申请');
      return computeShares(db, app, costOf(app));
    },

    async review(actor: Actor, id: number, input: { decision: 'approve' | 'return'; reason?: string | null }) {
      return db.transaction(async (tx) => {
        const app = await lockApplication(tx, id);
        assertReviewer(actor, app);
        if (input.decision === 'return') return move(tx, actor, app, 'return', { reviewReason: input.reason ?? null });
        transition(app, 'approve');
        const { shortfallFen, shares } = await computeShares(tx, app, costOf(app));
        if (shortfallFen > 0) {
          const short = shares.filter((s) => s.shortfallFen > 0);
          throw conflict(
            'SHORTFALL',
            `${short.length} 户余额不足，合计差 ${fenToYuan(shortfallFen)} 元（如 ${short
              .slice(0, 3)
              .map((s) => s.address)
              .join('、')}），须先续交`,
          );
        }
        return move(tx, actor, app, 'approve', { reviewReason: input.reason ?? null, approvedAt: now() });
      });
    },

    async supervise(actor: Actor, id: number, input: { supervisor: string; report: string; auditedCostFen: number; documents: FundDocument[] }) {
      assertAmount(limits, input.auditedCostFen, 'auditedCostFen');
      return db.transaction(async (tx) => {
        const app = await lockApplication(tx, id);
        assertReviewer(actor, app);
        const documents = await ownDocuments(tx, actor, input.documents);
        return move(tx, actor, app, 'supervise', { supervision: { ...input, documents, recordedAt: now().toISOString() } });
      });
    },

    async accept(actor: Actor, id: number, input: { actualCostFen: number; documents: FundDocument[]; note?: string | null }) {
      assertAmount(limits, input.actualCostFen, 'actualCostFen');
      return db.transaction(async (tx) => {
        const app = await lockApplication(tx, id);
        assertReviewer(actor, app);
        const documents = await ownDocuments(tx, actor, input.documents);
        return move(tx, actor, app, 'accept', { actualCostFen: input.actualCostFen, acceptance: { ...input, documents, acceptedAt: now().toISOString() } });
      });
    },

    /**
     * Pays: the actual cost apportioned by area over the homes in scope, posted as one batch, and
     * published to the compound with every home's share. The application row is locked first, so a
     * second disbursement waits and then finds it disbursed.
     */
    async disburse(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const app = await lockApplication(tx, id);
        assertReviewer(actor, app);
        if (app.status === 'disbursed') throw conflict('ALREADY_DISBURSED', '该申请已划拨，不能重复划拨');
        transition(app, 'disburse');
        const { shares, totalFen } = await computeShares(tx, app, app.actualCostFen!);
        for (const s of shares) if (!s.ledgerId) s.ledgerId = (await ledgerFor(tx, s.householdId)).id;
        const posted = await postBatch(tx, actor, {
          accountId: app.accountId,
          kind: 'usage',
          limits,
          reference: `application:${app.id}`,
          lines: shares.map((s) => ({ ledgerId: s.ledgerId!, amountFen: -s.fen, payer: s.payer, memo: app.title })),
        });
        const [committee] = await tx
          .select({ id: committees.id })
          .from(committees)
          .where(and(eq(committees.compoundId, app.compoundId), eq(committees.status, 'in_office')))
          .limit(1);
        const body = [
          `维修项目：${app.title}${app.emergency ? '（应急维修）' : ''}`,
          `施工单位：${app.contractor}`,
          `维修内容：${app.items.map((i) => `${i.name}（预算 ${fenToYuan(i.budgetFen)} 元）`).join('；')}`,
          `实际费用：${fenToYuan(totalFen)} 元，按专有部分面积分摊，开发商未售房屋由开发商承担。`,
          '各户分摊：',
          ...shares.map((s) => `${s.address}：${fenToYuan(s.fen)} 元${s.payer === 'developer' ? '（开发商承担）' : ''}`),
        ].join('\n');
        const [disclosure] = await tx
          .insert(disclosures)
          .values({
            compoundId: app.compoundId,
            regionCode: app.regionCode,
            committeeId: committee?.id ?? null,
            kind: 'fund_usage',
            title: `维修资金使用公示：${app.title}`.slice(0, 100),
            body,
            status: 'published',
            publishedAt: now(),
            publishedBy: actor.id,
            createdBy: actor.id,
          })
          .returning({ id: disclosures.id });
        await move(tx, actor, app, 'disburse', { disbursedAt: now(), disclosureId: disclosure.id });
        return { batchId: posted.batchId, totalFen: posted.totalFen, households: shares.length, disclosureId: disclosure.id };
      });
    },
  };
}
