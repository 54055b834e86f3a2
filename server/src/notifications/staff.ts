import type { Tx } from '../db/client';
import { notify, staffAt } from './outbox';

/**
 * What reaches a staff queue besides tickets (issue 16 §4), written in the event's transaction as
 * console notifications: a home-binding claim waiting for review reaches the community's staff;
 * a maintenance-fund application reaching review reaches its district's staff.
 */
export async function notifyClaimReview(tx: Tx, claim: { id: number; regionCode: string; name: string; status: string }, at: Date): Promise<void> {
  if (claim.status !== 'pending') return;
  const staff = await staffAt(tx, ['community_staff'], claim.regionCode);
  await notify(
    tx,
    staff.map((userId) => ({
      userId,
      channel: 'console' as const,
      kind: 'claim_review' as const,
      eventKey: `claim:${claim.id}:${at.getTime()}`,
      title: '房屋认证待审核',
      body: `${Array.from(claim.name)[0] ?? ''}*提交了房屋绑定申请，信息与登记不一致，请核实`,
      link: `/household-claims/${claim.id}/show`,
      entity: 'household-claims',
      entityId: claim.id,
    })),
  );
}

export async function notifyFundReview(tx: Tx, app: { id: number; regionCode: string; title: string; status: string }): Promise<void> {
  if (app.status !== 'under_review') return;
  const staff = await staffAt(tx, ['district_staff'], app.regionCode.slice(0, 6));
  await notify(
    tx,
    staff.map((userId) => ({
      userId,
      channel: 'console' as const,
      kind: 'fund_application_review' as const,
      eventKey: `fund-application:${app.id}:under_review`,
      title: '维修资金申请待审核',
      body: app.title,
      link: `/fund-applications/${app.id}/show`,
      entity: 'fund-applications',
      entityId: app.id,
    })),
  );
}
