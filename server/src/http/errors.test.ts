import { fromSqlState } from './errors';

// Issue 9 §7: a database refusal caused by the client's input is a 4xx on both drivers, never a 500.
describe('SQLSTATE → API error, the same for node-postgres (PostgreSQL 15) and PGlite (PostgreSQL 18)', () => {
  test.each([
    ['23503', 409, 'REFERENCED'], // foreign key (PostgreSQL 15 for RESTRICT too)
    ['23001', 409, 'REFERENCED'], // restrict_violation: PostgreSQL 18 (PGlite) for ON DELETE RESTRICT
    ['23505', 409, 'DUPLICATE'],
    ['23514', 400, 'CHECK_FAILED'],
    ['23502', 400, 'VALIDATION_FAILED'],
    ['22003', 400, 'VALIDATION_FAILED'], // numeric out of range
    ['22P02', 400, 'VALIDATION_FAILED'], // invalid text representation
    ['22008', 400, 'VALIDATION_FAILED'], // date out of range (year 0)
    ['22021', 400, 'VALIDATION_FAILED'], // NUL byte in text
    ['22P05', 400, 'VALIDATION_FAILED'], // \u0000 in jsonb
    ['22001', 400, 'VALIDATION_FAILED'], // value too long
  ])('%s → %i %s', (code, status, appCode) => {
    expect(fromSqlState(code)).toMatchObject({ status, code: appCode });
  });

  test.each(['40001', '40P01', '57014', '53300', '42P01'])('%s (not the client’s doing) is left to the 500 handler', (code) => {
    expect(fromSqlState(code)).toBeUndefined();
  });
});
