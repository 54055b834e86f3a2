// How the field-staff queue reads: time left and the wait for the resident (display only).

/**
 * After the work is done the case waits for the resident (DOMAIN.md §6; shared TICKET_TRANSITIONS:
 * only the resident, or the automatic confirmation, moves 待评价 on, and only then may it close).
 * What field staff are told about that wait; empty while the work is theirs or the case is closed.
 */
export function residentStepText(t: { status: string; autoConfirmAt?: string | null }, when: (iso: string) => string): string {
  if (t.status === 'resolved') return t.autoConfirmAt ? `等待居民评价，${when(t.autoConfirmAt)}前未评价将自动确认` : '等待居民评价';
  if (t.status === 'confirmed') return '居民已确认，待结案';
  return '';
}

/** "剩余 2 天 3 小时" / "剩余 45 分钟" / "已超时 1 小时 5 分钟"; empty when nothing is due. */
export function timeLeftText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const abs = Math.abs(seconds);
  const d = Math.floor(abs / 86400);
  const h = Math.floor((abs % 86400) / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const span = d > 0 ? `${d} 天 ${h} 小时` : h > 0 ? `${h} 小时 ${m} 分钟` : `${m} 分钟`;
  return seconds < 0 ? `已超时 ${span}` : `剩余 ${span}`;
}

/** The queue order: least time left first (overdue at the top), then oldest; nothing due goes last. */
export function byTimeLeft<T extends { id: number; timeLeftSeconds: number | null }>(a: T, b: T): number {
  const x = a.timeLeftSeconds;
  const y = b.timeLeftSeconds;
  if (x === null && y === null) return a.id - b.id;
  if (x === null) return 1;
  if (y === null) return -1;
  return x - y || a.id - b.id;
}
