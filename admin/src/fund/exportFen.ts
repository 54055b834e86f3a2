import type { Exporter } from 'react-admin';
import { formatYuan } from './money';

/**
 * Wraps an xlsx exporter so fen columns are written as yuan decimal strings ("1234.50"), which the
 * exporter's `numeric` option then writes as numbers Excel can sum.
 */
export const fenColumns =
  (exporter: Exporter, fields: string[]): Exporter =>
  (records, ...rest) =>
    exporter(
      records.map((r) => {
        const out = { ...r };
        for (const f of fields) if (typeof r[f] === 'number') out[f] = formatYuan(r[f], { grouping: false });
        return out;
      }),
      ...rest,
    );
