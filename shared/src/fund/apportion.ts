/**
 * Largest-remainder apportionment of an amount in fen (DOMAIN.md §3: cost sharing by exclusive
 * area; earnings by balance). Each share gets floor(total × weight / Σweight); the fen left over
 * go one each to the largest remainders, ties to the earlier share in input order. The shares sum
 * exactly to the total. Arithmetic is BigInt throughout, so totals beyond 2^53 fen are exact.
 */
export interface WeightedShare<Id> {
  id: Id;
  weight: number | bigint;
}

export function apportionFen<Id>(totalFen: number, shares: readonly WeightedShare<Id>[]): { id: Id; fen: number }[];
export function apportionFen<Id>(totalFen: bigint, shares: readonly WeightedShare<Id>[]): { id: Id; fen: bigint }[];
export function apportionFen<Id>(totalFen: number | bigint, shares: readonly WeightedShare<Id>[]): { id: Id; fen: number | bigint }[] {
  if (typeof totalFen === 'number' && !Number.isSafeInteger(totalFen)) {
    throw new RangeError('金额必须是安全整数（分）；超过 2^53 分请以 BigInt 传入');
  }
  const total = BigInt(totalFen);
  if (total < 0n) throw new RangeError('分摊金额不能为负数');
  if (shares.length === 0) throw new RangeError('分摊对象不能为空');
  const weights = shares.map((s) => {
    if (typeof s.weight === 'number' && !Number.isSafeInteger(s.weight)) throw new RangeError(`权重必须是整数: ${s.id}`);
    const w = BigInt(s.weight);
    if (w < 0n) throw new RangeError(`权重不能为负数: ${s.id}`);
    return w;
  });
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new RangeError('权重合计为零，无法分摊');

  const floors = weights.map((w) => (total * w) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % weightSum }));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  // Largest remainder first; equal remainders keep input order (stable sort).
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  const asNumber = typeof totalFen === 'number';
  return shares.map((s, i) => ({ id: s.id, fen: asNumber ? Number(floors[i]) : floors[i] }));
}
