import { BALLOT_CHOICES, SPECIAL_MATTERS, VOTE_MATTERS, type BallotChoice, type VoteMatter } from './enums';

/**
 * Civil Code Art. 278 and the SPC interpretation on building-division ownership, Arts. 8–9
 * (DOMAIN.md §1), in integer arithmetic: areas in centi-m², heads as counts, every ratio compared
 * by cross-multiplication.
 */
export interface TallyPart {
  id: number | string;
  /** Exclusive area in m² × 100. */
  areaCenti: number;
  ownerId: number | string | null;
  /** The developer's unsold (or sold but undelivered) part. */
  developerUnsold?: boolean;
  /** The part's registered owner is the developer (owners.developer, 开发建设单位). */
  developerOwner?: boolean;
}
export interface TallyBallot {
  partId: number | string;
  choice: BallotChoice;
}
export interface TallyInput {
  matter: VoteMatter;
  parts: readonly TallyPart[];
  /** The current ballot per part (the caller keeps the last one). */
  ballots: readonly TallyBallot[];
  /** The compound's covenant lets non-voters follow the majority (off by default). */
  followMajority?: boolean;
}
export interface TallyResult {
  matter: VoteMatter;
  special: boolean;
  totalArea: number;
  totalOwners: number;
  participatedArea: number;
  participatedOwners: number;
  agreeArea: number;
  agreeOwners: number;
  disagreeArea: number;
  disagreeOwners: number;
  abstainArea: number;
  abstainOwners: number;
  /** Non-voters deemed to follow the majority; never part of the quorum. */
  deemedArea: number;
  deemedOwners: number;
  deemedChoice: BallotChoice | null;
  quorumMet: boolean;
  approved: boolean;
  explanation: string;
}

const DEVELOPER = 'developer';

/**
 * Whose head a part counts for (SPC interpretation Art. 9, DOMAIN.md §1): everything the developer
 * holds — flagged unsold or registered to an owner flagged as the developer — is one owner; one
 * buyer's parts are one owner; an unregistered part is its own owner.
 */
export function ownerKey(part: TallyPart): string {
  if (part.developerUnsold || part.developerOwner) return DEVELOPER;
  return part.ownerId === null || part.ownerId === undefined ? `part:${part.id}` : `owner:${part.ownerId}`;
}

/** ≥ num/den, exactly. */
const atLeast = (x: number, total: number, num: number, den: number) => x * den >= total * num;
/** More than half, strictly. */
const moreThanHalf = (x: number, total: number) => x * 2 > total;

