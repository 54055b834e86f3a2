import { eq } from 'drizzle-orm';
import { DEFAULT_TIME_LIMITS } from '@baotou/config';
import { currentDueAt, deadlinesFrom, type TicketCategory, type TicketKind, type TicketLevel, type TicketStatus } from '@baotou/shared';
import type { Tx } from '../db/client';
import { compounds, households, projects, ticketEvents, tickets } from '../db/schema';

const HOUR = 3_600_000;

interface Case {
  kind: TicketKind;
  category: TicketCategory;
  level: TicketLevel;
  status: TicketStatus;
  description: string;
  /** Hours ago the case arrived at its level (deadlines count from then). */
  ageHours: number;
  escalations?: number;
  rating?: number;
  channel?: 'mini' | 'hotline' | 'visit';
  /** The neighbouring compound of the same community (closed cases, so BT0001's own history starts empty). */
  next?: true;
}

/** The levels a case climbs, by kind (repairs start with the company, the rest with the community). */
const LEVEL_PATH: Record<TicketKind, TicketLevel[]> = {
  repair: ['company', 'community', 'street', 'district'],
  complaint: ['community', 'street', 'district'],
  dispute: ['community', 'street', 'district'],
};

/** Who acts at each level, for the accepting department shown on the case. */
const DEPARTMENT: Record<TicketLevel, string> = {
  company: '物业服务中心',
  community: '沼潭社区居委会',
  street: '沼潭街道办事处',
  district: '昆都仑区住房和城乡建设局',
};

// Every level and every status, escalated cases and cases waiting on the resident (issue 16 §4).
const CASES: Case[] = [
  { kind: 'repair', category: 'plumbing', level: 'company', status: 'submitted', description: '厨房下水管堵塞，污水倒灌。', ageHours: 1, channel: 'mini' },
  { kind: 'repair', category: 'elevator', level: 'company', status: 'accepted', description: '2号楼电梯运行时有异响。', ageHours: 3 },
  { kind: 'repair', category: 'electrical', level: 'company', status: 'dispatched', description: '楼道声控灯不亮。', ageHours: 5 },
  { kind: 'repair', category: 'door_window', level: 'company', status: 'in_progress', description: '单元门禁无法刷卡开门。', ageHours: 8 },
  { kind: 'repair', category: 'heating', level: 'company', status: 'resolved', description: '卧室暖气片不热。', ageHours: 30 },
  { kind: 'repair', category: 'roof_wall', level: 'company', status: 'confirmed', description: '顶层屋面渗水。', ageHours: 60 },
  { kind: 'repair', category: 'public_facility', level: 'company', status: 'confirmed', description: '小区健身器材松动。', ageHours: 72, rating: 5 },
  { kind: 'repair', category: 'plumbing', level: 'company', status: 'closed', description: '卫生间水管漏水。', ageHours: 120, rating: 4, next: true },
  {
    kind: 'complaint',
    category: 'sanitation',
    level: 'community',
    status: 'submitted',
    description: '垃圾清运不及时，楼下异味大。',
    ageHours: 2,
    channel: 'hotline',
  },
  {
    kind: 'complaint',
    category: 'service_quality',
    level: 'community',
    status: 'accepted',
    description: '物业客服电话长期无人接听。',
    ageHours: 6,
    channel: 'visit',
  },
  { kind: 'dispute', category: 'neighbor', level: 'community', status: 'in_progress', description: '楼上住户夜间噪音扰民。', ageHours: 20 },
  { kind: 'complaint', category: 'fees', level: 'community', status: 'resolved', description: '对物业费收费标准有异议。', ageHours: 40 },
  { kind: 'repair', category: 'elevator', level: 'street', status: 'submitted', description: '电梯故障报修后物业超时未响应。', ageHours: 1, escalations: 1 },
  { kind: 'complaint', category: 'security', level: 'street', status: 'accepted', description: '小区门岗夜间无人值守。', ageHours: 10, escalations: 1 },
  { kind: 'dispute', category: 'parking', level: 'street', status: 'closed', description: '地面停车位被长期占用。', ageHours: 200, escalations: 1, next: true },
  {
    kind: 'complaint',
    category: 'committee_conduct',
    level: 'district',
    status: 'submitted',
    description: '业委会未按规定公示公共收益。',
    ageHours: 2,
    escalations: 2,
  },
  {
    kind: 'dispute',
    category: 'property_service',
    level: 'district',
    status: 'in_progress',
    description: '业主与物业就服务质量长期争议。',
    ageHours: 48,
    escalations: 2,
  },
];

