/**
 * DOMAIN.md votes, "Heads" (Civil Code Art. 278): a home flagged 开发商未售 (developerUnsold) counts
 * as the developer's. A home registered to an owner who is not the developer has been sold, so it
 * cannot carry the flag.
 *
 * @param developerUnsold the flag as it would be stored
 * @param owner the home's registered owner as it would be stored (null: none)
 * @returns the Chinese reason the combination is refused, or undefined when it is allowed
 */
export function unsoldFlagProblem(developerUnsold: boolean, owner: { developer: boolean } | null): string | undefined {
  if (typeof developerUnsold !== 'boolean') throw new Error(`unsoldFlagProblem: boolean expected, got ${JSON.stringify(developerUnsold)}`);
  if (developerUnsold && owner && !owner.developer) return '该房屋已登记业主（非开发商），不能标记为开发商未售';
  return undefined;
}
