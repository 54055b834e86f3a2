// Pure rules of the paper / door-to-door ballot form (checked in node by the browser journey's tests).

export type EntryChannel = 'paper' | 'door';
export type Choice = 'agree' | 'disagree' | 'abstain';

export interface BallotDraft {
  channel: EntryChannel;
  householdId: number | null;
  choice: Choice | null;
  scanUrl: string | null;
}

export interface ScopeBuilding {
  id: number;
  name: string;
  units: { id: number; name: string }[];
}

/** Field → Chinese message; empty when the ballot can be sent. Paper and door ballots need a scan (DOMAIN.md §1; issue 9 §5). */
export function validateBallot(d: BallotDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.householdId) e.householdId = '请选择房屋';
  if (!d.choice) e.choice = '请选择同意、反对或弃权';
  if (!d.scanUrl) e.scanUrl = d.channel === 'paper' ? '请上传纸质选票扫描件' : '请上传入户表决票扫描件';
  return e;
}

/** Only the buildings and units inside the vote's scope can be picked. */
export function buildingsInScope<B extends ScopeBuilding>(buildings: B[], vote: { scopeType: 'compound' | 'buildings' | 'units'; scopeIds: number[] }): B[] {
  if (vote.scopeType === 'compound') return buildings;
  const ids = new Set(vote.scopeIds);
  if (vote.scopeType === 'buildings') return buildings.filter((b) => ids.has(b.id));
  return buildings.map((b) => ({ ...b, units: b.units.filter((u) => ids.has(u.id)) })).filter((b) => b.units.length > 0);
}

/** The body of POST /api/votes/:id/ballots: every entered ballot carries its scan. */
export function ballotBody(d: BallotDraft): { householdId: number; choice: Choice; channel: EntryChannel; scanUrl: string } {
  return { householdId: d.householdId!, choice: d.choice!, channel: d.channel, scanUrl: d.scanUrl! };
}
