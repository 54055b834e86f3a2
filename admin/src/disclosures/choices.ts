// Chinese labels for the disclosure enums, from @baotou/shared.
import { DISCLOSURE_KIND_LABELS, DISCLOSURE_STATUS_LABELS, FLAG_STATUS_LABELS, STATEMENT_KINDS as SHARED_STATEMENT_KINDS } from '@baotou/shared';
import { toChoices } from '../committees/choices';

export const disclosureKindLabels: Record<string, string> = DISCLOSURE_KIND_LABELS;
export const disclosureStatusLabels: Record<string, string> = DISCLOSURE_STATUS_LABELS;
export const flagStatusLabels: Record<string, string> = FLAG_STATUS_LABELS;
export const STATEMENT_KINDS = new Set<string>(SHARED_STATEMENT_KINDS);

export const disclosureKindChoices = toChoices(disclosureKindLabels);
export const disclosureStatusChoices = toChoices(disclosureStatusLabels);
export const flagStatusChoices = toChoices(flagStatusLabels);

/** A flag's `line` (`income:0`, `expense:2`, `opening`, `closing`, `body`) in words. */
export const flagLineLabel = (line: string | null | undefined): string => {
  if (!line) return '—';
  const [part, index] = line.split(':');
  const n = Number(index) + 1;
  if (part === 'income') return `收入第 ${n} 行`;
  if (part === 'expense') return `支出第 ${n} 行`;
  if (part === 'opening') return '期初余额';
  if (part === 'closing') return '期末余额';
  if (part === 'body') return '正文';
  return line;
};
