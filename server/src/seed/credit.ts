import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { computeCompanyScore, refreshCompanyScore } from '../credit/scores';
import { beijingDate } from '../jurisdiction/scope';

/**
 * Issue 10 demo, credit items (S3). Every company gets its base items (filings and staff on record,
 * years in business) recorded by the city early in the year; some an award or a penalty from their
 * district. The demo company (`company`) also has a penalty still 公示中 and an inspection finding it
 * has objected to (异议中, answer due), so both the company's and the district's screens have work.
 * Then last year is evaluated (frozen records) and every live score is computed.
 * Manual item types only: rule items come from the platform's own data (tickets, hazards, …).
 */
export async function seedCredit(tx: Tx) {
  const today = beijingDate();
  const year = Number(today.slice(0, 4));
  const [city] = (await tx.execute(sql`SELECT id FROM users WHERE username = 'city'`)).rows as { id: number }[];
  if (!city) return;
  const item = (type: string, category: string, tenths: number, document: string, authority: string, occurred: string, publicUntil: string) => sql`
    (${type}::varchar, ${category}::credit_category, ${tenths}::smallint, ${document}::varchar, ${authority}::varchar, ${occurred}::date, ${publicUntil}::date)`;
  // occurred on, public until: long past (counting), or a day from today (公示中)
  const jan = `${year}-01-10`;
  const janPublic = `${year}-01-17`;
  const recent = (await tx.execute(sql`SELECT ((${today}::date - 3)::text) AS d, ((${today}::date + 4)::text) AS p`)).rows[0] as { d: string; p: string };
  const companies = (await tx.execute(sql`SELECT id, region_code FROM companies ORDER BY id`)).rows as { id: number; region_code: string }[];
  for (const [i, c] of companies.entries()) {
    const district = c.region_code.slice(0, 6);
    const rows = [
      item('basic_filing', 'base', 300 - (i % 5) * 10, `包建信〔${year}〕${i + 1}号`, '包头市住房和城乡建设局', jan, janPublic),
      item('annual_assessment', 'base', 100 + (i % 6) * 14, `包建考〔${year}〕${i + 501}号`, '包头市住房和城乡建设局', jan, janPublic),
      item('staff_filing', 'base', 200 - (i % 3) * 40, `包建信〔${year}〕${i + 101}号`, '包头市住房和城乡建设局', jan, janPublic),
      item('years_in_business', 'base', i % 3 === 0 ? 50 : 40, `包建信〔${year}〕${i + 201}号`, '包头市住房和城乡建设局', jan, janPublic),
      item('contract_performance', 'base', 30, `包建信〔${year}〕${i + 301}号`, '包头市住房和城乡建设局', jan, janPublic),
      item('certified_staff', 'base', i % 2 ? 50 : 30, `包建信〔${year}〕${i + 401}号`, '包头市住房和城乡建设局', jan, janPublic),
    ];
    if (i % 3 === 0) rows.push(item('award', 'good', 50, `包建发〔${year}〕${i + 11}号`, '包头市住房和城乡建设局', `${year}-03-15`, `${year}-03-22`));
    if (i % 4 === 1) rows.push(item('penalty', 'bad', -50, `${district}建罚〔${year}〕${i + 1}号`, '区住房和城乡建设局', `${year}-05-20`, `${year}-05-27`));
    if (i === 0) {
      rows.push(item('penalty', 'bad', -30, `${district}建罚〔${year}〕90号`, '区住房和城乡建设局', recent.d, recent.p));
      rows.push(item('inspection_finding', 'bad', -20, `${district}建查〔${year}〕7号`, '区住房和城乡建设局', `${year}-06-12`, `${year}-06-19`));
    }
    await tx.execute(sql`
      INSERT INTO credit_items (company_id, region_code, type, category, points_tenths, document, authority, occurred_on, public_until, valid_from, valid_until, evidence, created_by)
      SELECT ${c.id}, ${c.region_code}, v.type, v.category, v.points, v.document, v.authority, v.occurred, v.public_until, v.occurred, (v.occurred + interval '1 year' - interval '1 day')::date, '[]'::jsonb, ${city.id}
        FROM (VALUES ${sql.join(rows, sql`, `)}) AS v(type, category, points, document, authority, occurred, public_until)`);
  }
  // the demo company objected to its inspection finding
  const demo = companies[0];
  if (demo) {
    const [staff] = (await tx.execute(sql`SELECT id FROM users WHERE username = 'company'`)).rows as { id: number }[];
    const [finding] = (await tx.execute(sql`SELECT id, points_tenths FROM credit_items WHERE company_id = ${demo.id} AND type = 'inspection_finding' LIMIT 1`))
      .rows as { id: number; points_tenths: number }[];
    if (staff && finding) {
      await tx.execute(sql`UPDATE credit_items SET status = 'objected' WHERE id = ${finding.id}`);
      await tx.execute(sql`
        INSERT INTO credit_objections (item_id, company_id, reason, status, due_on, points_before, created_by)
        VALUES (${finding.id}, ${demo.id}, '检查当日消防通道堆放物已当场清理，整改照片已提交，请求撤销该记录。', 'pending', (${today}::date + 25), ${finding.points_tenths}, ${staff.id})`);
    }
  }
  // last year's evaluation, frozen; every company's live score
  const last = year - 1;
  await tx.execute(
    sql`INSERT INTO credit_evaluations (year, as_of, status, done, total, started_by, finished_at) VALUES (${last}, ${`${last}-12-31`}::date, 'completed', ${companies.length}, ${companies.length}, ${city.id}, now())`,
  );
  for (const c of companies) {
    const s = await computeCompanyScore(tx, c.id, `${last}-12-31`);
    await tx.execute(sql`
      INSERT INTO credit_ratings (company_id, year, score_tenths, grade, base_tenths, good_tenths, bad_tenths, items, region_code)
      VALUES (${c.id}, ${last}, ${s.totalTenths}, ${s.grade}, ${s.baseTenths}, ${s.goodTenths}, ${s.badTenths}, ${JSON.stringify(s.items)}::jsonb, ${c.region_code})`);
    await refreshCompanyScore(tx, c.id, today);
  }
}
