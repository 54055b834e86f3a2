import { generate } from 'otplib';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { DEMO_PASSWORD } from '../../../test/support/testConfig';

// Issue 17: a second factor for staff (TOTP), enrolled with a QR code, with single-use recovery
// codes; required by setting, always for roles that see full personal data, never for demo accounts.

// Each sign-in costs a scrypt; 20 at once take seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const secretOf = (otpauthUrl: string) => new URL(otpauthUrl).searchParams.get('secret')!;
/** The code an authenticator shows `steps` periods from now. */
const code = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
const STRONG_PASSWORD = 'Baotou#2024x';

async function enrol(t: TestApi, token: string) {
  const start = await t.api.post('/api/auth/totp/enroll').set(bearer(token));
  expect(start.status).toBe(200);
  const secret = secretOf(start.body.otpauthUrl);
  const confirming = await code(secret);
  const done = await t.api.post('/api/auth/totp/confirm').set(bearer(token)).send({ otp: confirming });
  expect(done.status).toBe(200);
  return { secret, confirming, start: start.body, done: done.body };
}
const audits = (t: TestApi, action: string, userId: number) =>
  t.query<{ ip: string | null }>('SELECT ip FROM audit_logs WHERE action = $1 AND entity_id = $2', [action, String(userId)]);

describe('with the second factor not enforced (outside production): voluntary enrolment', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());
  const login = (username: string, otp?: string) => t.api.post('/api/auth/login').send({ username, password: DEMO_PASSWORD, ...(otp ? { otp } : {}) });
  const idOf = async (username: string) => (await t.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]))[0].id;

  test('enrolment: a QR code, a code computed from the otpauth URL confirms it, ten recovery codes; sign-in then needs a code', async () => {
    const before = await login('d150202');
    expect(before.status).toBe(200);
    const { secret, start, done } = await enrol(t, before.body.token);
    expect(start.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*d150202\?/);
    expect(start.qrPng).toMatch(/^data:image\/png;base64,/);
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    for (const c of done.recoveryCodes) expect(c).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // the secret and the codes are not stored in clear
    const [row] = await t.query<{ secret_enc: string }>('SELECT secret_enc FROM staff_second_factors WHERE user_id = $1', [await idOf('d150202')]);
    expect(row.secret_enc).not.toContain(secret);
    expect(await t.query('SELECT 1 FROM totp_recovery_codes WHERE code_hash = $1', [done.recoveryCodes[0].replace(/-/g, '')])).toHaveLength(0);

    const none = await login('d150202');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('OTP_REQUIRED');
    const ok = await login('d150202', await code(secret, 1));
    expect(ok.status).toBe(200);
    expect((await t.api.get('/api/auth/me').set(bearer(ok.body.token))).status).toBe(200);
    const status = await t.api.get('/api/auth/totp').set(bearer(ok.body.token));
    expect(status.body).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    for (const action of ['totp_enrol', 'totp_confirm']) {
      const rows = await audits(t, action, await idOf('d150202'));
      expect(rows).toHaveLength(1);
      expect(rows[0].ip).toBeTruthy();
    }
  });

  test('a wrong code: 401 OTP_INVALID, audited with the address, and counted as a failed sign-in', async () => {
    const { secret } = await enrol(t, (await login('d150203')).body.token);
    const wrong = String((Number(await code(secret, 1)) + 1) % 1_000_000).padStart(6, '0');
    const res = await login('d150203', wrong);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('OTP_INVALID');
    const failed = await audits(t, 'totp_failed', await idOf('d150203'));
    expect(failed).toHaveLength(1);
    expect(failed[0].ip).toBeTruthy();
    expect(await t.query(`SELECT 1 FROM audit_logs WHERE action = 'sign_in_failed' AND entity_id = $1`, [String(await idOf('d150203'))])).toHaveLength(1);
    // a wrong password is still refused before any code is looked at
    const badPassword = await t.api.post('/api/auth/login').send({ username: 'd150203', password: 'nope', otp: await code(secret, 1) });
    expect(badPassword.body.error.code).toBe('BAD_CREDENTIALS');
  });

  test('a code counts once: the confirming code, and a code already used, are refused; 20 parallel sign-ins with one fresh code → one session', async () => {
    const { secret, confirming } = await enrol(t, (await login('d150204')).body.token);
    expect((await login('d150204', confirming)).body.error.code).toBe('OTP_INVALID');
    const next = await code(secret, 1);
    const results = await Promise.all(Array.from({ length: 20 }, () => login('d150204', next)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    // the others are refused as used codes — or, past LOGIN_LOCK_AFTER failures, by the account lock
    for (const r of results.filter((x) => x.status !== 200)) expect(['OTP_INVALID', 'ACCOUNT_LOCKED']).toContain(r.body.error.code);
    expect(results.filter((r) => r.body.error?.code === 'OTP_INVALID').length).toBeGreaterThan(0);
    // an older code still inside the window is no good either once a later one was used
    expect((await login('d150204', confirming)).status).not.toBe(200);
  });

  test('a recovery code stands for a code, once; typed in lower case without dashes too', async () => {
    const { done } = await enrol(t, (await login('d150205')).body.token);
    const [first, second] = done.recoveryCodes as string[];
    const ok = await login('d150205', first);
    expect(ok.status).toBe(200);
    const again = await login('d150205', first);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('OTP_INVALID');
    expect((await login('d150205', second.replace(/-/g, '').toLowerCase())).status).toBe(200);
    expect((await t.api.get('/api/auth/totp').set(bearer(ok.body.token))).body.recoveryCodesLeft).toBe(8);
    expect(await audits(t, 'totp_recovery_used', await idOf('d150205'))).toHaveLength(2);
  });

  test('confirming with a wrong code: 400 OTP_INVALID and nothing enrolled; residents cannot enrol', async () => {
    const token = (await login('d150206')).body.token;
    expect((await t.api.post('/api/auth/totp/confirm').set(bearer(token)).send({ otp: '123456' })).body.error.code).toBe('TOTP_NOT_STARTED');
    const start = await t.api.post('/api/auth/totp/enroll').set(bearer(token));
    const wrong = String((Number(await code(secretOf(start.body.otpauthUrl))) + 1) % 1_000_000).padStart(6, '0');
    const res = await t.api.post('/api/auth/totp/confirm').set(bearer(token)).send({ otp: wrong });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('OTP_INVALID');
    expect((await login('d150206')).status).toBe(200);
    expect(await audits(t, 'totp_confirm_failed', await idOf('d150206'))).toHaveLength(1);
    const resident = await t.residentToken('totp-resident-1');
    expect((await t.api.post('/api/auth/totp/enroll').set(bearer(resident))).status).toBe(403);
  });

  test('the city admin resets a lost factor (audited; the account’s sessions end); no one else may', async () => {
    // confirming ended the session that enrolled and gave it a new token
    const session = (await enrol(t, (await login('d150207')).body.token)).done.token as string;
    const id = await idOf('d150207');
    expect((await t.api.post(`/api/users/${id}/reset-totp`).set(bearer(await t.login('d150221')))).status).toBe(403);
    expect((await t.api.post(`/api/users/${id}/reset-totp`).set(bearer(session))).status).toBe(403);
    const res = await t.api.post(`/api/users/${id}/reset-totp`).set(bearer(await t.login('city')));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, enrolled: false });
    expect((await t.api.get('/api/auth/me').set(bearer(session))).status).toBe(401);
    expect((await login('d150207')).status).toBe(200);
    expect(await audits(t, 'totp_reset', id)).toHaveLength(1);
  });
});

