import request from 'supertest';
import { generate } from 'otplib';
import { createApp } from '../app';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { DEMO_PASSWORD } from '../../../test/support/testConfig';
import { createTokenService } from './tokens';

// Issue 17 follow-ups: every place that checks a password goes through the sign-in guard; a session
// alone cannot swap the second factor, and confirming one ends the other sessions; a session that
// never passed a second factor does not outlive the account coming to require one.

jest.setTimeout(90_000);

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ TRUST_PROXY: '1', LOGIN_LOCK_AFTER: '10', LOGIN_ADDRESS_MAX_FAILURES: '30' });
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
const userId = async (username: string) => (await t.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]))[0].id;
const auditCount = async (action: string, id: number) =>
  (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_logs WHERE action = $1 AND entity_id = $2', [action, String(id)]))[0].n;
const signIn = (username: string, ip: string, otp?: string) =>
  t.api
    .post('/api/auth/login')
    .set('X-Forwarded-For', ip)
    .send({ username, password: DEMO_PASSWORD, ...(otp ? { otp } : {}) });
const code = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
const changePassword = (token: string, currentPassword: string, ip: string) =>
  t.api.post('/api/auth/password').set(bearer(token)).set('X-Forwarded-For', ip).send({ currentPassword, newPassword: 'Another#Pass2024' });

describe('the password change checks the current password through the sign-in guard', () => {
  test('15 wrong current passwords with a session: 10 checked (400, audited), then 423 locked; the right one is locked out too', async () => {
    const token = (await signIn('d150202', '10.1.1.1')).body.token as string;
    const rs = await Promise.all(Array.from({ length: 15 }, (_, i) => changePassword(token, `wrong-${i}`, '10.1.1.1')));
    expect(statuses(rs)).toEqual({ 400: 10, 423: 5 });
    expect(rs.find((r) => r.status === 400)!.body.error.code).toBe('BAD_CREDENTIALS');
    expect(rs.find((r) => r.status === 423)!.body.error.code).toBe('ACCOUNT_LOCKED');
    const id = await userId('d150202');
    expect(await auditCount('sign_in_failed', id)).toBe(10);
    expect(await auditCount('sign_in_locked', id)).toBe(1);
    expect((await changePassword(token, DEMO_PASSWORD, '10.1.1.2')).status).toBe(423);
    expect((await signIn('d150202', '10.1.1.3')).status).toBe(423);
    expect(await auditCount('change_password', id)).toBe(0);
  });

  test('wrong logins and wrong password changes share one count: 5 + 5 lock the account', async () => {
    const token = (await signIn('d150203', '10.1.2.1')).body.token as string;
    for (let i = 0; i < 5; i++)
      expect((await t.api.post('/api/auth/login').set('X-Forwarded-For', '10.1.2.1').send({ username: 'd150203', password: 'wrong' })).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await changePassword(token, 'wrong', '10.1.2.1')).status).toBe(400);
    expect((await changePassword(token, DEMO_PASSWORD, '10.1.2.1')).status).toBe(423);
  });

  test('one address trying current passwords across its sessions is throttled (429) like a login', async () => {
    const names = ['d150204', 'd150205', 'd150206', 'd150207'];
    const tokens = await Promise.all(names.map((n) => signIn(n, '10.1.3.9').then((r) => r.body.token as string)));
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) codes.push((await changePassword(tokens[i % 4], 'wrong', '10.1.3.1')).status);
    expect(codes.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(codes.slice(30)).toEqual([429, 429]);
  });
});

