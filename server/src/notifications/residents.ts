import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { clipWechatValue as clip, FUND_ENTRY_KIND_LABELS, type FundEntryKind } from '@baotou/shared';
import type { Tx } from '../db/client';
import { householdClaims, households, users, votes } from '../db/schema';
import { scopeCondition } from '../votes/tally';
import { notify } from './outbox';
import { claimGrants, verifiedClaims } from '../places/residentHomes';

type Vote = typeof votes.$inferSelect;

const pad = (n: number) => String(n).padStart(2, '0');
/** 'YYYY-MM-DD HH:mm' in Beijing time, as WeChat's time fields read. */
export function beijingMinute(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/**
 * Residents (verified, with WeChat) of the homes a vote covers hear when it opens and when it
 * closes, written in the open's or close's transaction. The template is the `vote` setting.
 */
export async function notifyVoteResidents(
  tx: Tx,
  vote: Pick<Vote, 'id' | 'compoundId' | 'scopeType' | 'scopeIds' | 'title' | 'closesAt'>,
  event: 'opened' | 'closed',
  approved?: boolean,
): Promise<void> {
  const rows = await tx
    .selectDistinct({ userId: householdClaims.userId })
    .from(householdClaims)
    .innerJoin(households, eq(households.id, householdClaims.householdId))
    .innerJoin(users, eq(users.id, householdClaims.userId))
    .where(and(claimGrants, isNotNull(users.openid), scopeCondition(vote)));
  const state = event === 'opened' ? '表决开始' : approved ? '表决通过' : '表决未通过';
  const note = event === 'opened' ? `请于${beijingMinute(vote.closesAt)}前投票` : '表决已截止，可查看结果';
  await notify(
    tx,
    rows.map((r) => ({
      userId: r.userId,
      channel: 'wechat' as const,
      kind: event === 'opened' ? ('vote_opened' as const) : ('vote_closed' as const),
      eventKey: `vote:${vote.id}:${event}`,
      title: `${state}：${vote.title}`,
      body: note,
      link: `packages/votes/detail/index?id=${vote.id}`,
      entity: 'votes',
      entityId: vote.id,
      payload: {
        topic: 'vote',
        page: `packages/votes/detail/index?id=${vote.id}`,
        data: {
          thing1: { value: clip(vote.title, 20) },
          phrase2: { value: clip(state.replace('表决', ''), 5) },
          time3: { value: beijingMinute(vote.closesAt) },
          thing4: { value: clip(note, 20) },
        },
      },
    })),
  );
}

/** Postings a home's resident is told of: money in or out of their home's ledger (not the small yearly earnings). */
const TOLD: readonly FundEntryKind[] = ['first_deposit', 'top_up', 'self_deposit', 'usage', 'refund', 'reversal'];

/**
 * Residents (verified, with WeChat) of each home a fund batch posts to hear of the charge or
 * deposit (amount in 元, Beijing time), in the posting's transaction: one statement per batch,
 * whatever its size. The template is the `fund` setting.
 */
export async function notifyFundBatch(tx: Tx, batchId: number, kind: FundEntryKind): Promise<void> {
  if (!TOLD.includes(kind)) return;
  const label = FUND_ENTRY_KIND_LABELS[kind];
  const yuan = sql`(CASE WHEN e.amount_fen < 0 THEN '-' ELSE '' END) || (abs(e.amount_fen) / 100)::text || '.' || lpad((abs(e.amount_fen) % 100)::text, 2, '0') || '元'`;
  const when = sql`to_char(e.posted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;
  await tx.execute(sql`
    INSERT INTO notifications (user_id, channel, kind, event_key, title, body, link, entity, entity_id, payload, status)
    SELECT DISTINCT ON (hc.user_id, e.id) hc.user_id, 'wechat', 'fund_charge', 'fund-entry:' || e.id, ${'维修资金' + label}, ${label} || ' ' || ${yuan},
           'packages/fund/index/index', 'fund-entries', e.id::text,
           jsonb_build_object('topic', 'fund', 'page', 'packages/fund/index/index', 'data', jsonb_build_object(
             'thing1', jsonb_build_object('value', ${clip('维修资金' + label, 20)}::text),
             'amount2', jsonb_build_object('value', ${yuan}),
             'time3', jsonb_build_object('value', ${when}))),
           'pending'
      FROM fund_entries e
      JOIN ${verifiedClaims} hc ON hc.household_id = e.household_id
      JOIN users u ON u.id = hc.user_id AND u.openid IS NOT NULL
     WHERE e.batch_id = ${batchId}
    ON CONFLICT DO NOTHING`);
}
