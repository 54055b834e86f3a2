import { createTestApi, type TestApi } from '../../../test/support/api';
import { DEMO_PASSWORD } from '../../../test/support/testConfig';

// Issue 17: passwords follow the setting (length, character classes, not the username) wherever
// one is set, and a password an administrator chose is changed at the account's first sign-in —
// until then every call but /api/auth/* is refused 403 PASSWORD_CHANGE_REQUIRED. Demo accounts
// are seeded, not created by an administrator: they sign in as before.

// Each sign-in costs a scrypt; on a loaded 2-core machine a sequence of 30 takes seconds.
jest.setTimeout(60_000);

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const asCity = async () => bearer(await t.login('city'));
const newUser = (username: string, password: string) => ({ username, name: `测试${username}`, role: 'street_staff', regionCode: '150203001', password });
const signIn = (username: string, password: string) => t.api.post('/api/auth/login').send({ username, password });

describe('the password rule (PASSWORD_MIN_LENGTH 8, PASSWORD_MIN_CLASSES 3 by default) on every password set', () => {
  test.each([
    ['too short', 'Ab1-xyz', '密码至少8位'],
    ['two classes (the demo password)', 'baotou2024', '密码须包含小写字母、大写字母、数字、符号中的至少3类'],
    ['contains the username', 'Policy_user1-x', '密码不能包含用户名'],
  ])('creating an account, %s → 400 PASSWORD_POLICY on the field, nothing stored', async (_, password, message) => {
    const res = await t.api
      .post('/api/users')
      .set(await asCity())
      .send(newUser('policy_user1', password));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'PASSWORD_POLICY', message, fields: { password: message } });
    expect(await t.query(`SELECT 1 FROM users WHERE username = 'policy_user1'`)).toHaveLength(0);
  });

  test('an administrator resetting a password: the same rule', async () => {
    const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM users WHERE username = 'd150205'`);
    const res = await t.api
      .put(`/api/users/${id}`)
      .set(await asCity())
      .send({ password: 'abcdefgh' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ password: '密码须包含小写字母、大写字母、数字、符号中的至少3类' });
  });

  test("changing one's own password: the same rule, and not the current one again", async () => {
    const token = await t.login('d150204');
    const weak = await t.api.post('/api/auth/password').set(bearer(token)).send({ currentPassword: DEMO_PASSWORD, newPassword: 'baotou2025' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('PASSWORD_POLICY');
    expect(weak.body.error.fields.newPassword).toMatch(/至少3类/);
    const mine = await t.api.post('/api/auth/password').set(bearer(token)).send({ currentPassword: DEMO_PASSWORD, newPassword: 'd150204-Pass' });
    expect(mine.body.error.fields).toEqual({ newPassword: '密码不能包含用户名' });
    // the old password still works: nothing changed
    expect((await signIn('d150204', DEMO_PASSWORD)).status).toBe(200);
  });

  test('the console reads the rule from GET /api/auth/options', async () => {
    expect((await t.api.get('/api/auth/options')).body.passwordPolicy).toEqual({ minLength: 8, minClasses: 3 });
  });

  test('sibling: a stricter setting (PASSWORD_MIN_LENGTH=12) refuses what the default accepts', async () => {
    const strict = await createTestApi({ PASSWORD_MIN_LENGTH: '12', PASSWORD_MIN_CLASSES: '4' });
    try {
      const token = await strict.login('city');
      const res = await strict.api.post('/api/users').set(bearer(token)).send(newUser('strict_user', 'Welcome-20!'));
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ password: '密码至少12位' });
      expect((await strict.api.post('/api/users').set(bearer(token)).send(newUser('strict_user', 'Welcome-2024-ok'))).status).toBe(201);
    } finally {
      await strict.close();
    }
  });
});

describe('a password an administrator set is changed at first sign-in', () => {
  test('created by the city admin → login says so, other calls 403 until changed, then all works', async () => {
    const created = await t.api
      .post('/api/users')
      .set(await asCity())
      .send(newUser('first_login1', 'Welcome-2024'));
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);

    const login = await signIn('first_login1', 'Welcome-2024');
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.token;
    const refused = await t.api.get('/api/compounds').set(bearer(token));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '首次登录须先修改密码' });
    expect((await t.api.put('/api/households/1').set(bearer(token)).send({ room: 'x' })).status).toBe(403);
    // its own account stays reachable
    expect((await t.api.get('/api/auth/me').set(bearer(token))).body.mustChangePassword).toBe(true);

    const same = await t.api.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'Welcome-2024', newPassword: 'Welcome-2024' });
    expect(same.status).toBe(400);
    expect(same.body.error.code).toBe('PASSWORD_UNCHANGED');

    const changed = await t.api.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'Welcome-2024', newPassword: 'My-own-secret-9' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await t.api.get('/api/compounds').set(bearer(changed.body.token))).status).toBe(200);
    expect((await t.api.get('/api/compounds').set(bearer(token))).status).toBe(401);
    const again = await signIn('first_login1', 'My-own-secret-9');
    expect(again.body.user.mustChangePassword).toBe(false);
  });

  test('sibling: a password reset by a district admin → changed at the next sign-in too', async () => {
    const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM users WHERE username = 'street'`);
    expect(
      (
        await t.api
          .put(`/api/users/${id}`)
          .set(bearer(await t.login('d150203')))
          .send({ password: 'Reset-by-d150203' })
      ).status,
    ).toBe(200);
    const login = await signIn('street', 'Reset-by-d150203');
    expect(login.body.user.mustChangePassword).toBe(true);
    expect((await t.api.get('/api/compounds').set(bearer(login.body.token))).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  test('demo accounts (seeded, not created by an administrator) sign in and work as before', async () => {
    const login = await signIn('community', DEMO_PASSWORD);
    expect(login.body.user.mustChangePassword).toBe(false);
    expect((await t.api.get('/api/compounds').set(bearer(login.body.token))).status).toBe(200);
  });
});
