import { sql } from 'drizzle-orm';
import { billFen, parseAreaCenti } from '@baotou/shared';
import { DEFAULT_FEES_SETTINGS } from '@baotou/config';
import type { Tx } from '../db/client';

const pad = (n: number) => String(n).padStart(2, '0');
const monthAdd = (y: number, m: number, d: number) => {
  const i = y * 12 + (m - 1) + d;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
};
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The demo's property fees (issue 13): the demo company's projects in force carry the property fee
 * of their contract (fen → milli-fen per m² per month) and the first a quarterly parking fee; the
 * last twelve months are billed (one completed run per month), most homes paid each month, some
 * partly, the current month about a third, and a few homes never (long-term defaulters the
 * committee page shows). Payments, allocations and receipts are written set-wise with the books
 * balanced as postFeePayment would leave them. Run after the users are seeded.
 */
export async function seedFees(tx: Tx): Promise<void> {
  const now = new Date(Date.now() + 8 * 3600_000);
  const today = now.toISOString().slice(0, 10);
  const [user] = (await tx.execute(sql`SELECT id, company_id AS "companyId" FROM users WHERE username = 'company'`)).rows as {
    id: number;
    companyId: number;
  }[];
  if (!user) return;
  const projects = (
    await tx.execute(sql`
    SELECT id, compound_id AS "compoundId", region_code AS "regionCode", fee_fen_per_m_2_month AS fee, start_date::text AS "startDate"
      FROM projects WHERE company_id = ${user.companyId} AND start_date <= ${today} AND end_date >= ${today} ORDER BY id`)
  ).rows as { id: number; compoundId: number; regionCode: string; fee: number; startDate: string }[];
  if (!projects.length) return;
  const first = monthAdd(now.getUTCFullYear(), now.getUTCMonth() + 1, -11);
  const firstMonth = `${first.y}-${pad(first.m)}-01`;
  const items: {
    id: number;
    projectId: number;
    compoundId: number;
    kind: string;
    milli: number | null;
    monthly: number | null;
    cycle: string;
    startsOn: string;
  }[] = [];
  for (const [i, p] of projects.entries()) {
    const startsOn = p.startDate > firstMonth ? `${p.startDate.slice(0, 7)}-01` : firstMonth;
    const [fee] = (
      await tx.execute(sql`
      INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, billing_cycle, starts_on, created_by)
      VALUES (${p.id}, ${user.companyId}, ${p.compoundId}, ${p.regionCode}, 'property_fee', '物业服务费', ${p.fee * 1000}, 'monthly', ${startsOn}, ${user.id}) RETURNING id`)
    ).rows as { id: number }[];
    items.push({ id: fee.id, projectId: p.id, compoundId: p.compoundId, kind: 'property_fee', milli: p.fee * 1000, monthly: null, cycle: 'monthly', startsOn });
    if (i === 0) {
      await tx.execute(sql`
        INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, monthly_fen, billing_cycle, starts_on, created_by)
        VALUES (${p.id}, ${user.companyId}, ${p.compoundId}, ${p.regionCode}, 'parking', '地面停车费', 10000, 'quarterly', ${startsOn}, ${user.id}), (${p.id}, ${user.companyId}, ${p.compoundId}, ${p.regionCode}, 'other', '生活垃圾清运费', 800, 'monthly', ${startsOn}, ${user.id})`);
    }
  }
  const homes = (
    await tx.execute(sql`
    SELECT h.id, h.compound_id AS "compoundId", h.building_id AS "buildingId", h.region_code AS "regionCode", h.area::text AS area,
           (h.developer_unsold OR h.owner_id IS NULL OR coalesce(o.developer, false)) AS developer
      FROM households h LEFT JOIN owners o ON o.id = h.owner_id
     WHERE h.compound_id = ANY(${`{${projects.map((p) => p.compoundId).join(',')}}`}::int[]) ORDER BY h.id`)
  ).rows as { id: number; compoundId: number; buildingId: number; regionCode: string; area: string; developer: boolean }[];
  const byCompound = new Map<number, typeof homes>();
  for (const h of homes) byCompound.set(Number(h.compoundId), [...(byCompound.get(Number(h.compoundId)) ?? []), h]);

  const rows: unknown[][] = [];
  for (let k = 0; k < 12; k++) {
    const { y, m } = monthAdd(first.y, first.m, k);
    const period = `${y}-${pad(m)}`;
    const periodStart = `${period}-01`;
    const periodEnd = `${period}-${pad(lastDay(y, m))}`;
    const [run] = (
      await tx.execute(sql`
      INSERT INTO billing_runs (company_id, period, status, projects_done, projects_total, note, created_by, started_at, finished_at, created_at)
      VALUES (${user.companyId}, ${period}, 'completed', ${projects.length}, ${projects.length}, ${`已完成 ${projects.length} 个项目`}, ${user.id},
              ${periodStart}::timestamp AT TIME ZONE 'Asia/Shanghai', ${periodStart}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '3 minutes', ${periodStart}::timestamp AT TIME ZONE 'Asia/Shanghai') RETURNING id`)
    ).rows as { id: number }[];
    for (const p of projects) {
      await tx.execute(
        sql`INSERT INTO billing_run_projects (run_id, project_id, compound_id, region_code, period, done, finished_at) VALUES (${run.id}, ${p.id}, ${p.compoundId}, ${p.regionCode}, ${period}, true, now())`,
      );
      for (const item of items.filter((it) => it.projectId === p.id && it.startsOn <= periodStart)) {
        for (const h of byCompound.get(Number(p.compoundId)) ?? []) {
          const areaCenti = parseAreaCenti(h.area) ?? 0;
          rows.push([
            h.id,
            p.compoundId,
            h.buildingId,
            p.id,
            user.companyId,
            h.regionCode,
            item.id,
            run.id,
            periodStart,
            periodEnd,
            areaCenti,
            item.milli,
            billFen({ areaCenti, feeMilliFenPerM2Month: item.milli!, months: 1 }),
            h.developer ? 'developer' : 'household',
            k,
          ]);
        }
      }
    }
  }
  if (!rows.length) return;
  const col = (i: number) => `{${rows.map((r) => (r[i] === null ? 'NULL' : String(r[i]))).join(',')}}`;
  await tx.execute(sql`
    INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, billing_run_id, period_start, period_end, months, area_centi, unit_milli_fen, amount_fen, payer, due_on, created_at)
    SELECT v.hid, v.cid, v.bid, v.pid, v.coid, v.region, v.item, v.run, v.ps, v.pe, 1, v.area, v.milli, v.amount, v.payer::bill_payer, v.ps + ${DEFAULT_FEES_SETTINGS.dueDays}::int, v.ps::timestamp AT TIME ZONE 'Asia/Shanghai'
      FROM unnest(${col(0)}::int[], ${col(1)}::int[], ${col(2)}::int[], ${col(3)}::int[], ${col(4)}::int[], ${col(5)}::text[], ${col(6)}::int[], ${col(7)}::int[], ${col(8)}::date[], ${col(9)}::date[], ${col(10)}::int[], ${col(11)}::int[], ${col(12)}::bigint[], ${col(13)}::text[])
        AS v(hid, cid, bid, pid, coid, region, item, run, ps, pe, area, milli, amount, payer)`);
  // The quarterly parking fee: billed per quarter at 3 months × 100 元 for one home in five.
  await tx.execute(sql`
    INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, payer, due_on, created_at)
    SELECT h.id, f.compound_id, h.building_id, f.project_id, f.company_id, h.region_code, f.id, q.ps, (q.ps + interval '3 months' - interval '1 day')::date, 3, f.monthly_fen * 3, 'household', q.ps + ${DEFAULT_FEES_SETTINGS.dueDays}::int, q.ps::timestamp AT TIME ZONE 'Asia/Shanghai'
      FROM fee_items f JOIN households h ON h.compound_id = f.compound_id AND h.id % 5 = 0 AND h.owner_id IS NOT NULL AND NOT h.developer_unsold
      CROSS JOIN LATERAL (SELECT generate_series(date_trunc('quarter', f.starts_on), ${today}::date, interval '3 months')::date AS ps) q
     WHERE f.kind = 'parking' AND f.company_id = ${user.companyId} AND q.ps >= f.starts_on`);

  // Who paid: most homes each month within the month, fewer for the current month; a few never (defaulters).
  const current = `${now.toISOString().slice(0, 7)}-01`;
  await tx.execute(sql`
    CREATE TEMP TABLE seed_fee_pay ON COMMIT DROP AS
    SELECT b.id AS bill_id, b.household_id, b.compound_id, b.project_id, b.company_id, b.region_code, b.amount_fen, b.period_start, b.period_end,
           CASE WHEN (b.household_id * 7 + extract(month FROM b.period_start)::int * 13) % 10 = 0 AND b.period_start < ${current}::date THEN b.amount_fen / 2 ELSE b.amount_fen END AS pay,
           least(b.period_start::timestamp + ((b.household_id % 20) || ' days')::interval + interval '10 hours', (now() AT TIME ZONE 'Asia/Shanghai') - interval '1 hour') AT TIME ZONE 'Asia/Shanghai' AS paid_at,
           nextval(pg_get_serial_sequence('fee_payments', 'id'))::int AS pid,
           (SELECT f.name FROM fee_items f WHERE f.id = b.fee_item_id) AS item_name
      FROM bills b
     WHERE b.company_id = ${user.companyId} AND b.payer = 'household' AND b.household_id % 13 <> 0
       AND ((b.period_start < ${current}::date AND (b.household_id * 31 + extract(month FROM b.period_start)::int) % 100 < 88)
         OR (b.period_start = ${current}::date AND b.household_id % 3 = 0))`);
  await tx.execute(sql`
    INSERT INTO fee_payments (id, household_id, compound_id, project_id, company_id, region_code, method, amount_fen, reference, receipt_no, recorded_by, paid_at, created_at)
    OVERRIDING SYSTEM VALUE
    SELECT pid, household_id, compound_id, project_id, company_id, region_code, (CASE WHEN pid % 4 = 0 THEN 'cash' WHEN pid % 4 = 1 THEN 'bank_transfer' ELSE 'wechat' END)::payment_method,
           pay, 'DEMO-' || pid, 'SF' || to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(pid::text, 8, '0'), ${user.id}, paid_at, paid_at
      FROM seed_fee_pay`);
  await tx.execute(sql`INSERT INTO fee_allocations (payment_id, bill_id, amount_fen, created_at) SELECT pid, bill_id, pay, paid_at FROM seed_fee_pay`);
  await tx.execute(sql`
    INSERT INTO receipts (payment_id, receipt_no, household_id, compound_id, region_code, amount_fen, lines, issued_at)
    SELECT pid, 'SF' || to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(pid::text, 8, '0'), household_id, compound_id, region_code, pay,
           jsonb_build_array(jsonb_build_object('billId', bill_id, 'feeItemName', item_name, 'periodStart', period_start::text, 'periodEnd', period_end::text, 'amountFen', pay)), paid_at
      FROM seed_fee_pay`);
  await tx.execute(sql`
    UPDATE bills b SET paid_fen = s.pay, status = (CASE WHEN s.pay = b.amount_fen THEN 'paid' ELSE 'partly_paid' END)::bill_status, updated_at = s.paid_at
      FROM seed_fee_pay s WHERE s.bill_id = b.id`);
}
