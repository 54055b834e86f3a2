import { DISCLOSURE_KIND_LABELS, type DisclosureKind } from '@baotou/shared/src/disclosures/enums';
import type { Statement } from '@baotou/shared/src/disclosures/statement';

import { request } from './request';
import { listQuery } from './votes';

// Committee and street disclosures (docs/API.md, issue 3). Money is integer fen.

export type { Statement, StatementLine } from '@baotou/shared/src/disclosures/statement';

// Kinds and their labels are @baotou/shared's, so a new kind is never shown with an empty badge (issue 16 §2).
export type { DisclosureKind } from '@baotou/shared/src/disclosures/enums';

export interface Disclosure {
  id: number;
  compoundId: number;
  compoundName: string;
  committeeId: number | null;
  kind: DisclosureKind;
  title: string;
  body: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  statement: Statement | null;
  attachments: { name: string; url: string }[];
  status: 'draft' | 'published' | 'revoked';
  version: number;
  correctsId: number | null;
  supersededById: number | null;
  current: boolean;
  dueDate: string | null;
  targetId: number | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface NewDisclosure {
  compoundId: number;
  kind: DisclosureKind;
  title: string;
  body?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  statement?: Statement | null;
  /** Uploads the author made (POST /api/uploads), as {name, url: "/api/uploads/<id>"}. */
  attachments?: { name: string; url: string }[];
}

export interface DisclosureFlag {
  id: number;
  disclosureId: number;
  line: string;
  comment: string;
  status: 'open' | 'answered';
  answer: string | null;
  createdAt: string;
}

export function listDisclosures(compoundId: number, kind?: DisclosureKind): Promise<Disclosure[]> {
  // Drafts are the committee's own; published and revoked ones are what residents see.
  const filter: Record<string, unknown> = { compoundId };
  if (kind) filter.kind = kind;
  return request(`/disclosures?${listQuery(filter, ['publishedAt', 'DESC'], 100)}`);
}

export function getDisclosure(id: number): Promise<Disclosure> {
  return request(`/disclosures/${id}`);
}

/** Committee members: a draft, then published; published disclosures are never edited. */
export async function publishDisclosure(input: NewDisclosure): Promise<Disclosure> {
  const draft = await request<Disclosure>('/disclosures', { method: 'POST', data: input, loading: '提交中' });
  return request<Disclosure>(`/disclosures/${draft.id}/publish`, { method: 'POST', loading: '发布中' });
}

/** Committee members: a corrected version of a current disclosure; both versions stay visible. */
export function correctDisclosure(id: number, input: NewDisclosure): Promise<Disclosure> {
  return request(`/disclosures/${id}/correct`, { method: 'POST', data: input, loading: '发布中' });
}

export function flagLine(input: { disclosureId: number; line: string; comment: string }): Promise<DisclosureFlag> {
  return request('/disclosure-flags', { method: 'POST', data: input, loading: '提交中' });
}

/** Committee members answer a 纠错 flag on their compound's disclosure. */
export function answerFlag(id: number, answer: string): Promise<DisclosureFlag> {
  return request(`/disclosure-flags/${id}/answer`, { method: 'POST', data: { answer }, loading: '提交中' });
}

export function listFlags(disclosureId: number): Promise<DisclosureFlag[]> {
  return request(`/disclosure-flags?${listQuery({ disclosureId }, ['createdAt', 'DESC'])}`, { loading: false, toast: false });
}

// Yuan typed and shown by the one rule the console uses too (shared/src/fund/money.ts).
export { formatYuan, parseYuan } from '@baotou/shared/src/fund/money';

// Totals and running balances by the rule the API checks (shared/src/disclosures/statement.ts).
export { statementTotals } from '@baotou/shared/src/disclosures/statement';

export const DISCLOSURE_KIND_LABEL: Record<DisclosureKind, string> = DISCLOSURE_KIND_LABELS;

export const STATEMENT_KINDS: DisclosureKind[] = ['fund_statement', 'income_statement'];

/**
 * "2026-11-26 19:34" in Beijing time whatever the phone's clock (issue 16 §3): UTC+8 has no
 * daylight saving, so the offset is added and the UTC fields read (weapp's Intl has no time zones).
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 8 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
