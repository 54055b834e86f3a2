/** One bar: a region (district, street…) and its value in the unit the caller chose. */
export type DistrictBar = { code: string; name: string; value: number };

export type DistrictBarsProps = {
  rows: DistrictBar[];
  /** Legend and tooltip label of the bars, in Chinese. */
  valueLabel: string;
  /** Optional target drawn as a dashed horizontal line (same unit as the values). */
  target?: number | null;
  targetLabel?: string;
  height?: number;
  /** Tooltip formatting of a value (e.g. fen → 元, basis points → %); default zh-CN number. */
  format?: (value: number) => string;
};

/** One point per year. */
export type TrendPoint = { year: number; value: number };

export type TrendLineProps = {
  points: TrendPoint[];
  valueLabel: string;
  height?: number;
  format?: (value: number) => string;
};