/**
 * Tickets in BT0001 — the demo community's compound, served by the demo company — at every level
 * and status (closed ones in BT0002, the same community's other compound), with a timeline event each, so every queue and the resident's list have cases.
 * Timestamps count back from `now` so the time left shows both running and overdue cases.
 */
export async function seedTickets(tx: Tx, now = new Date()): Promise<void> {
  const place = async (code: string) => {
    const [c] = await tx.select({ id: compounds.id, regionCode: compounds.regionCode }).from(compounds).where(eq(compounds.code, code));
    const [project] = await tx.select({ companyId: projects.companyId }).from(projects).where(eq(projects.compoundId, c.id)).limit(1);
    const homes = await tx.select({ id: households.id }).from(households).where(eq(households.compoundId, c.id)).orderBy(households.id).limit(CASES.length);
    return { ...c, companyId: project?.companyId ?? null, homes };
  };
  const [first, next] = [await place('BT0001'), await place('BT0002')];
  for (const [i, k] of CASES.entries()) {
    const c = k.next ? next : first;
    const entered = new Date(now.getTime() - k.ageHours * HOUR);
    const d = deadlinesFrom(DEFAULT_TIME_LIMITS, k.kind, k.category, k.level, entered);
    const step = (n: number) => new Date(entered.getTime() + n * HOUR);
    const past = (s: TicketStatus) =>
      ['accepted', 'dispatched', 'in_progress', 'resolved', 'confirmed', 'closed'].indexOf(k.status) >=
      ['accepted', 'dispatched', 'in_progress', 'resolved', 'confirmed', 'closed'].indexOf(s);
    const accepted = k.status !== 'submitted';
    const [row] = await tx
      .insert(tickets)
      .values({
        compoundId: c.id,
        regionCode: c.regionCode,
        streetCode: c.regionCode.slice(0, 9),
        districtCode: c.regionCode.slice(0, 6),
        householdId: c.homes[i % c.homes.length].id,
        channel: k.channel ?? 'mini',
        kind: k.kind,
        category: k.category,
        against: k.kind === 'complaint' ? (k.category === 'committee_conduct' ? 'committee' : 'company') : null,
        description: k.description,
        contactName: k.channel && k.channel !== 'mini' ? '来电业主' : null,
        level: k.level,
        status: k.status,
        companyId: c.companyId,
        acceptDepartment: accepted ? DEPARTMENT[k.level] : null,
        acceptPersonName: accepted ? '值班人员' : null,
        acceptedAt: accepted ? step(0.5) : null,
        workerName: k.kind === 'repair' && past('dispatched') ? '王师傅' : null,
        dispatchedAt: k.kind === 'repair' && past('dispatched') ? step(1) : null,
        startedAt: past('in_progress') ? step(2) : null,
        result: past('resolved') ? '已处理完毕，请确认。' : null,
        resolvedAt: past('resolved') ? step(Math.min(20, k.ageHours - 1)) : null,
        confirmedAt: past('confirmed') ? step(Math.min(22, k.ageHours - 0.5)) : null,
        closedAt: k.status === 'closed' ? step(k.ageHours - 0.2) : null,
        rating: k.rating ?? null,
        levelEnteredAt: entered,
        responseDueAt: d.responseDueAt,
        resolveDueAt: d.resolveDueAt,
        dueAt: currentDueAt(k.status, d),
        escalationCount: k.escalations ?? 0,
        overran: (k.escalations ?? 0) > 0,
        createdAt: new Date(entered.getTime() - (k.escalations ?? 0) * 24 * HOUR),
      })
      .returning({ id: tickets.id });
    // Filed at the first level, escalated up to where it is now.
    const path = LEVEL_PATH[k.kind].slice(0, LEVEL_PATH[k.kind].indexOf(k.level) + 1).slice(-((k.escalations ?? 0) + 1));
    await tx.insert(ticketEvents).values([
      {
        ticketId: row.id,
        action: 'create',
        toStatus: 'submitted' as const,
        toLevel: path[0],
        actorName: '业主',
        actorRole: 'resident',
        at: new Date(entered.getTime() - (k.escalations ?? 0) * 24 * HOUR),
      },
      ...path.slice(1).map((level, n) => ({
        ticketId: row.id,
        action: 'escalate',
        fromStatus: 'submitted' as const,
        toStatus: 'submitted' as const,
        fromLevel: path[n],
        toLevel: level,
        actorName: '系统',
        actorRole: 'system',
        note: '超时未受理，自动升级',
        at: new Date(entered.getTime() - (path.length - 2 - n) * 24 * HOUR),
      })),
    ]);
  }
}
