// Pure rules of the paper / door-to-door ballot form (checked in node by the browser journey's tests).

export type EntryChannel = 'paper' | 'door'
export type Choice = 'agree' | 'disagree' | 'abstain'

export interface BallotDraft {
  channel: EntryChannel
  householdId: number | null
  choice: Choice | null
  scanUrl: string | null
}

export interface ScopeBuilding {
  id: number
  name: string
  units: { id: number; name: string }[]
}

/** Field → Chinese message; empty when the ballot can be sent. A paper ballot needs its scan (DOMAIN.md §1). */
export function validateBallot(d: BallotDraft): Record<string, string> {
  const e: Record<string, string> = {}
  if (!d.householdId) e.householdId = '请选择房屋'
  if (!d.choice) e.choice = '请选择同意、反对或弃权'
  if (d.channel === 'paper' && !d.scanUrl) e.scanUrl = '请上传纸质选票扫描件'
  return e
}

/** Only the buildings and units inside the vote's scope can be picked. */
export function buildingsInScope<B extends ScopeBuilding>(buildings: B[], vote: { scopeType: 'compound' | 'buildings' | 'units'; scopeIds: number[] }): B[] {
  if (vote.scopeType === 'compound') return buildings
  const ids = new Set(vote.scopeIds)
  if (vote.scopeType === 'buildings') return buildings.filter((b) => ids.has(b.id))
  return buildings.map((b) => ({ ...b, units: b.units.filter((u) => ids.has(u.id)) })).filter((b) => b.units.length > 0)
}

/** The body of POST /api/votes/:id/ballots: a door-to-door ballot carries no scan. */
export function ballotBody(d: BallotDraft): { householdId: number; choice: Choice; channel: EntryChannel; scanUrl?: string } {
  const body = { householdId: d.householdId!, choice: d.choice!, channel: d.channel }
  return d.channel === 'paper' ? { ...body, scanUrl: d.scanUrl! } : body
}
