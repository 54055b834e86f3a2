import { z } from 'zod';
import type { TimeLimit, TimeLimitTable } from '@baotou/shared';

/**
 * Ticket settings (DOMAIN.md §6: "Time limits are settings"). Defaults below; `TICKET_TIME_LIMITS`
 * may override any part as JSON, e.g. {"byCategory":{"elevator":{"company":{"responseMinutes":15}}}}.
 */
export interface TicketSettings {
  timeLimits: TimeLimitTable;
  /** How often the server's scheduler moves overdue cases up a level (and confirms waiting ones). */
  escalationIntervalSeconds: number;
  /** DOMAIN.md §6: days a resolved case waits for its resident before it is confirmed automatically. */
  autoConfirmDays: number;
  /** WeChat subscribe-message template for ticket progress. */
  wechatTemplateId: string;
}

const HOUR = 60;
const DAY = 24 * HOUR;
const limit = (responseMinutes: number, completionMinutes: number): TimeLimit => ({ responseMinutes, completionMinutes });
const mediation = { company: limit(4 * HOUR, 3 * DAY), community: limit(DAY, 3 * DAY), street: limit(DAY, 7 * DAY), district: limit(2 * DAY, 15 * DAY) };

/** Local choices, not law: a repair answered within 2 h and done within a day; cases mediated within 3 / 7 / 15 days. */
export const DEFAULT_TIME_LIMITS: TimeLimitTable = {
  byKind: {
    repair: { ...mediation, company: limit(2 * HOUR, DAY) },
    complaint: mediation,
    dispute: { ...mediation, community: limit(DAY, 5 * DAY), street: limit(2 * DAY, 10 * DAY), district: limit(3 * DAY, 20 * DAY) },
  },
  byCategory: {
    // A stuck lift or a cold home in a Baotou winter cannot wait for the default.
    elevator: { company: limit(30, 8 * HOUR) },
    heating: { company: limit(HOUR, 12 * HOUR) },
  },
};

const minutes = z
  .number()
  .int()
  .positive()
  .max(366 * DAY);
const partialLimit = z.strictObject({ responseMinutes: minutes.optional(), completionMinutes: minutes.optional() });
const override = z.strictObject({
  byKind: z.record(z.string(), z.record(z.string(), partialLimit)).optional(),
  byCategory: z.record(z.string(), z.record(z.string(), partialLimit)).optional(),
});

function mergeLimits(raw: string | undefined): TimeLimitTable {
  const table: TimeLimitTable = JSON.parse(JSON.stringify(DEFAULT_TIME_LIMITS));
  if (!raw) return table;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('配置错误: TICKET_TIME_LIMITS 不是有效的JSON');
  }
  const parsed = override.safeParse(json);
  if (!parsed.success) throw new Error(`配置错误: TICKET_TIME_LIMITS ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const [kind, levels] of Object.entries(parsed.data.byKind ?? {})) {
    const k = (table.byKind as Record<string, Record<string, TimeLimit>>)[kind];
    if (!k) throw new Error(`配置错误: TICKET_TIME_LIMITS 未知类型 ${kind}`);
    for (const [level, l] of Object.entries(levels)) {
      if (!k[level]) throw new Error(`配置错误: TICKET_TIME_LIMITS 未知层级 ${level}`);
      k[level] = { ...k[level], ...l } as TimeLimit;
    }
  }
  for (const [category, levels] of Object.entries(parsed.data.byCategory ?? {})) {
    const c = ((table.byCategory as Record<string, Record<string, TimeLimit>>)[category] ??= {});
    for (const [level, l] of Object.entries(levels)) {
      if (!['company', 'community', 'street', 'district'].includes(level)) throw new Error(`配置错误: TICKET_TIME_LIMITS 未知层级 ${level}`);
      if (!c[level] && (l.responseMinutes === undefined || l.completionMinutes === undefined)) {
        throw new Error(`配置错误: TICKET_TIME_LIMITS ${category}.${level} 须同时给出 responseMinutes 与 completionMinutes`);
      }
      c[level] = { ...c[level], ...l } as TimeLimit;
    }
  }
  return table;
}

export const ticketEnvSchema = {
  TICKET_TIME_LIMITS: z.string().optional(),
  TICKET_ESCALATION_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86400).default(300),
  TICKET_AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  WECHAT_TICKET_TEMPLATE_ID: z.string().default('ticket-progress-template'),
};

export function ticketSettings(e: {
  TICKET_TIME_LIMITS?: string;
  TICKET_ESCALATION_INTERVAL_SECONDS: number;
  TICKET_AUTO_CONFIRM_DAYS: number;
  WECHAT_TICKET_TEMPLATE_ID: string;
}): TicketSettings {
  return {
    timeLimits: mergeLimits(e.TICKET_TIME_LIMITS),
    escalationIntervalSeconds: e.TICKET_ESCALATION_INTERVAL_SECONDS,
    autoConfirmDays: e.TICKET_AUTO_CONFIRM_DAYS,
    wechatTemplateId: e.WECHAT_TICKET_TEMPLATE_ID,
  };
}
