import { request } from '../../../services/request';

// The committee's view of fee collection (docs/API.md, "Property fees": /api/fees/committee/:compoundId). Money is integer fen.

export interface Defaulter {
  householdId: number;
  buildingName: string;
  unitName: string;
  room: string;
  owedFen: number;
  oldestPeriod: string;
  bills: number;
  lastUrgedAt: string | null;
}

export interface CommitteeFees {
  compoundId: number;
  from: string;
  to: string;
  longTermMonths: number;
  collection: { dueFen: number; collectedFen: number; rateBp: number | null; households: number; paidHouseholds: number; householdBp: number | null };
  defaulters: Defaulter[];
}

export const committeeFees = (compoundId: number) => request<CommitteeFees>(`/fees/committee/${compoundId}`);

export const urgeDefaulters = (compoundId: number, householdIds: number[]) =>
  request<{ sent: { householdId: number }[]; skipped: { householdId: number; reason: string }[] }>(`/fees/committee/${compoundId}/urge`, {
    method: 'POST',
    data: { householdIds },
    loading: '发送中',
  });

export const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}元`;
export const percent = (bp: number | null) => (bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`);
