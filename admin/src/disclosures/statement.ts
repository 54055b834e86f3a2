// A published statement balances to the fen (issue 3): shared's one rule, for the console's pages.
export { formatYuan, statementTotals, type Statement, type StatementLine } from '@baotou/shared';
