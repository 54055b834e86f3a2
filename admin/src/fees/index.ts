// Property fees (issue 13, DOMAIN.md §12): the console's resources, registered in App.tsx.
export { feeItems } from './fee-items';
export { billingRuns } from './billing-runs';
export { bills } from './bills';
export { feePayments } from './fee-payments';
export { receipts } from './receipts';
export { feesCollection } from './collection';
