import { sql } from 'drizzle-orm';
import { SPECIALIST_POSTS, STAFF_POSTS, type StaffPost } from '@baotou/shared';
import type { Tx } from '../db/client';
import { staff, trainings } from '../db/schema';
import { personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import { chineseName, createRandom, mobile } from './random';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/**
 * The demo workforce (issue 12): about 40 staff on each of the first three companies' projects,
 * hired over the last three years, with pre-job trainings (mostly on the start date, some late or
 * missing), continuing education for specialists (some short of 24 hours), and a few certificates
 * expiring within 60 days, so the lists, the flag and the rates page show something. Its own seed and
 * random stream, so other capabilities' seeds do not shift it.
 */
export async function seedWorkforce(tx: Tx, cipher: PersonalDataCipher) {
  const r = createRandom(20221213);
  const today = iso(new Date(Date.now() + 8 * 3600_000));
  const thisYear = Number(today.slice(0, 4));
  const projects = (
    await tx.execute(
      sql`SELECT p.id, p.company_id, p.region_code FROM projects p WHERE p.company_id IN (SELECT id FROM companies ORDER BY id LIMIT 3) ORDER BY p.id`,
    )
  ).rows as { id: number; company_id: number; region_code: string }[];
  const people: (typeof staff.$inferInsert)[] = [];
  const perCompany = new Map<number, number>();
  for (const p of projects) {
    for (let k = 0; k < 15; k++) {
      const n = (perCompany.get(p.company_id) ?? 0) + 1;
      if (n > 40) break;
      perCompany.set(p.company_id, n);
      const post: StaffPost = r.chance(0.45) ? r.pick(SPECIALIST_POSTS) : r.pick(STAFF_POSTS.filter((x) => !SPECIALIST_POSTS.includes(x)));
      const hiredOn = addDays(`${thisYear - r.int(0, 3)}-01-01`, r.int(0, 300));
      const hired = hiredOn > today ? addDays(today, -r.int(1, 60)) : hiredOn;
      const certificates = SPECIALIST_POSTS.includes(post)
        ? [
            {
              name: '特种作业操作证',
              number: `T${p.company_id}${String(n).padStart(4, '0')}`,
              expiresOn: addDays(today, r.chance(0.15) ? r.int(5, 55) : r.int(90, 1500)),
            },
          ]
        : [];
      people.push({
        companyId: p.company_id,
        projectId: p.id,
        regionCode: p.region_code,
        staffNo: `YG${String(n).padStart(4, '0')}`,
        name: chineseName(r),
        post,
        specialist: SPECIALIST_POSTS.includes(post),
        hiredOn: hired,
        leftOn: r.chance(0.08) ? addDays(hired, r.int(30, 200)) : null,
        certificates,
        certificateExpiresOn: certificates[0]?.expiresOn ?? null,
        ...personalColumns(cipher, mobile(r), undefined),
      });
    }
  }
  if (!people.length) return;
  const rows = await tx.insert(staff).values(people).returning({
    id: staff.id,
    companyId: staff.companyId,
    regionCode: staff.regionCode,
    hiredOn: staff.hiredOn,
    leftOn: staff.leftOn,
    specialist: staff.specialist,
  });
  const records: (typeof trainings.$inferInsert)[] = [];
  for (const s of rows) {
    const base = { staffId: s.id, companyId: s.companyId, regionCode: s.regionCode, certificateNo: null, evidence: '签到表' };
    const within = (day: string) => day <= today && day >= s.hiredOn && (!s.leftOn || day <= s.leftOn);
    if (r.chance(0.85)) {
      const day = r.chance(0.8) ? s.hiredOn : addDays(s.hiredOn, r.int(1, 20));
      if (within(day)) records.push({ ...base, kind: 'pre_job', course: '物业服务岗前培训', provider: '包头市物业管理协会', hoursTenths: 80, trainedOn: day });
    }
    if (s.specialist) {
      for (let y = Number(s.hiredOn.slice(0, 4)); y <= thisYear; y++) {
        const courses = r.int(1, 4);
        for (let c = 0; c < courses; c++) {
          const day = addDays(`${y}-03-01`, c * 60 + r.int(0, 20));
          if (within(day))
            records.push({
              ...base,
              kind: 'continuing',
              course: '专业岗位继续教育',
              provider: '包头市住房和城乡建设局培训中心',
              hoursTenths: r.pick([40, 80, 80, 120]),
              trainedOn: day,
            });
        }
      }
    }
  }
  if (records.length) await tx.insert(trainings).values(records);
}
