import { count, eq } from 'drizzle-orm';
import { COMPOUND_TYPES, MANAGEMENT_MODES, creditCodeCheckChar, type CompoundType, type ManagementMode } from '@baotou/shared';
import type { Db, Tx } from '../db/client';
import { buildings, companies, compounds, households, owners, projects, regions, units, users } from '../db/schema';
import { hashPassword } from '../auth/password';
import { createPersonalDataCipher } from '../places/personalData';
import { personalColumns } from '../places/owners';
import { chineseName, createRandom, idNumber, mobile, type Random } from './random';
import { CITY, STREETS, STREET_DISTRICTS, districts } from './regions';
import { seedCommittees } from './committees';
import { seedFund } from './fund';
import { seedParty } from './party';
import { seedWorkforce } from './qualityWorkforce';
import { seedQualityLevels } from './qualityLevels';
import { seedRenewalAreas } from './renewalAreas';
import { seedRenewalSurveys } from './renewalSurveys';
import { seedTickets } from './tickets';
import { seedNotifications } from './notifications';
import { seedFees } from './fees';
import { seedWorkflows } from './workflows';
import { seedSupervisionInspections } from './supervisionInspections';
import { seedCreditBlacklist } from './creditBlacklist';
import { seedCredit } from './credit';
import { seedSupervisionSurveys } from './supervisionSurveys';
import { seedJobs } from './jobs';

export interface SeedOptions {
  demoPassword: string;
  encryptionKey: string;
  highTechZoneCode: string;
}

const COMPOUND_NAMES = [
  '阳光',
  '幸福',
  '锦绣',
  '华府',
  '御景',
  '和谐',
  '文苑',
  '金地',
  '绿都',
  '富康',
  '青年',
  '鹿城',
  '钢城',
  '稀土',
  '瑞丰',
  '北辰',
  '泰和',
  '书香',
  '星河',
  '翠园',
];
const SUFFIXES = ['小区', '花园', '家园', '新村', '苑', '嘉园'];
const COMPANY_NAMES = [
  '包头市鹿城物业服务有限公司',
  '包头市钢城物业管理有限公司',
  '内蒙古北方物业服务有限公司',
  '包头市青山物业服务有限公司',
  '包头市东河物业管理有限公司',
  '包头市九原宜居物业有限公司',
  '包头市稀土高新物业服务有限公司',
  '包头市阳光物业服务有限公司',
  '包头市万家物业管理有限公司',
  '内蒙古华府物业服务有限公司',
  '包头市安居物业服务有限公司',
  '包头市昆区和谐物业有限公司',
  '包头市鑫源物业管理有限公司',
  '内蒙古蒙泰物业服务有限公司',
  '包头市锦绣物业服务有限公司',
];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(r: Random, district: string): string {
  let body = `91${district}`;
  for (let i = 0; i < 9; i++) body += CODE_CHARS[r.int(0, CODE_CHARS.length - 1)];
  return body + creditCodeCheckChar(body);
}

/** Seeds the demo city once: nothing happens when regions already exist. */
export async function seedDemoIfEmpty(db: Db, opts: SeedOptions) {
  const [{ n }] = await db.select({ n: count() }).from(regions);
  if (Number(n) > 0) return null;
  return seedDemo(db, opts);
}