describe('TOTP_REQUIRED on, TOTP_REQUIRED_ROLES=company_staff', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi({ TOTP_REQUIRED: 'on', TOTP_REQUIRED_ROLES: 'company_staff' });
  });
  afterAll(() => t.close());
  const signIn = (username: string, password: string, otp?: string) => t.api.post('/api/auth/login').send({ username, password, ...(otp ? { otp } : {}) });

  async function createAccount(username: string, role: string, extra: Record<string, unknown>) {
    const res = await t.api
      .post('/api/users')
      .set(bearer(await t.login('city')))
      .send({ username, name: username, role, password: STRONG_PASSWORD, ...extra });
    expect(res.status).toBe(201);
    return res.body.id as number;
  }

  test('demo accounts need no second factor', async () => {
    for (const username of ['city', 'company', 'street']) {
      const res = await signIn(username, DEMO_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.token).toEqual(expect.any(String));
    }
  });

  test('a role required by setting: a new company account must enrol first, with a token good only for enrolment', async () => {
    const [{ id: companyId }] = await t.query<{ id: number }>('SELECT id FROM companies ORDER BY id LIMIT 1');
    await createAccount('totp_company', 'company_staff', { companyId });
    const first = await signIn('totp_company', STRONG_PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ totpEnrolmentRequired: true, enrolmentToken: expect.any(String), user: { username: 'totp_company' } });
    expect(first.body.token).toBeUndefined();
    const limited = first.body.enrolmentToken as string;
    expect((await t.api.get('/api/projects').set(bearer(limited))).status).toBe(401);
    expect((await t.api.get('/api/auth/me').set(bearer(limited))).status).toBe(401);

    const start = await t.api.post('/api/auth/totp/enroll').set(bearer(limited));
    expect(start.status).toBe(200);
    const secret = secretOf(start.body.otpauthUrl);
    const done = await t.api
      .post('/api/auth/totp/confirm')
      .set(bearer(limited))
      .send({ otp: await code(secret) });
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(done.body.token).toEqual(expect.any(String));
    expect((await t.api.get('/api/auth/me').set(bearer(done.body.token))).status).toBe(200);
    // the enrolment token cannot replace the factor now in force (confirming ended it)
    expect((await t.api.post('/api/auth/totp/enroll').set(bearer(limited))).body.error.code).toBe('SESSION_REVOKED');

    expect((await signIn('totp_company', STRONG_PASSWORD)).body.error.code).toBe('OTP_REQUIRED');
    expect((await signIn('totp_company', STRONG_PASSWORD, await code(secret, 1))).status).toBe(200);
  });

  test('a role that sees full personal data is required even when the setting leaves it out', async () => {
    await createAccount('totp_street', 'street_staff', { regionCode: '150203001' });
    const res = await signIn('totp_street', STRONG_PASSWORD);
    expect(res.body.totpEnrolmentRequired).toBe(true);
  });

  test('a demo account no longer marked as one is required like any other', async () => {
    await t.query(`UPDATE users SET demo = false WHERE username = 'community'`);
    expect((await signIn('community', DEMO_PASSWORD)).body.totpEnrolmentRequired).toBe(true);
  });
});
