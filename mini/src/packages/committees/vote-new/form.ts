export interface VoteDraft {
  title: string;
  matter: string;
  scopeType: 'compound' | 'buildings' | 'units';
  scopeIds: number[];
  closeDate: string;
  closeTime: string;
}

const p = (n: number) => String(n).padStart(2, '0');
export const isoDay = (d: Date) => `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;

/** Baotou keeps China Standard Time all year: the closing time is sent with +08:00. */
export const closesAtIso = (d: VoteDraft) => `${d.closeDate}T${d.closeTime}:00+08:00`;

/** Field → Chinese message; empty when the vote can be started. */
export function validateVote(d: VoteDraft, now: Date): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.title.trim()) e.title = '请填写表决事项';
  else if (d.title.trim().length > 100) e.title = '表决事项不能超过100字';
  if (!d.matter) e.matter = '请选择事项类别';
  if (d.scopeType !== 'compound' && d.scopeIds.length === 0) e.scopeIds = d.scopeType === 'buildings' ? '请选择参与表决的楼栋' : '请选择参与表决的单元';
  if (!d.closeDate || !d.closeTime) e.closesAt = '请选择截止时间';
  else if (new Date(closesAtIso(d)).getTime() <= now.getTime()) e.closesAt = '截止时间须晚于现在';
  return e;
}
