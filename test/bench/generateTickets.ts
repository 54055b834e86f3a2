import { Client } from 'pg';

/**
 * `count` tickets generated inside PostgreSQL (generate_series) over the households present,
 * received over the last three years: 2% still open (spread over the levels, some long overdue),
 * the rest resolved, rated or closed; ratings, escalations and overruns sprinkled in.
 */
export async function generateTickets(url: string, count: number, log: (s: string) => void) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const t0 = Date.now();
    await c.query(`CREATE TEMP TABLE hh AS
      SELECT row_number() OVER (ORDER BY h.id) AS rn, h.id, h.compound_id, h.region_code,
             (SELECT p.company_id FROM projects p WHERE p.compound_id = h.compound_id ORDER BY p.start_date DESC LIMIT 1) AS company_id
        FROM households h`);
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM hh`);
    const n = rows[0].n as number;
    await c.query(`CREATE INDEX ON hh (rn)`);
    await c.query(
      `
      INSERT INTO tickets (compound_id, region_code, street_code, district_code, household_id, channel, kind, category, against,
                           description, level, status, company_id, level_entered_at, response_due_at, resolve_due_at, due_at,
                           accept_department, accept_person_name, accepted_at, resolved_at, closed_at, rating, answer,
                           overran, escalation_count, created_at, updated_at)
      SELECT h.compound_id, h.region_code, left(h.region_code, 9), left(h.region_code, 6), h.id,
             (ARRAY['mini','mini','mini','hotline'])[1 + g % 4]::ticket_channel,
             k.kind::ticket_kind, k.category::ticket_category, CASE WHEN k.kind = 'complaint' THEN 'company'::complaint_target END,
             '基准工单' || g, s.level::ticket_level, s.status::ticket_status,
             CASE WHEN k.kind = 'repair' THEN h.company_id END,
             c.created, c.created + interval '1 day', c.created + interval '3 days',
             CASE WHEN s.status = 'submitted' THEN c.created + interval '1 day' ELSE c.created + interval '3 days' END,
             CASE WHEN s.status <> 'submitted' THEN '社区物业纠纷调解室' END, CASE WHEN s.status <> 'submitted' THEN '王*' END,
             CASE WHEN s.status <> 'submitted' THEN c.created + interval '2 hours' END,
             CASE WHEN s.status IN ('resolved', 'confirmed', 'closed') THEN c.created + ((g % 96) || ' hours')::interval END,
             CASE WHEN s.status = 'closed' THEN c.created + interval '5 days' END,
             CASE WHEN s.status IN ('confirmed', 'closed') AND g % 3 <> 0 THEN 1 + (g * 7) % 5 END,
             CASE WHEN s.status = 'closed' THEN '已答复' END,
             g % 13 = 0, CASE WHEN g % 17 = 0 THEN 1 ELSE 0 END,
             c.created, c.created
        FROM generate_series(1, $1::int) g
        JOIN hh h ON h.rn = 1 + (g::bigint * 7919) % ${n}
        CROSS JOIN LATERAL (SELECT now() - ((g % 1095) || ' days')::interval - ((g % 1440) || ' minutes')::interval AS created) c
        CROSS JOIN LATERAL (SELECT CASE WHEN (g / 7) % 10 < 6 THEN 'repair' WHEN (g / 7) % 10 < 8 THEN 'complaint' ELSE 'dispute' END AS kind) k0
        CROSS JOIN LATERAL (SELECT k0.kind, CASE k0.kind
             WHEN 'repair' THEN (ARRAY['plumbing','electrical','elevator','door_window','roof_wall','heating','public_facility','other_repair'])[1 + g % 8]
             WHEN 'complaint' THEN (ARRAY['service_quality','fees','sanitation','security','greening','committee_conduct','other_complaint'])[1 + g % 7]
             ELSE (ARRAY['neighbor','property_service','parking','renovation','common_area','other_dispute'])[1 + g % 6] END AS category) k
        CROSS JOIN LATERAL (SELECT
             CASE WHEN g % 50 = 0 THEN (ARRAY['submitted','accepted','dispatched','in_progress'])[1 + (g / 50) % 4]
                  ELSE (ARRAY['closed','closed','closed','closed','closed','closed','closed','closed','confirmed','resolved'])[1 + (g / 7) % 10] END AS status,
             CASE WHEN k.kind = 'repair' AND h.company_id IS NOT NULL THEN 'company'
                  ELSE (ARRAY['community','community','community','street','district'])[1 + (g / 11) % 5] END AS level) s0
        CROSS JOIN LATERAL (SELECT CASE WHEN s0.status = 'dispatched' AND s0.level <> 'company' THEN 'accepted' ELSE s0.status END AS status, s0.level) s`,
      [count],
    );
    log(`  ${count} tickets generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await c.end();
    // In a fresh session, as autovacuum would: sets the visibility map, so statistics are index-only scans.
    const v = new Client({ connectionString: url });
    await v.connect();
    const t1 = Date.now();
    await v.query('VACUUM ANALYZE tickets');
    log(`  vacuum analyze: ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    const stats = await v.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('submitted','accepted','dispatched','in_progress'))::int AS open FROM tickets`,
    );
    await v.end();
    return stats.rows[0] as { total: number; open: number };
  } catch (err) {
    await c.end().catch(() => undefined);
    throw err;
  }
}
