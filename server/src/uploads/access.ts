import { and, eq, ne, sql } from 'drizzle-orm';
import { FULL_VIEW_ROLES, uploadUrl, type Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import {
  ballots,
  creditItems,
  creditObjections,
  disclosures,
  fundApplications,
  hazards,
  inspections,
  levelAssessments,
  quasiAssessments,
  renewalSurveys,
  tickets,
  votes,
  type UploadRow,
} from '../db/schema';
import { regionAllows } from '../jurisdiction/scope';
import { disclosuresResource } from '../disclosures/resources';
import { applicationsResource } from '../fund/resources';
import { memberCommittee } from '../committees/membership';
import { renewalSurveysResource } from '../renewal/surveys';
import { quasiAssessmentsResource } from '../renewal/assessments';
import { levelAssessmentReadScope } from '../quality/assessmentScope';
import { ticketVisible } from '../tickets/scope';
import { blacklistEntries, filings } from '../db/schema';
import { blacklistResource } from '../credit/blacklist';
import { filingsResource } from '../supervision/filings';
import { creditItemReadScope, creditObjectionReadScope } from '../credit/itemsScope';
import { hazardReadScope, inspectionReadScope } from '../supervision/hazardsScope';

/**
 * Who may read an upload, in one place. Files are referenced by URL (`/api/uploads/<id>`) from
 * tickets (by id), disclosures' attachments and paper ballots' scans; a file is served to:
 *  - its uploader;
 *  - whoever may see the ticket using it (tickets/scope.ts);
 *  - whoever may read a published (or since revoked) disclosure attaching it — the disclosures
 *    resource's own read scope: staff in jurisdiction, verified residents of the compound;
 *  - whoever may read the fund application whose supervision or acceptance documents list it;
 *  - whoever may read the old-compound survey whose photos, or the quasi-property assessment whose
 *    evidence, list it (issue 11);
 *  - whoever may read the level assessment whose evidence or item photos list it (issue 12);
 *  - for a ballot's scan (an owner's choice, DOMAIN.md §7): the compound's in-office committee
 *    members and bureau staff in jurisdiction — never other residents. Such views are audited.
 *  - whoever may read the credit item or objection whose evidence lists it (issue 10);
 * To anyone else it does not exist (404, the same answer as for a missing id).
 */

/** Roles that may see a ballot scan within their jurisdiction (party-building staff have no part in votes' papers); shared, so the second-factor rule knows them. */
const SCAN_STAFF: readonly Role[] = FULL_VIEW_ROLES.ballotScan;

export type UploadGrant =
  | { via: 'hazard'; hazardId: number }
  | { via: 'inspection'; inspectionId: number }
  | { via: 'owner' }
  | { via: 'ticket'; ticketId: number }
  | { via: 'disclosure'; disclosureId: number }
  | { via: 'fund-application'; applicationId: number }
  | { via: 'renewal-survey'; surveyId: number }
  | { via: 'quasi-assessment'; assessmentId: number }
  | { via: 'level-assessment'; assessmentId: number }
  | { via: 'credit-item'; itemId: number }
  | { via: 'credit-objection'; objectionId: number }
  | { via: 'blacklist'; entryId: number }
  | { via: 'filing'; filingId: number }
  | { via: 'ballot'; ballotId: number; regionCode: string };

/** May this actor read this upload? The grant says why (a ballot scan view is audited by the caller). */
export async function mayReadUpload(db: DbOrTx, actor: Actor, u: Pick<UploadRow, 'id' | 'ownerId' | 'ticketId'>): Promise<UploadGrant | null> {
  if (u.ownerId === actor.id) return { via: 'owner' };

  if (u.ticketId) {
    const [t] = await db
      .select({ residentId: tickets.residentId, kind: tickets.kind, companyId: tickets.companyId, regionCode: tickets.regionCode })
      .from(tickets)
      .where(eq(tickets.id, u.ticketId));
    if (t && ticketVisible(actor, t)) return { via: 'ticket', ticketId: u.ticketId };
  }

  const url = uploadUrl(u.id);
  const scope = disclosuresResource().readScope(actor);
  if (scope !== 'deny') {
    const [d] = await db
      .select({ id: disclosures.id })
      .from(disclosures)
      .where(and(sql`${disclosures.attachments} @> ${JSON.stringify([{ url }])}::jsonb`, ne(disclosures.status, 'draft'), scope))
      .limit(1);
    if (d) return { via: 'disclosure', disclosureId: d.id };
  }

  // A fund application's supervision or acceptance document (issue 16 §1): whoever may read the application.
  const appScope = applicationsResource(0).readScope(actor);
  if (appScope !== 'deny') {
    const doc = JSON.stringify({ documents: [{ url }] });
    const [a] = await db
      .select({ id: fundApplications.id })
      .from(fundApplications)
      .where(and(sql`(${fundApplications.supervision} @> ${doc}::jsonb OR ${fundApplications.acceptance} @> ${doc}::jsonb)`, appScope))
      .limit(1);
    if (a) return { via: 'fund-application', applicationId: a.id };
  }

  // An old compound's survey photos and a quasi-property assessment's evidence (issue 11): their readers.
  const surveyScope = renewalSurveysResource().readScope(actor);
  if (surveyScope !== 'deny') {
    const [s] = await db
      .select({ id: renewalSurveys.id })
      .from(renewalSurveys)
      .where(and(sql`${renewalSurveys.photos} @> ${JSON.stringify([{ url }])}::jsonb`, surveyScope))
      .limit(1);
    if (s) return { via: 'renewal-survey', surveyId: s.id };
  }
  const assessmentScope = quasiAssessmentsResource().readScope(actor);
  if (assessmentScope !== 'deny') {
    const [a] = await db
      .select({ id: quasiAssessments.id })
      .from(quasiAssessments)
      .where(and(sql`${quasiAssessments.items} @> ${JSON.stringify([{ evidence: [u.id] }])}::jsonb`, assessmentScope))
      .limit(1);
    if (a) return { via: 'quasi-assessment', assessmentId: a.id };
  }

  // An inspection's or patrol's photos and a hazard's rectification photos (issue 10): whoever may read them.
  const hazardScope = hazardReadScope(actor);
  if (hazardScope !== 'deny') {
    const [h] = await db
      .select({ id: hazards.id })
      .from(hazards)
      .where(and(sql`(${hazards.photos} @> ${JSON.stringify([url])}::jsonb OR ${hazards.rectificationPhotos} @> ${JSON.stringify([url])}::jsonb)`, hazardScope))
      .limit(1);
    if (h) return { via: 'hazard', hazardId: h.id };
    const [i] = await db
      .select({ id: inspections.id })
      .from(inspections)
      .where(and(sql`${inspections.results} @> ${JSON.stringify([{ photos: [url] }])}::jsonb`, inspectionReadScope(actor) as ReturnType<typeof sql>))
      .limit(1);
    if (i) return { via: 'inspection', inspectionId: i.id };
  }

  // A level assessment's evidence and the district's photos (issue 12): whoever may read the assessment.
  const levelScope = levelAssessmentReadScope(actor);
  if (levelScope !== 'deny') {
    const [a] = await db
      .select({ id: levelAssessments.id })
      .from(levelAssessments)
      .where(
        and(
          sql`(${levelAssessments.evidence} @> ${JSON.stringify([{ url }])}::jsonb OR ${levelAssessments.results} @> ${JSON.stringify([{ photos: [url] }])}::jsonb)`,
          levelScope,
        ),
      )
      .limit(1);
    if (a) return { via: 'level-assessment', assessmentId: a.id };
  }

  // A credit item's or objection's evidence (issue 10): whoever may read the item or objection.
  const evidence = JSON.stringify([{ url }]);
  const itemScope = creditItemReadScope(actor);
  if (itemScope !== 'deny') {
    const [i] = await db
      .select({ id: creditItems.id })
      .from(creditItems)
      .where(and(sql`${creditItems.evidence} @> ${evidence}::jsonb`, itemScope))
      .limit(1);
    if (i) return { via: 'credit-item', itemId: i.id };
  }
  const objectionScope = creditObjectionReadScope(actor);
  if (objectionScope !== 'deny') {
    const [o] = await db
      .select({ id: creditObjections.id })
      .from(creditObjections)
      .where(and(sql`${creditObjections.evidence} @> ${evidence}::jsonb`, objectionScope))
      .limit(1);
    if (o) return { via: 'credit-objection', objectionId: o.id };
  }

  // A blacklist listing's evidence and a filing's documents (issue 10): whoever may read the listing or the filing.
  const listingScope = blacklistResource().readScope(actor);
  if (listingScope !== 'deny') {
    const [b] = await db
      .select({ id: blacklistEntries.id })
      .from(blacklistEntries)
      .where(and(sql`${blacklistEntries.evidence} @> ${JSON.stringify([{ url }])}::jsonb`, listingScope))
      .limit(1);
    if (b) return { via: 'blacklist', entryId: b.id };
  }
  const filingScope = filingsResource().readScope(actor);
  if (filingScope !== 'deny') {
    const [f] = await db
      .select({ id: filings.id })
      .from(filings)
      .where(and(sql`${filings.documents} @> ${JSON.stringify([{ url }])}::jsonb`, filingScope))
      .limit(1);
    if (f) return { via: 'filing', filingId: f.id };
  }

  if (actor.role === 'resident' || SCAN_STAFF.includes(actor.role)) {
    const scans = await db
      .select({ ballotId: ballots.id, compoundId: votes.compoundId, regionCode: votes.regionCode })
      .from(ballots)
      .innerJoin(votes, eq(votes.id, ballots.voteId))
      .where(eq(ballots.scanUrl, url))
      .limit(20);
    for (const s of scans) {
      const allowed = actor.role === 'resident' ? !!(await memberCommittee(db, actor.id, s.compoundId)) : regionAllows(actor, s.regionCode);
      if (allowed) return { via: 'ballot', ballotId: s.ballotId, regionCode: s.regionCode };
    }
  }
  return null;
}