/** "66.67%" from an integer ratio, rounded half up at two decimals, without floats. */
export function percentText(x: number, total: number): string {
  if (total === 0) return '0.00%';
  const bp = Math.floor((x * 20000 + total) / (2 * total)); // basis points, half up
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/**
 * Tallies one vote. Throws (Error, Chinese message) on a matter or choice outside its enum — an
 * unknown matter must never fall back to the ordinary threshold — on a part with no positive
 * integer area, and on a ballot for a part outside the scope.
 */
export function tallyVote(input: TallyInput): TallyResult {
  if (!(VOTE_MATTERS as readonly string[]).includes(input.matter)) throw new Error(`表决事项类别 ${String(input.matter)} 不在可选范围内`);
  const special = SPECIAL_MATTERS.includes(input.matter);
  const parts = new Map(input.parts.map((p) => [String(p.id), p]));
  for (const p of input.parts) {
    if (!Number.isSafeInteger(p.areaCenti) || p.areaCenti <= 0) throw new Error(`专有部分 ${p.id} 的面积无效`);
  }
  const ballotOf = new Map<string, BallotChoice>();
  for (const b of input.ballots) {
    if (!parts.has(String(b.partId))) throw new Error(`选票对应的专有部分 ${b.partId} 不在表决范围内`);
    if (!(BALLOT_CHOICES as readonly string[]).includes(b.choice)) throw new Error(`选票 ${b.partId} 的意见 ${String(b.choice)} 不在可选范围内`);
    ballotOf.set(String(b.partId), b.choice);
  }

  // Area by choice, and per owner the area they voted each way.
  const area = { agree: 0, disagree: 0, abstain: 0 };
  let totalArea = 0;
  const owners = new Map<string, { agree: number; disagree: number; abstain: number; voted: boolean; unvotedArea: number }>();
  for (const p of input.parts) {
    totalArea += p.areaCenti;
    const key = ownerKey(p);
    const o = owners.get(key) ?? { agree: 0, disagree: 0, abstain: 0, voted: false, unvotedArea: 0 };
    const choice = ballotOf.get(String(p.id));
    if (choice) {
      area[choice] += p.areaCenti;
      o[choice] += p.areaCenti;
      o.voted = true;
    } else {
      o.unvotedArea += p.areaCenti;
    }
    owners.set(key, o);
  }

  // An owner with several parts is one head: their head goes with the choice holding most of their
  // voted area; "agree" only when it strictly leads (a tie never counts as consent).
  const heads = { agree: 0, disagree: 0, abstain: 0 };
  let participatedOwners = 0;
  for (const o of owners.values()) {
    if (!o.voted) continue;
    participatedOwners++;
    if (o.agree > o.disagree && o.agree > o.abstain) heads.agree++;
    else if (o.disagree >= o.abstain) heads.disagree++;
    else heads.abstain++;
  }
  const totalOwners = owners.size;
  const participatedArea = area.agree + area.disagree + area.abstain;

  const quorumMet = totalArea > 0 && atLeast(participatedArea, totalArea, 2, 3) && atLeast(participatedOwners, totalOwners, 2, 3);

  // Follow-the-majority: non-voters join the side that carries the participants by both measures.
  let deemedArea = 0;
  let deemedOwners = 0;
  let deemedChoice: BallotChoice | null = null;
  if (input.followMajority && quorumMet) {
    if (moreThanHalf(area.agree, participatedArea) && moreThanHalf(heads.agree, participatedOwners)) deemedChoice = 'agree';
    else if (moreThanHalf(area.disagree, participatedArea) && moreThanHalf(heads.disagree, participatedOwners)) deemedChoice = 'disagree';
    if (deemedChoice) {
      for (const o of owners.values()) {
        deemedArea += o.unvotedArea;
        if (!o.voted) deemedOwners++;
      }
    }
  }
  const agreeArea = area.agree + (deemedChoice === 'agree' ? deemedArea : 0);
  const agreeOwners = heads.agree + (deemedChoice === 'agree' ? deemedOwners : 0);
  const baseArea = participatedArea + (deemedChoice ? deemedArea : 0);
  const baseOwners = participatedOwners + (deemedChoice ? deemedOwners : 0);

  const approved =
    quorumMet &&
    (special
      ? atLeast(agreeArea, baseArea, 3, 4) && atLeast(agreeOwners, baseOwners, 3, 4)
      : moreThanHalf(agreeArea, baseArea) && moreThanHalf(agreeOwners, baseOwners));

  const threshold = special ? '不少于3/4' : '过半数';
  const lines = [
    `参与表决的专有部分面积占比 ${percentText(participatedArea, totalArea)}、人数占比 ${percentText(participatedOwners, totalOwners)}（均须不少于2/3）：${quorumMet ? '达到' : '未达到'}法定参与要求。`,
  ];
  if (quorumMet) {
    lines.push(
      `同意的面积占参与面积 ${percentText(agreeArea, baseArea)}、人数占参与人数 ${percentText(agreeOwners, baseOwners)}（本事项${special ? '为特别事项' : '为一般事项'}，均须${threshold}）。`,
    );
    if (deemedChoice)
      lines.push(`按管理规约，未表决业主视为同意多数意见，计入面积 ${percentText(deemedArea, totalArea)}、人数 ${deemedOwners} 人（不计入参与比例）。`);
  }
  lines.push(approved ? '表决通过。' : quorumMet ? '同意比例未达到要求，表决未通过。' : '参与比例未达到要求，表决未通过。');

  return {
    matter: input.matter,
    special,
    totalArea,
    totalOwners,
    participatedArea,
    participatedOwners,
    agreeArea,
    agreeOwners,
    disagreeArea: area.disagree + (deemedChoice === 'disagree' ? deemedArea : 0),
    disagreeOwners: heads.disagree + (deemedChoice === 'disagree' ? deemedOwners : 0),
    abstainArea: area.abstain,
    abstainOwners: heads.abstain,
    deemedArea,
    deemedOwners,
    deemedChoice,
    quorumMet,
    approved,
    explanation: lines.join(''),
  };
}
