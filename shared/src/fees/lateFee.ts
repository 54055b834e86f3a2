/**
 * Research §6 rule 2: a late-payment penalty exists only where the project's contract sets a rate
 * (off by default) and never above the cap (setting FEES_LATE_FEE_MAX_BP_PER_MONTH; courts cut
 * penalties above about LPR × 1.3). Nothing here or anywhere cuts water, power, heating, gas,
 * lifts or access (Civil Code Art. 944): there is no such step to configure.
 *
 * @param input.owedFen unpaid fen of the bill (≥ 0)
 * @param input.rateBpPerMonth the contract's rate in basis points per whole month late, or null (none)
 * @param input.monthsLate whole months past due (≥ 0)
 * @param input.capBpPerMonth the setting's cap; a rate above it is refused
 * @returns penalty fen, half-up once; 0 when the contract sets no rate
 */
export function lateFeeFen(input: { owedFen: number; rateBpPerMonth: number | null; monthsLate: number; capBpPerMonth: number }): number {
  const { owedFen, rateBpPerMonth, monthsLate, capBpPerMonth } = input;
  for (const [k, v] of [
    ['owedFen', owedFen],
    ['monthsLate', monthsLate],
    ['capBpPerMonth', capBpPerMonth],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`lateFeeFen: ${k} must be a non-negative integer, got ${JSON.stringify(v)}`);
  }
  if (rateBpPerMonth === null) return 0;
  if (!Number.isSafeInteger(rateBpPerMonth) || rateBpPerMonth < 0)
    throw new RangeError(`lateFeeFen: rate must be a non-negative integer, got ${JSON.stringify(rateBpPerMonth)}`);
  if (rateBpPerMonth > capBpPerMonth) throw new RangeError(`lateFeeFen: rate ${rateBpPerMonth} bp above the cap ${capBpPerMonth} bp`);
  const p = BigInt(owedFen) * BigInt(rateBpPerMonth) * BigInt(monthsLate);
  return Number((p * 2n + 10_000n) / 20_000n);
}