export async function seedDemo(db: Db, opts: SeedOptions) {
  const r = createRandom(20220730);
  const cipher = createPersonalDataCipher(opts.encryptionKey);
  return db.transaction(async (tx) => {
    const districtList = districts(opts.highTechZoneCode);
    const regionRows: (typeof regions.$inferInsert)[] = [{ code: CITY.code, name: CITY.name, level: 'city', parentCode: null }];
    const communities: string[] = [];
    for (const d of districtList) regionRows.push({ code: d.code, name: d.name, level: 'district', parentCode: CITY.code });
    for (const districtCode of STREET_DISTRICTS) {
      const d = { code: districtCode };
      STREETS[districtCode].forEach((s, si) => {
        const streetCode = `${d.code}${String(si + 1).padStart(3, '0')}`;
        regionRows.push({ code: streetCode, name: s.name, level: 'street' as const, parentCode: d.code });
        s.communities.forEach((c, ci) => {
          const communityCode = `${streetCode}${String(ci + 1).padStart(3, '0')}`;
          regionRows.push({ code: communityCode, name: c, level: 'community' as const, parentCode: streetCode });
          communities.push(communityCode);
        });
      });
    }
    await tx.insert(regions).values(regionRows);

    const companyRows = await tx
      .insert(companies)
      .values(
        COMPANY_NAMES.map((name, i) => {
          const district = ['150203', '150204', '150202', '150207'][i % 4];
          return {
            name,
            creditCode: creditCode(r, district),
            legalRepresentative: chineseName(r),
            contactName: chineseName(r),
            contactPhone: mobile(r),
            address: `包头市${districtList.find((d) => d.code === district)!.name}${r.pick(['钢铁大街', '民族东路', '阿尔丁大街', '建设路', '巴彦塔拉大街'])}${r.int(1, 200)}号`,
            regionCode: district,
          };
        }),
      )
      .returning({ id: companies.id });

    let compoundCount = 0;
    let householdCount = 0;
    const ownerPool: number[] = [];
    // Two compounds per community (~60), cycling through every type and management mode.
    for (let i = 0; i < communities.length * 2; i++) {
      const community = communities[Math.floor(i / 2)];
      const type: CompoundType = COMPOUND_TYPES[i % COMPOUND_TYPES.length];
      const mode: ManagementMode = MANAGEMENT_MODES[(i + Math.floor(i / 4)) % MANAGEMENT_MODES.length];
      const n = await seedCompound(tx, r, cipher, { index: i + 1, community, type, mode, ownerPool });
      householdCount += n.households;
      compoundCount++;
      if (mode === 'professional' || mode === 'quasi') {
        const start = `${r.int(2023, 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-01`;
        await tx.insert(projects).values({
          companyId: companyRows[i % companyRows.length].id,
          compoundId: n.compoundId,
          regionCode: community,
          startDate: start,
          endDate: `${Number(start.slice(0, 4)) + r.int(4, 6)}-${start.slice(5)}`,
          feeFenPerM2Month: r.pick([50, 60, 80, 100, 120, 150]),
          serviceLevel: r.int(1, 5),
          contractFilingNo: `BTWY-${start.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
          contractFilingDate: start,
          managerName: chineseName(r),
          managerPhone: mobile(r),
          managerFilingNo: `XMJL-${String(1000 + i)}`,
        });
      }
    }

    const accounts = [
      { username: 'city', name: '市住建局管理员', role: 'city_admin' as const, regionCode: CITY.code },
      { username: 'party', name: '市委组织部党建办', role: 'party_staff' as const, regionCode: CITY.code },
      ...districtList.map((d) => ({ username: `d${d.code}`, name: `${d.name}住建局`, role: 'district_staff' as const, regionCode: d.code })),
      { username: 'street', name: '沼潭街道办事处', role: 'street_staff' as const, regionCode: '150203001' },
      { username: 'community', name: '沼潭社区居委会', role: 'community_staff' as const, regionCode: '150203001001' },
      { username: 'company', name: '鹿城物业客服', role: 'company_staff' as const, regionCode: null, companyId: companyRows[0].id },
    ];
    const hashes = await Promise.all(accounts.map(() => hashPassword(opts.demoPassword)));
    await tx.insert(users).values(accounts.map((a, i) => ({ ...a, passwordHash: hashes[i], demo: true })));
    await seedCommittees(tx, r);
    await seedFund(tx, r);
    await seedParty(tx, cipher);
    await seedWorkforce(tx, cipher);
    await seedQualityLevels(tx, r);
    await seedRenewalAreas(tx);
    await seedRenewalSurveys(tx);
    await seedWorkflows(tx);
    await seedTickets(tx);
    await seedNotifications(tx);
    await seedFees(tx);
    await seedSupervisionInspections(tx);
    await seedCreditBlacklist(tx);
    await seedCredit(tx);
    await seedSupervisionSurveys(tx);
    await seedJobs(tx);
    return { compounds: compoundCount, households: householdCount };
  });
}

async function seedCompound(
  tx: Tx,
  r: Random,
  cipher: ReturnType<typeof createPersonalDataCipher>,
  c: { index: number; community: string; type: CompoundType; mode: ManagementMode; ownerPool: number[] },
) {
  const code = `BT${String(c.index).padStart(4, '0')}`;
  const old = c.type === 'old' || c.type === 'resettlement';
  const buildingTotal = c.type === 'single_building' ? 1 : r.int(3, 6);
  const floors = old ? r.int(5, 7) : r.pick([6, 11, 18]);
  const unitsPerBuilding = c.type === 'single_building' ? 3 : r.int(1, 3);
  const roomsPerFloor = 2;
  const [compound] = await tx
    .insert(compounds)
    .values({
      code,
      name: `${r.pick(COMPOUND_NAMES)}${r.pick(SUFFIXES)}${c.index > 20 ? c.index : ''}`,
      regionCode: c.community,
      address: `包头市${r.pick(['钢铁大街', '民族东路', '阿尔丁大街', '建设路', '巴彦塔拉大街', '青年路', '友谊大街', '黄河大街'])}${r.int(1, 300)}号`,
      lat: (40.55 + r.next() * 0.15).toFixed(6),
      lng: (109.75 + r.next() * 0.35).toFixed(6),
      totalArea: '0',
      buildYear: old ? r.int(1985, 2000) : r.int(2001, 2022),
      type: c.type,
      managementMode: c.mode,
      facilitiesComplete: !old || r.chance(0.4),
    })
    .returning({ id: compounds.id });

  const buildingRows = await tx
    .insert(buildings)
    .values(Array.from({ length: buildingTotal }, (_, b) => ({ compoundId: compound.id, regionCode: c.community, name: `${b + 1}号楼`, floors })))
    .returning({ id: buildings.id });
  const unitValues = buildingRows.flatMap((b) =>
    Array.from({ length: unitsPerBuilding }, (_, u) => ({ buildingId: b.id, compoundId: compound.id, regionCode: c.community, name: `${u + 1}单元` })),
  );
  const unitRows = await tx.insert(units).values(unitValues).returning({ id: units.id, buildingId: units.buildingId });

  // Owners: most homes have their own owner; some owners hold several homes; commodity compounds keep some unsold.
  const homes: { unitId: number; buildingId: number; room: string; areaCenti: number; unsold: boolean; ownerIndex: number | null; reuseOwner?: number }[] = [];
  const newOwners: { name: string; phone: string; idNumber: string }[] = [];
  for (const u of unitRows) {
    for (let f = 1; f <= floors; f++) {
      for (let k = 1; k <= roomsPerFloor; k++) {
        const room = `${f}${String(k).padStart(2, '0')}`;
        const areaCenti = r.int(old ? 4500 : 7000, old ? 9000 : 18000);
        const unsold = c.type === 'commodity' && r.chance(0.04);
        if (unsold) {
          homes.push({ unitId: u.id, buildingId: u.buildingId, room, areaCenti, unsold, ownerIndex: null });
        } else if (c.ownerPool.length > 0 && r.chance(0.04)) {
          homes.push({ unitId: u.id, buildingId: u.buildingId, room, areaCenti, unsold, ownerIndex: null, reuseOwner: r.pick(c.ownerPool) });
        } else if (newOwners.length > 0 && r.chance(0.03)) {
          homes.push({ unitId: u.id, buildingId: u.buildingId, room, areaCenti, unsold, ownerIndex: r.int(0, newOwners.length - 1) });
        } else {
          newOwners.push({ name: chineseName(r), phone: mobile(r), idNumber: idNumber(r, c.community.slice(0, 6)) });
          homes.push({ unitId: u.id, buildingId: u.buildingId, room, areaCenti, unsold, ownerIndex: newOwners.length - 1 });
        }
      }
    }
  }
  const ownerRows = newOwners.length
    ? await tx
        .insert(owners)
        .values(newOwners.map((o) => ({ name: o.name, regionCode: c.community, ...personalColumns(cipher, o.phone, o.idNumber) })))
        .returning({ id: owners.id })
    : [];
  for (let i = 0; i < ownerRows.length; i += 17) c.ownerPool.push(ownerRows[i].id);

  for (let i = 0; i < homes.length; i += 1000) {
    await tx.insert(households).values(
      homes.slice(i, i + 1000).map((h) => ({
        compoundId: compound.id,
        buildingId: h.buildingId,
        unitId: h.unitId,
        regionCode: c.community,
        room: h.room,
        area: (h.areaCenti / 100).toFixed(2),
        areaBasis: r.pick(['registered', 'registered', 'registered', 'surveyed', 'contract'] as const),
        ownerId: h.unsold ? null : (h.reuseOwner ?? ownerRows[h.ownerIndex!].id),
        developerUnsold: h.unsold,
      })),
    );
  }
  const totalCenti = homes.reduce((s, h) => s + h.areaCenti, 0);
  await tx
    .update(compounds)
    .set({ totalArea: (Math.round(totalCenti * 1.15) / 100).toFixed(2) })
    .where(eq(compounds.id, compound.id));
  return { compoundId: compound.id, households: homes.length };
}
