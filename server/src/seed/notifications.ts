import { sql } from 'drizzle-orm';
import { TICKET_LEVEL_LABELS } from '@baotou/shared';
import type { Tx } from '../db/client';

/**
 * The demo's notifications (issue 16 §4): every open ticket has reached the queue of the staff at
 * its level, as a live step would have told them, so the console's bell and 我的通知 show data on
 * first sign-in. One statement; run after the tickets are seeded.
 */
export async function seedNotifications(tx: Tx): Promise<void> {
  const label = sql.raw(
    `CASE t.level ${Object.entries(TICKET_LEVEL_LABELS)
      .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
      .join(' ')} END`,
  );
  await tx.execute(sql`
    INSERT INTO notifications (user_id, channel, kind, event_key, title, body, link, entity, entity_id, status, sent_at, created_at)
    SELECT u.id, 'console', 'ticket_queue', 'seed:ticket:' || t.id, ${label} || '待受理工单T' || t.id, left(t.description, 60),
           '/tickets/' || t.id || '/show', 'tickets', t.id::text, 'sent', t.level_entered_at, t.level_entered_at
      FROM tickets t JOIN users u ON u.disabled = false AND (
             (t.level = 'company' AND u.role = 'company_staff' AND u.company_id = t.company_id)
          OR (t.level = 'community' AND u.role = 'community_staff' AND u.region_code = t.region_code)
          OR (t.level = 'street' AND u.role = 'street_staff' AND u.region_code = t.street_code)
          OR (t.level = 'district' AND u.role = 'district_staff' AND u.region_code = t.district_code))
     WHERE t.status IN ('submitted', 'accepted', 'dispatched', 'in_progress')
    ON CONFLICT DO NOTHING`);
}
