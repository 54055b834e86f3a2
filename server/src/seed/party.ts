import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { companies, crossAppointments, partyMembers, partyOrgs, redProjects } from '../db/schema';
import { personalColumns } from '../places/owners';
import type { PersonalDataCipher } from '../places/personalData';
import { chineseName, createRandom, mobile, type Random } from './random';
import { eq } from 'drizzle-orm';

type MemberSeed = typeof partyMembers.$inferInsert;

const date = (r: Random, from: number, to: number) => `${r.int(from, to)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

/**
 * The demo Red Property registry: the industry committee, organisations in most companies (a joint
 * branch for three small ones), in some owners' committees, a few hundred members, cross-appointments
 * and a handful of demonstration projects. Its own seed, so other capabilities' seeds do not shift it.
 */
export async function seedParty(tx: Tx, cipher: PersonalDataCipher) {
  const r = createRandom(19210701);
  const companyRows = await tx.select({ id: companies.id, name: companies.name, regionCode: companies.regionCode }).from(companies).orderBy(companies.id);
  const projectRows = (await tx.execute(sql`SELECT p.company_id, p.compound_id, p.region_code FROM projects p ORDER BY p.id`)).rows as {
    company_id: number;
    compound_id: number;
    region_code: string;
  }[];
  const compoundRows = (await tx.execute(sql`SELECT id, code, name, region_code FROM compounds ORDER BY id`)).rows as {
    id: number;
    code: string;
    name: string;
    region_code: string;
  }[];

  const [industry] = await tx
    .insert(partyOrgs)
    .values({
      type: 'industry_committee',
      setting: 'industry',
      name: '包头市物业行业党委',
      secretaryName: chineseName(r),
      foundedOn: '2019-06-28',
      memberCount: 0,
      regionCode: '150200',
    })
    .returning({ id: partyOrgs.id });

  const members: MemberSeed[] = [];
  const orgMembers = new Map<number, number>();
  const addMember = (m: Omit<MemberSeed, 'name' | 'gender' | 'joinedOn'>) => {
    const phone = r.chance(0.7) ? mobile(r) : null;
    members.push({
      name: chineseName(r),
      gender: r.chance(0.55) ? 'male' : 'female',
      joinedOn: date(r, 1985, 2025),
      ...m,
      ...personalColumns(cipher, phone, undefined),
    });
    orgMembers.set(m.orgId, (orgMembers.get(m.orgId) ?? 0) + 1);
  };

  // Companies: staff counts for all; an organisation in 12 of 15; the last three share a joint branch.
  for (const [i, c] of companyRows.entries()) {
    await tx
      .update(companies)
      .set({ staffCount: r.int(40, 360) })
      .where(eq(companies.id, c.id));
    if (i >= 12 && i !== companyRows.length - 3) continue;
    const joint = i === companyRows.length - 3;
    const type = joint ? 'joint_branch' : i < 3 ? 'committee' : i < 6 ? 'general_branch' : 'branch';
    const suffix = { committee: '党委', general_branch: '党总支', branch: '党支部', joint_branch: '' }[type];
    const [org] = await tx
      .insert(partyOrgs)
      .values({
        type,
        setting: 'company',
        name: joint ? `${c.regionCode === '150203' ? '昆都仑区' : '包头市'}小微物业企业联合党支部` : `${c.name}${suffix}`,
        parentId: industry.id,
        secretaryName: chineseName(r),
        foundedOn: date(r, 2017, 2025),
        memberCount: 0,
        companyId: c.id,
        regionCode: c.regionCode,
      })
      .returning({ id: partyOrgs.id });
    const served = projectRows.filter((p) => p.company_id === c.id);
    const employers = joint ? companyRows.slice(-3) : [c];
    const n = joint ? 8 : r.int(8, 24);
    for (let k = 0; k < n; k++) {
      const employer = employers[k % employers.length];
      const ownServed = projectRows.filter((p) => p.company_id === employer.id);
      const manager = ownServed.length > 0 && k < Math.min(2, ownServed.length);
      const project = manager ? ownServed[k] : r.chance(0.5) && ownServed.length ? r.pick(ownServed) : null;
      addMember({
        orgId: org.id,
        role: manager ? 'project_manager' : 'company_staff',
        employerCompanyId: employer.id,
        compoundId: project?.compound_id ?? null,
        regionCode: project?.region_code ?? employer.regionCode,
      });
    }
    void served;
  }

  // Owners' committees with a party branch in every fifth compound; committee members and a community worker in each.
  const committeeCompounds = compoundRows.filter((_, i) => i % 5 === 0);
  for (const c of committeeCompounds) {
    const [org] = await tx
      .insert(partyOrgs)
      .values({
        type: 'branch',
        setting: 'owners_committee',
        name: `${c.name}业主委员会党支部`,
        parentId: industry.id,
        secretaryName: chineseName(r),
        foundedOn: date(r, 2020, 2025),
        memberCount: 0,
        compoundId: c.id,
        regionCode: c.region_code,
      })
      .returning({ id: partyOrgs.id });
    for (let k = 0, n = r.int(3, 5); k < n; k++) addMember({ orgId: org.id, role: 'committee_member', compoundId: c.id, regionCode: c.region_code });
    addMember({ orgId: org.id, role: 'community_worker', compoundId: null, regionCode: c.region_code });
  }
  // Committee members who are party members, in compounds without a committee branch.
  for (const c of compoundRows.filter((_, i) => i % 5 === 2))
    addMember({ orgId: industry.id, role: 'committee_member', compoundId: c.id, regionCode: c.region_code });

  const inserted: { id: number; role: string; compoundId: number | null; regionCode: string }[] = [];
  for (let i = 0; i < members.length; i += 500) {
    inserted.push(
      ...(await tx
        .insert(partyMembers)
        .values(members.slice(i, i + 500))
        .returning({ id: partyMembers.id, role: partyMembers.role, compoundId: partyMembers.compoundId, regionCode: partyMembers.regionCode })),
    );
  }
  for (const [orgId, n] of orgMembers)
    await tx
      .update(partyOrgs)
      .set({ memberCount: n + r.int(0, 3) })
      .where(eq(partyOrgs.id, orgId));
  await tx.update(partyOrgs).set({ memberCount: members.length }).where(eq(partyOrgs.id, industry.id));

  // 双向进入、交叉任职: project managers and committee members on the community party committee;
  // community workers on the owners' committee of a compound in their community.
  const appointments: (typeof crossAppointments.$inferInsert)[] = [];
  for (const m of inserted) {
    if (m.role === 'project_manager' && m.compoundId && r.chance(0.35))
      appointments.push({
        memberId: m.id,
        kind: 'community_party_part_time',
        regionCode: m.regionCode,
        compoundId: null,
        startDate: date(r, 2021, 2025),
        endDate: r.chance(0.2) ? '2024-12-31' : null,
      });
    if (m.role === 'committee_member' && m.compoundId && r.chance(0.25))
      appointments.push({
        memberId: m.id,
        kind: 'community_party_part_time',
        regionCode: m.regionCode,
        compoundId: m.compoundId,
        startDate: date(r, 2021, 2025),
        endDate: null,
      });
    if (m.role === 'community_worker') {
      const c = committeeCompounds.find((x) => x.region_code === m.regionCode);
      if (c && r.chance(0.7))
        appointments.push({
          memberId: m.id,
          kind: 'owners_committee_part_time',
          regionCode: m.regionCode,
          compoundId: c.id,
          startDate: date(r, 2022, 2025),
          endDate: null,
        });
    }
  }
  for (const a of appointments) if (a.startDate > (a.endDate ?? '9999')) a.endDate = null;
  if (appointments.length) await tx.insert(crossAppointments).values(appointments);

  // 红色物业示范项目: compounds with a committee branch, designated 2022–2025.
  const results = ['excellent', 'good', 'pass', 'pending'] as const;
  await tx.insert(redProjects).values(
    committeeCompounds.slice(0, 7).map((c, i) => ({
      compoundId: c.id,
      regionCode: c.region_code,
      designation: i % 3 === 0 ? '市级红色物业示范小区' : '区级红色物业示范小区',
      year: 2022 + (i % 4),
      result: results[i % results.length],
    })),
  );
  return { orgs: orgMembers.size + 1, members: members.length, crossAppointments: appointments.length };
}
