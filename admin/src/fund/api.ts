import { API_BASE, httpClient } from '../dataProvider';

// Fund actions outside ra-data-simple-rest (docs/API.md, "Maintenance fund (issue 4)"). Errors
// arrive as HttpError carrying the server's Chinese message and code, ready for notify().

export const postFund = async <T = unknown>(path: string, body: unknown = {}): Promise<T> => {
  const { json } = await httpClient(`${API_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};

export const getFund = async <T = unknown>(path: string): Promise<T> => {
  const { json } = await httpClient(`${API_BASE}${path}`);
  return json as T;
};

export const errorMessage = (e: unknown) => (e as Error)?.message || 'ra.notification.http_error';

export type Reconciliation = {
  accountBalanceFen: number;
  ledgerSumFen: number;
  entrySumFen: number;
  differenceFen: number;
  mismatches: { ledgerId: number; householdId: number; balanceFen: number; entrySumFen: number }[];
};

export type TransferCheck = {
  householdId: number;
  address: string;
  firstDepositDueFen: number;
  depositedFen: number;
  balanceFen: number;
  fullyDeposited: boolean;
};

export type Share = {
  householdId: number;
  room: string;
  areaCenti: number;
  fen: number;
  balanceFen: number;
  shortfallFen: number;
  payer: 'owner' | 'developer';
};

export type Shares = { totalFen: number; shares: Share[]; shortfallFen: number };
