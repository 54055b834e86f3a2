import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { beijingDate } from '../jurisdiction/scope';

/**
 * Issue 10 demo (DOMAIN.md §9): 昆都仑区's 2025 survey, closed, with a project at 86.5%, one under
 * warning (72%) whose interview (约谈) was held with minutes, and one 样本不足; and the demo company's
 * 2026 survey of one project, open, with answers in (residents' answers are aggregates only).
 * Plain SQL, a handful of statements: every test run seeds the template.
 */
export async function seedSupervisionSurveys(tx: Tx) {
  const [district] = (await tx.execute(sql`SELECT id FROM users WHERE username = 'd150203'`)).rows as { id: number }[];
  const projects = (
    await tx.execute(sql`SELECT p.id, p.company_id, p.compound_id, p.region_code, p.manager_name,
                                (SELECT count(*)::int FROM households h WHERE h.compound_id = p.compound_id AND NOT h.developer_unsold) AS occupied
                           FROM projects p WHERE p.region_code LIKE '150203%' AND p.start_date <= '2025-10-01' AND p.end_date >= '2025-10-31' ORDER BY p.id LIMIT 3`)
  ).rows as { id: number; company_id: number; compound_id: number; region_code: string; manager_name: string; occupied: number }[];
  if (projects.length < 3 || !district) return;
  const [closed] = (
    await tx.execute(sql`INSERT INTO surveys (title, scope, kind, region_code, dimensions, opens_on, closes_on, status, closed_at, created_by)
      VALUES ('2025年度昆都仑区业主满意度测评', 'district', 'regular', '150203', ${JSON.stringify(['service', 'repairs', 'cleaning', 'greening', 'security_parking', 'fire_safety', 'complaints', 'transparency'])}::jsonb,
              '2025-10-01', '2025-10-31', 'closed', '2025-11-01T09:00:00+08:00', ${district.id}) RETURNING id`)
  ).rows as { id: number }[];
  // responses, satisfied per project: 86.5%, 72% (warning), and too few answers (样本不足)
  const results = projects.map((p, i) => {
    const responses = i === 2 ? Math.max(1, Math.floor(p.occupied / 10)) : Math.max(1, Math.ceil((p.occupied * 4) / 10));
    const satisfied = i === 0 ? Math.floor((responses * 865) / 1000) : i === 1 ? Math.floor((responses * 72) / 100) : responses;
    const rate = Math.floor((satisfied * 10000) / responses);
    const sampleValid = responses * 10000 >= 3000 * p.occupied;
    return { p, responses, satisfied, rate, sampleValid, warning: sampleValid && satisfied * 10000 < 8000 * responses };
  });
  for (const r of results) {
    const [sp] = (
      await tx.execute(sql`INSERT INTO survey_projects (survey_id, project_id, company_id, compound_id, region_code, occupied_homes, responses, valid, satisfied, rate_basis_points, sample_valid, warning, computed_at)
        VALUES (${closed.id}, ${r.p.id}, ${r.p.company_id}, ${r.p.compound_id}, ${r.p.region_code}, ${r.p.occupied}, ${r.responses}, ${r.responses}, ${r.satisfied}, ${r.rate}, ${r.sampleValid}, ${r.warning}, '2025-11-01T09:00:00+08:00') RETURNING id`)
    ).rows as { id: number }[];
    if (!r.warning) continue;
    await tx.execute(sql`INSERT INTO interviews (survey_id, survey_project_id, project_id, company_id, compound_id, region_code, manager_name, rate_basis_points, scheduled_at, location, attendees, rectification_items, deadline, minutes, status, held_at)
      VALUES (${closed.id}, ${sp.id}, ${r.p.id}, ${r.p.company_id}, ${r.p.compound_id}, ${r.p.region_code}, ${r.p.manager_name}, ${r.rate}, '2025-11-10T09:30:00+08:00', '昆都仑区住建局三楼会议室',
              ${`区住建局物业科、沼潭街道、项目负责人${r.p.manager_name}`}, '1. 增加楼道保洁频次；2. 修复单元门禁；3. 每月公示维修记录', '2025-12-31',
              '项目负责人说明了保洁和维修响应慢的原因，承诺限期整改，区住建局将在整改期满后组织复测。', 'held', '2025-11-10T11:00:00+08:00')`);
  }
  // The demo company's project, surveyed now: open, with some answers in.
  const [company] = (await tx.execute(sql`SELECT company_id FROM users WHERE username = 'company'`)).rows as { company_id: number }[];
  const today = beijingDate();
  const [own] = (
    await tx.execute(sql`SELECT p.id, p.company_id, p.compound_id, p.region_code FROM projects p
                          WHERE p.company_id = ${company?.company_id ?? 0} AND p.start_date <= ${today} AND p.end_date >= ${today} ORDER BY p.id LIMIT 1`)
  ).rows as { id: number; company_id: number; compound_id: number; region_code: string }[];
  if (!own) return;
  const [open] = (
    await tx.execute(sql`INSERT INTO surveys (title, scope, kind, region_code, project_id, dimensions, opens_on, closes_on, status, created_by)
      VALUES ('2026年度业主满意度测评', 'project', 'regular', ${own.region_code}, ${own.id}, ${JSON.stringify(['service', 'repairs', 'cleaning', 'greening', 'security_parking', 'fire_safety', 'complaints', 'transparency'])}::jsonb,
              ${today}, (${today}::date + 30)::date, 'open', ${district.id}) RETURNING id`)
  ).rows as { id: number }[];
  const [osp] = (
    await tx.execute(
      sql`INSERT INTO survey_projects (survey_id, project_id, company_id, compound_id, region_code) VALUES (${open.id}, ${own.id}, ${own.company_id}, ${own.compound_id}, ${own.region_code}) RETURNING id`,
    )
  ).rows as { id: number }[];
  await tx.execute(sql`INSERT INTO survey_responses (survey_id, survey_project_id, household_id, compound_id, region_code, answers, overall)
    SELECT ${open.id}, ${osp.id}, h.id, h.compound_id, h.region_code, '{}'::jsonb, (CASE WHEN h.id % 7 = 0 THEN 'dissatisfied' WHEN h.id % 3 = 0 THEN 'basically_satisfied' ELSE 'satisfied' END)::satisfaction_rating
      FROM households h WHERE h.compound_id = ${own.compound_id} AND NOT h.developer_unsold AND h.id % 5 <> 0 ORDER BY h.id LIMIT 20`);
}
