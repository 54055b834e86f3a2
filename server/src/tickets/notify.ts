import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import { LEVEL_HANDLER_ROLES, TICKET_CATEGORY_LABELS, TICKET_KIND_LABELS, TICKET_LEVEL_LABELS, TICKET_STATUS_LABELS, type TicketCategory, type TicketKind, type TicketLevel, type TicketStatus } from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';

export interface NotifiedTicket {
  id: number;
  kind: TicketKind;
  category: TicketCategory;
  status: TicketStatus;
  level: TicketLevel;
  residentId: number | null;
  companyId: number | null;
  regionCode: string;
  streetCode: string;
  districtCode: string;
}

/** Status labels longer than a WeChat phrase (≤ 5 characters), said short rather than clipped. */
const PHRASE: Partial<Record<TicketStatus, string>> = { confirmed: '已确认' };

/** WeChat limits: thing ≤ 20 characters, phrase ≤ 5. */
const clip = (s: string, n: number) => (Array.from(s).length > n ? Array.from(s).slice(0, n - 1).join('') + '…' : s);
const pad = (n: number) => String(n).padStart(2, '0');
function beijingTime(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/**
 * Subscribe messages (订阅消息) at each step, through WeChat's API at the configured base URL.
 * Sending happens after the change is committed and never fails the user's action: errors are
 * logged. The access token is cached until shortly before it expires.
 */
export function createTicketNotifier(config: Config, db: DbOrTx, log: (msg: string) => void = (m) => console.warn(m)) {
  const { apiBase, appId, secret } = config.wechat;
  let token: { value: string; expiresAt: number } | undefined;
  let fetching: Promise<string> | undefined;
  const inFlight = new Set<Promise<void>>();

  async function accessToken(force = false): Promise<string> {
    if (!force && token && token.expiresAt > Date.now()) return token.value;
    fetching ??= (async () => {
      const url = new URL(`${apiBase}/cgi-bin/token`);
      url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret }).toString();
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
      if (!body.access_token) throw new Error(`access_token: ${body.errcode} ${body.errmsg}`);
      // Renew five minutes early: WeChat tokens live 7200 s.
      token = { value: body.access_token, expiresAt: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
      return token.value;
    })().finally(() => {
      fetching = undefined;
    });
    return fetching;
  }

  async function sendOne(openid: string, t: NotifiedTicket, note: string, at: Date): Promise<void> {
    const payload = {
      touser: openid,
      template_id: config.tickets.wechatTemplateId,
      page: `packages/tickets/detail/index?id=${t.id}`,
      miniprogram_state: config.env === 'production' ? 'formal' : 'developer',
      lang: 'zh_CN',
      data: {
        character_string1: { value: `T${t.id}` },
        thing2: { value: clip(`${TICKET_KIND_LABELS[t.kind]}·${TICKET_CATEGORY_LABELS[t.category]}`, 20) },
        phrase3: { value: PHRASE[t.status] ?? clip(TICKET_STATUS_LABELS[t.status], 5) },
        time4: { value: beijingTime(at) },
        thing5: { value: clip(note, 20) },
      },
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const url = `${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken(attempt > 0))}`;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { errcode?: number; errmsg?: string };
      // 40001 / 42001: the token was revoked or expired early; fetch a new one once.
      if ((body.errcode === 40001 || body.errcode === 42001) && attempt === 0) continue;
      if (body.errcode) throw new Error(`subscribe/send ${body.errcode} ${body.errmsg}`);
      return;
    }
  }

  function track(work: () => Promise<void>): void {
    const p = work().catch((err) => log(`微信订阅消息发送失败: ${(err as Error).message}`));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  async function openidsOf(where: SQL): Promise<string[]> {
    const rows = await db.select({ openid: users.openid }).from(users).where(and(where, isNotNull(users.openid), eq(users.disabled, false)));
    return rows.map((r) => r.openid!).filter(Boolean);
  }
  // Staff of a level change rarely: their WeChat ids are looked up at most once a minute per place.
  const staffCache = new Map<string, { at: number; openids: Promise<string[]> }>();
  function staffOpenids(key: string, where: SQL): Promise<string[]> {
    const hit = staffCache.get(key);
    if (hit && Date.now() - hit.at < 60_000) return hit.openids;
    const openids = openidsOf(where);
    staffCache.set(key, { at: Date.now(), openids });
    openids.catch(() => staffCache.delete(key));
    return openids;
  }

  return {
    /** The resident hears of each step of their case. */
    step(t: NotifiedTicket, note: string, at = new Date()): void {
      if (!t.residentId) return;
      track(async () => {
        for (const openid of await openidsOf(eq(users.id, t.residentId!))) await sendOne(openid, t, note, at);
      });
    },
    /** Staff at the level a case has moved to hear of it (those who linked WeChat). */
    level(t: NotifiedTicket, level: TicketLevel, note: string, at = new Date()): void {
      track(async () => {
        const roles = LEVEL_HANDLER_ROLES[level].filter((r) => r !== 'city_admin');
        const code = level === 'community' ? t.regionCode : level === 'street' ? t.streetCode : level === 'district' ? t.districtCode : null;
        const where = level === 'company' ? (t.companyId ? and(eq(users.role, 'company_staff'), eq(users.companyId, t.companyId)) : undefined) : code ? and(inArray(users.role, roles as never[]), eq(users.regionCode, code)) : undefined;
        if (!where) return;
        for (const openid of await staffOpenids(`${level}:${level === 'company' ? t.companyId : code}`, where)) await sendOne(openid, t, clip(`${TICKET_LEVEL_LABELS[level]}待受理: ${note}`, 20), at);
      });
    },
    /** Resolves when every message sent so far has been answered (tests, shutdown). */
    async settled(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
export type TicketNotifier = ReturnType<typeof createTicketNotifier>;
