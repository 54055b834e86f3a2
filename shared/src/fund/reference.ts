// What a fund journal's reference (fund_batches/fund_entries.reference, written by the server's
// posting services) says to a person (issue 16 §3: "seed-earnings", "application:1" were shown as
// they are stored). DOMAIN.md §4 (maintenance fund): every posting names the business it records.

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^application:(\d+)$/, (m) => `维修资金使用申请 #${m[1]}`],
  [/^earnings:(\d{4}-\d{2}-\d{2})$/, (m) => `增值收益分配（截至 ${m[1]}）`],
  [/^reverse:(\d+)$/, (m) => `冲正记账凭证 #${m[1]}`],
  [/^refund:(\d+)$/, (m) => `房屋 #${m[1]} 拆迁退还`],
  [/^pay:(.+)$/, (m) => `线上交存（支付流水号 ${m[1]}）`],
];

const FIXED: Record<string, string> = {
  seed: '建账时导入的历史交存',
  'seed-repair': '建账时导入的历史维修支出',
  'seed-earnings': '建账时导入的历史增值收益',
};

/**
 * A journal reference as Chinese, e.g. "application:12" → "维修资金使用申请 #12",
 * "earnings:2025-12-31" → "增值收益分配（截至 2025-12-31）", null/'' → "—". A reference typed by
 * staff (a bank slip number) is shown as typed. Never throws: references are free text.
 */
export function fundReferenceText(reference: string | null | undefined): string {
  if (reference === null || reference === undefined || reference.trim() === '') return '—';
  if (Object.prototype.hasOwnProperty.call(FIXED, reference)) return FIXED[reference];
  for (const [re, text] of PATTERNS) {
    const m = re.exec(reference);
    if (m) return text(m);
  }
  return reference;
}

/** A home as people name it: "绿都家园 1号楼1单元101"; parts missing are left out. */
export function homeName(h: { compoundName?: string | null; buildingName?: string | null; unitName?: string | null; room?: string | null }): string {
  const inCompound = `${h.buildingName ?? ''}${h.unitName ?? ''}${h.room ?? ''}`;
  return [h.compoundName, inCompound].filter((s) => s && s.trim() !== '').join(' ') || '—';
}
