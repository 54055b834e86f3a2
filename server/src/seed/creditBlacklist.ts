import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';

/**
 * Issue 10 demo, blacklist and filings. Filings: every project's contract filing number becomes a
 * filed contract filing valid for the contract's term; most projects have a filed project-manager
 * filing for three years from the contract's start (older ones have expired), every fourth has none
 * — so 备案预警 has rows. Blacklist: one company that serves nothing in 昆都仑区 (the district the
 * tests and journeys work in), listed by the district where it works for leaving without handover.
 */
export async function seedCreditBlacklist(tx: Tx) {
  await tx.execute(sql`
    INSERT INTO filings (project_id, company_id, region_code, kind, status, document_no, valid_from, valid_until, filing_no, reviewed_at, note)
    SELECT id, company_id, region_code, 'contract', 'filed', contract_filing_no, start_date, end_date, contract_filing_no,
           COALESCE(contract_filing_date, start_date)::timestamptz, '由项目登记信息转入'
      FROM projects WHERE contract_filing_no IS NOT NULL`);
  await tx.execute(sql`
    INSERT INTO filings (project_id, company_id, region_code, kind, status, document_no, manager_name, valid_from, valid_until, filing_no, reviewed_at, note)
    SELECT id, company_id, region_code, 'project_manager', 'filed', COALESCE(manager_filing_no, 'XMJL-' || id), manager_name, start_date,
           LEAST(end_date, (start_date + interval '3 years')::date), COALESCE(manager_filing_no, 'XMJL-' || id), start_date::timestamptz, '由项目登记信息转入'
      FROM projects WHERE id % 4 <> 0`);

  const { rows } = await tx.execute(sql`
    SELECT c.id, (SELECT substr(p.region_code, 1, 6) FROM projects p WHERE p.company_id = c.id ORDER BY p.id LIMIT 1) AS district
      FROM companies c
     WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id AND p.region_code LIKE '150203%')
       AND EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id)
       AND c.id <> (SELECT min(id) FROM companies)
     ORDER BY c.id DESC LIMIT 1`);
  const company = rows[0] as { id: number; district: string } | undefined;
  if (!company) return;
  const [lister] = (await tx.execute(sql`SELECT id FROM users WHERE username = ${`d${company.district}`}`)).rows as { id: number }[];
  if (!lister) return;
  await tx.execute(sql`
    INSERT INTO blacklist_entries (company_id, region_code, reason, document, listed_on, facts, evidence, listed_by)
    VALUES (${company.id}, ${company.district}, 'left_without_handover', ${`住建罚〔${new Date().getUTCFullYear()}〕1号`}, (now() AT TIME ZONE 'Asia/Shanghai')::date - 30,
            '合同期内未经业主大会同意擅自撤离项目，拒不移交物业服务用房及有关资料。', '[]'::jsonb, ${lister.id})`);
}
