// Times a person reads are Beijing time whatever the device's clock (issue 16 §3): the platform's
// deadlines, notices and audit trail are all kept in Beijing time (UTC+8, no daylight saving).

export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A timestamp as the API or PostgreSQL writes it — ISO "2026-12-07T15:18:06.334Z" or the text form
 * "2026-12-07 15:18:06.334+00" — as a Date; null for anything else (a bare date "2025-07-01"
 * included: a day has no time zone). A timestamp without an offset is taken as UTC, as the API sends.
 */
export function parseTimestamp(value: string): Date | null {
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  let zone = m[3] ?? 'Z';
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const d = new Date(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: BEIJING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-07 23:18:06" (Beijing time) for a Date; seconds left off when `seconds` is false. */
export function formatBeijing(d: Date, seconds = true): string {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** "20261207" (Beijing date), for file names. */
export function beijingDateStamp(d: Date = new Date()): string {
  return formatBeijing(d).slice(0, 10).replace(/-/g, '');
}

type LocaleMethod = 'toLocaleString' | 'toLocaleDateString' | 'toLocaleTimeString';

/**
 * Makes Beijing time the default zone of every date display in the console: Date's toLocale*String
 * (which react-admin's DateField and our own labels call) and Intl.DateTimeFormat, when the caller
 * names no timeZone. Called once at start-up, before anything renders.
 */
export function defaultToBeijingTime(): void {
  const proto = Date.prototype as unknown as Record<LocaleMethod, (l?: unknown, o?: Intl.DateTimeFormatOptions) => string> & { __beijing?: true };
  if (proto.__beijing) return;
  proto.__beijing = true;
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) {
    const original = proto[name];
    proto[name] = function (this: Date, locales?: unknown, options?: Intl.DateTimeFormatOptions) {
      return original.call(this, locales, { ...options, timeZone: options?.timeZone ?? BEIJING_TIME_ZONE });
    };
  }
  const Original = Intl.DateTimeFormat;
  const Patched = function (this: unknown, locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    return new Original(locales, { ...options, timeZone: options?.timeZone ?? BEIJING_TIME_ZONE });
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(Patched, { supportedLocalesOf: Original.supportedLocalesOf.bind(Original) });
  Object.defineProperty(Patched, 'prototype', { value: Original.prototype });
  Intl.DateTimeFormat = Patched;
}