describe('replacing the second factor', () => {
  async function enrol(token: string, proof: Record<string, string> = {}) {
    const start = await t.api.post('/api/auth/totp/enroll').set(bearer(token));
    expect(start.status).toBe(200);
    const secret = new URL(start.body.otpauthUrl).searchParams.get('secret')!;
    const res = await t.api
      .post('/api/auth/totp/confirm')
      .set(bearer(token))
      .send({ otp: await code(secret), ...proof });
    return { secret, res };
  }
  const secretEnc = async (username: string) =>
    (await t.query<{ s: string }>('SELECT secret_enc AS s FROM staff_second_factors WHERE user_id = $1', [await userId(username)]))[0]?.s;

  test('a session alone cannot swap an enrolled factor: 400 CURRENT_FACTOR_REQUIRED, the factor and codes stay', async () => {
    const first = await enrol((await signIn('d150221', '10.2.1.1')).body.token);
    expect(first.res.status).toBe(200);
    const session = first.res.body.token as string;
    const before = await secretEnc('d150221');
    const swap = await enrol(session);
    expect(swap.res.status).toBe(400);
    expect(swap.res.body.error.code).toBe('CURRENT_FACTOR_REQUIRED');
    expect(await secretEnc('d150221')).toBe(before);
    expect((await t.api.get('/api/auth/totp').set(bearer(session))).body).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    // a wrong password as proof is a failed sign-in (audited, counted); a wrong current code too
    const badPassword = await enrol(session, { currentPassword: 'wrong' });
    expect(badPassword.res.body.error.code).toBe('BAD_CREDENTIALS');
    const badCode = await enrol(session, { currentOtp: '000000' === (await code(first.secret, 1)) ? '111111' : '000000' });
    expect(badCode.res.body.error.code).toBe('OTP_INVALID');
    expect(await auditCount('sign_in_failed', await userId('d150221'))).toBe(2);
    expect(await secretEnc('d150221')).toBe(before);
  });

  test('with the current code (the other session signed in with a recovery code): replaced, every other session ends, this one gets a fresh token that works', async () => {
    const first = await enrol((await signIn('d150222', '10.2.2.1')).body.token);
    const session = first.res.body.token as string;
    const other = (await signIn('d150222', '10.2.2.2', first.res.body.recoveryCodes[0])).body.token as string;
    expect((await t.api.get('/api/auth/me').set(bearer(other))).status).toBe(200);
    const swap = await enrol(session, { currentOtp: await code(first.secret, 1) });
    expect(swap.res.status).toBe(200);
    expect(swap.res.body.recoveryCodes).toHaveLength(10);
    for (const old of [session, other]) {
      const res = await t.api.get('/api/auth/me').set(bearer(old));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('SESSION_REVOKED');
    }
    expect((await t.api.get('/api/auth/me').set(bearer(swap.res.body.token))).status).toBe(200);
    expect((await signIn('d150222', '10.2.2.3', await code(swap.secret, 1))).status).toBe(200);
  });

  test('with the password: replaced; a token issued before the first enrolment ended with it', async () => {
    const before = (await signIn('d150223', '10.2.3.1')).body.token as string;
    const first = await enrol((await signIn('d150223', '10.2.3.1')).body.token);
    expect(first.res.status).toBe(200);
    expect((await t.api.get('/api/auth/me').set(bearer(before))).status).toBe(401);
    expect((await t.api.post('/api/auth/totp/enroll').set(bearer(before))).status).toBe(401);
    const swap = await enrol(first.res.body.token, { currentPassword: DEMO_PASSWORD });
    expect(swap.res.status).toBe(200);
  });
});

describe('a session that never passed a second factor, once the account requires one', () => {
  test('a token from a process without TOTP_REQUIRED is refused 401 SECOND_FACTOR_REQUIRED where it is on', async () => {
    await t.query(`UPDATE users SET demo = false WHERE username = 'street'`);
    const token = (await signIn('street', '10.3.1.1')).body.token as string;
    expect((await t.api.get('/api/owners').set(bearer(token))).status).toBe(200);
    const required = createApp({ database: t.database, config: { ...t.config, totp: { ...t.config.totp, required: true } }, log: () => undefined });
    const res = await request(required.callback()).get('/api/owners').set(bearer(token));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    // a demo account the policy exempts keeps working there
    const community = (await signIn('community', '10.3.1.1')).body.token as string;
    expect((await request(required.callback()).get('/api/owners').set(bearer(community))).status).toBe(200);
  });

  test('a token whose sign-in used a code works there, and keeps the claim when renewed', async () => {
    await t.query(`UPDATE users SET demo = false WHERE username = 'd150271'`);
    const first = (await signIn('d150271', '10.3.2.1')).body.token as string;
    const start = await t.api.post('/api/auth/totp/enroll').set(bearer(first));
    const secret = new URL(start.body.otpauthUrl).searchParams.get('secret')!;
    const done = await t.api
      .post('/api/auth/totp/confirm')
      .set(bearer(first))
      .send({ otp: await code(secret) });
    expect(done.status).toBe(200);
    const withCode = (await signIn('d150271', '10.3.2.1', await code(secret, 1))).body.token as string;
    const required = createApp({ database: t.database, config: { ...t.config, totp: { ...t.config.totp, required: true } }, log: () => undefined });
    expect((await request(required.callback()).get('/api/owners').set(bearer(withCode))).status).toBe(200);
    expect((await request(required.callback()).get('/api/owners').set(bearer(done.body.token))).status).toBe(200);

    const tokens = createTokenService(t.config.jwtSecret, 3600, 60);
    const session = tokens.verify(withCode);
    expect(session.actor.mfa).toBe(true);
    const renewed = tokens.renewal({ ...session, expiresAt: Date.now() + 1000 })!;
    expect(tokens.verify(renewed).actor.mfa).toBe(true);
    const bare = tokens.renewal({ ...tokens.verify(tokens.sign({ ...session.actor, mfa: undefined }, session.epoch)), expiresAt: Date.now() + 1000 })!;
    expect(tokens.verify(bare).actor.mfa).toBeUndefined();
  });
});
