/**
 * Merging a compound into a neighbour's management area (DOMAIN.md §4: a single building merged
 * with its neighbours; research §4 rule 2). Pure: the caller loads both compounds under lock.
 */
export interface MergeSide {
  id: number;
  /** 12-digit community code. */
  regionCode: string;
  retiredAt: Date | string | null;
}

export type MergeRefusal =
  | { code: 'MERGE_INTO_ITSELF'; field: 'targetCompoundId'; message: string }
  | { code: 'MERGE_ACROSS_DISTRICTS'; field: 'targetCompoundId'; message: string }
  | { code: 'COMPOUND_RETIRED'; field: 'targetCompoundId' | null; message: string }
  | { code: 'OPEN_FUND_APPLICATIONS'; field: null; message: string }
  | { code: 'OPEN_VOTES'; field: null; message: string };

/**
 * Why `source` cannot be merged into `target`, or null when it can: not into itself, not across
 * districts (the first 6 digits of the region codes), neither side retired, and the source has no
 * open fund application and no open vote (their money and ballots would straddle two areas).
 */
export function mergeRefusal(source: MergeSide, target: MergeSide, open: { fundApplications: number; votes: number }): MergeRefusal | null {
  if (source.id === target.id) return { code: 'MERGE_INTO_ITSELF', field: 'targetCompoundId', message: '不能合并到小区自身' };
  if (source.retiredAt) return { code: 'COMPOUND_RETIRED', field: null, message: '该小区已并入其他管理区域' };
  if (target.retiredAt) return { code: 'COMPOUND_RETIRED', field: 'targetCompoundId', message: '接收小区已并入其他管理区域，不能再接收' };
  if (source.regionCode.slice(0, 6) !== target.regionCode.slice(0, 6))
    return { code: 'MERGE_ACROSS_DISTRICTS', field: 'targetCompoundId', message: '只能合并到同一区县的小区' };
  if (open.fundApplications > 0) return { code: 'OPEN_FUND_APPLICATIONS', field: null, message: '该小区有未办结的维修资金使用申请，不能合并' };
  if (open.votes > 0) return { code: 'OPEN_VOTES', field: null, message: '该小区有未截止的业主表决，不能合并' };
  return null;
}
