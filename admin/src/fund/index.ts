// Maintenance fund (issue 4, DOMAIN.md §3): the console's resources, registered in App.tsx.
export { fundAccounts } from './fund-accounts';
export { fundLedgers } from './fund-ledgers';
export { fundEntries } from './fund-entries';
export { fundApplications } from './fund-applications';
export { fundCheck } from './fund-check';
