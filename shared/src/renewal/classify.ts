import { INFRASTRUCTURE_ITEMS, RENEWAL_CLASSIFICATIONS, type RenewalClassification } from './enums';
import type { SurveyFacts } from './survey';

/**
 * Thresholds of the classification (config/src/renewal*.ts gives them from the environment):
 * - `mergeBelowHouseholds`: a compound with fewer households than this (or a single building) that
 *   has a neighbour is proposed for merging (research §4 rule 2 "below N households"; N not found);
 * - `quasiMaxPartialItems`: how many infrastructure items may be only partial for quasi-property
 *   management (none may be missing, research §4 rule 2);
 * - `selfMinWillingPermille`: the share of households willing to pay, per mille, above which a
 *   compound with an owners' committee is proposed as self-managed rather than committee-managed.
 */
export interface ClassificationSettings {
  mergeBelowHouseholds: number;
  quasiMaxPartialItems: number;
  selfMinWillingPermille: number;
}

/**
 * `classifyOldCompound(survey, settings)` → the proposed classification of an old compound
 * (DOMAIN.md §4; research §4 rule 2), in this order:
 *  1. **merge**: a single building, or fewer than `mergeBelowHouseholds` households, with at least one
 *     neighbour recorded (the action plan merges single buildings with their neighbours);
 *  2. **quasi**: no infrastructure item missing, at most `quasiMaxPartialItems` partial, and enclosed
 *     or enclosable;
 *  3. **self**: an owners' committee exists and willing households ≥ `selfMinWillingPermille` ‰;
 *  4. **committee** (居委会代管) otherwise.
 * A person confirms every result. Throws on an incomplete survey (an item without a state), a
 * value outside its enum, or negative / non-integer counts and settings.
 */
export function classifyOldCompound(survey: SurveyFacts, settings: ClassificationSettings): RenewalClassification {
  for (const [k, v] of Object.entries(settings))
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`classification setting ${k} must be a non-negative integer`);
  if (settings.selfMinWillingPermille > 1000) throw new RangeError('selfMinWillingPermille must be ≤ 1000');
  const { householdCount: n, willingHouseholds: w } = survey;
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(w) || w < 0 || w > n)
    throw new RangeError('household counts must be integers with 0 ≤ willing ≤ households');
  if (!['enclosed', 'enclosable', 'open'].includes(survey.enclosure)) throw new RangeError(`unknown enclosure ${survey.enclosure}`);
  let missing = 0;
  let partial = 0;
  for (const item of INFRASTRUCTURE_ITEMS) {
    const state = survey.infrastructure[item];
    if (state === 'missing') missing++;
    else if (state === 'partial') partial++;
    else if (state !== 'good') throw new RangeError(`infrastructure item ${item} has no valid state (${String(state)})`);
  }

  const small = survey.singleBuilding || n < settings.mergeBelowHouseholds;
  if (small && survey.neighbourCompoundIds.length > 0) return 'merge';
  if (missing === 0 && partial <= settings.quasiMaxPartialItems && survey.enclosure !== 'open') return 'quasi';
  // w / n ≥ p / 1000, in integers
  if (survey.hasCommittee && n > 0 && w * 1000 >= settings.selfMinWillingPermille * n) return 'self';
  return 'committee';
}

/** Refuses a classification value outside the enum (a confirmation's input). */
export function assertClassification(value: unknown): RenewalClassification {
  if (!RENEWAL_CLASSIFICATIONS.includes(value as RenewalClassification)) throw new RangeError(`unknown classification ${String(value)}`);
  return value as RenewalClassification;
}
