// Who may press which fund button. Mirrors the server's checks in server/src/fund (the server
// still decides, within jurisdiction); a button that can only end in a 403 is not shown.
// Postings, review, supervision, acceptance and payment are the city and district bureaus';
// proposing and submitting are the serving company's (or a committee member's, in the mini-program).
import { usePermissions } from 'react-admin';

export type FundAction = 'deposit' | 'allocate' | 'reverse' | 'refund' | 'create_application' | 'submit' | 'review' | 'supervise' | 'accept' | 'disburse';

const BUREAU_MANAGERS = ['city_admin', 'district_staff'];

export const FUND_ACTION_ROLES: Record<FundAction, readonly string[]> = {
  deposit: BUREAU_MANAGERS,
  allocate: BUREAU_MANAGERS,
  reverse: BUREAU_MANAGERS,
  refund: BUREAU_MANAGERS,
  create_application: ['company_staff'],
  submit: ['company_staff'],
  review: BUREAU_MANAGERS,
  supervise: BUREAU_MANAGERS,
  accept: BUREAU_MANAGERS,
  disburse: BUREAU_MANAGERS,
};

export const mayFund = (role: string | null | undefined, action: FundAction): boolean => !!role && FUND_ACTION_ROLES[action].includes(role);

export const useMayFund = (action: FundAction): boolean => {
  const { permissions } = usePermissions<string | null>();
  return mayFund(permissions, action);
};
