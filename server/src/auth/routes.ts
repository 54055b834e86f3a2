import type Router from '@koa/router';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import { devLoginSchema, loginSchema, passwordChangeSchema, wechatLoginSchema } from '@baotou/shared';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { AppError, badRequest, unauthorized } from '../http/errors';
import type { Actor } from './actor';
import { requireActor } from './middleware';
import { hashPassword, verifyPassword } from './password';
import type { TokenService } from './tokens';
import type { SessionChecker } from './sessions';
import { code2Session } from './wechat';
import type { PersonalDataCipher } from '../places/personalData';
import { createSecondFactor } from './totp';
import { createEnrolmentTokens } from './enrolmentTokens';
import { registerTotpRoutes } from './totpRoutes';
import { writeAudit } from '../audit/audit';
import { requestOrigin } from '../audit/origin';
import { createSignInGuard } from './signInGuard';
import { checkPasswordPolicy, registerUnlockRoute } from './users';

type UserRow = typeof users.$inferSelect;

function actorOf(u: UserRow, mfa = false): Actor {
  return {
    id: u.id,
    name: u.name,
    role: u.role,
    regionCode: u.regionCode ?? undefined,
    companyId: u.companyId ?? undefined,
    ...(u.mustChangePassword ? { mustChangePassword: true } : {}),
    ...(mfa ? { mfa: true } : {}),
  };
}

/** `mfa`: this sign-in passed a second factor (the token's claim, kept on renewal and password change). */
function session(tokens: TokenService, u: UserRow, mfa = false) {
  return {
    token: tokens.sign(actorOf(u, mfa), u.sessionEpoch),
    user: {
      id: u.id,
      username: u.username,
      name: u.name,
      role: u.role,
      regionCode: u.regionCode,
      companyId: u.companyId,
      mustChangePassword: u.mustChangePassword,
    },
  };
}

export function registerAuthRoutes(router: Router, db: Db, config: Config, tokens: TokenService, sessions: SessionChecker, cipher: PersonalDataCipher): void {
  // Issue 17: a second factor after the password for staff (totp.ts); enrolment first where required.
  const secondFactor = createSecondFactor(db, cipher, config.totp);
  const enrolment = createEnrolmentTokens(config.jwtSecret);
  // Issue 17: failed sign-ins throttled per address and locked per username, in the database (signInGuard.ts);
  // every route that checks a password goes through it (login, password change, replacing the second factor).
  const guard = createSignInGuard(db, config.signIn);
  registerTotpRoutes(router, db, secondFactor, enrolment, sessions, guard, (u) => session(tokens, u, true));
  // An unknown username still costs one scrypt, so timing does not tell which usernames exist.
  let decoyHash: Promise<string> | undefined;
  registerUnlockRoute(router, db, guard);
  router.post('/api/auth/login', async (ctx) => {
    const input = loginSchema.parse(ctx.request.body);
    const attempt = await guard.begin(input.username, requestOrigin(ctx), (seconds) => ctx.set('Retry-After', String(seconds)));
    const [u] = await db.select().from(users).where(eq(users.username, input.username));
    const hash = u?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy-password')));
    const passwordOk = await verifyPassword(input.password, hash);
    // Same answer for an unknown user and a wrong password.
    if (!u || u.disabled || !passwordOk) {
      await attempt.failed(u);
      throw unauthorized('BAD_CREDENTIALS', '用户名或密码错误');
    }
    // A wrong or reused code counts as a failed sign-in; none given (OTP_REQUIRED) gives the attempt's points back.
    const second = await secondFactor.signIn(u, input.otp, requestOrigin(ctx)).catch(async (err) => {
      if (err instanceof AppError && err.code === 'OTP_INVALID') await attempt.failed(u);
      if (err instanceof AppError && err.code === 'OTP_REQUIRED') await attempt.released();
      throw err;
    });
    await attempt.succeeded();
    ctx.body =
      second.kind === 'enrol'
        ? { totpEnrolmentRequired: true, enrolmentToken: enrolment.sign(u.id, u.sessionEpoch), user: session(tokens, u).user }
        : session(tokens, u, second.via !== 'none');
  });

  const residentByOpenid = async (openid: string, name: string) => {
    return db.transaction(async (tx) => {
      const [found] = await tx.select().from(users).where(eq(users.openid, openid));
      if (found) return found;
      const [created] = await tx.insert(users).values({ openid, name, role: 'resident' }).onConflictDoNothing().returning();
      const u = created ?? (await tx.select().from(users).where(eq(users.openid, openid)))[0];
      if (created) await writeAudit(tx, actorOf(u), { action: 'register', entity: 'users', entityId: u.id });
      return u;
    });
  };

  router.post('/api/auth/wechat', async (ctx) => {
    const { code } = wechatLoginSchema.parse(ctx.request.body);
    const wx = await code2Session(config.wechat, code);
    const u = await residentByOpenid(wx.openid, '微信用户');
    if (u.disabled) throw new AppError('ACCOUNT_DISABLED', 403, '账号已停用');
    ctx.body = session(tokens, u);
  });

  router.get('/api/auth/options', (ctx) => {
    ctx.body = { devLogin: config.devLogin, passwordPolicy: config.signIn.password };
  });

  if (config.devLogin) {
    // H5 builds have no wx.login: a development-only stand-in, off by default in production.
    router.post('/api/auth/dev-login', async (ctx) => {
      const input = devLoginSchema.parse(ctx.request.body);
      const u = await residentByOpenid(`dev_${input.openid}`, input.name || '体验用户');
      ctx.body = session(tokens, u);
    });
  }

  router.get('/api/auth/me', async (ctx) => {
    const actor = requireActor(ctx);
    const [u] = await db.select().from(users).where(eq(users.id, actor.id));
    if (!u || u.disabled) throw unauthorized('ACCOUNT_DISABLED', '账号不存在或已停用');
    ctx.body = session(tokens, u).user;
  });

  // Changing one's password ends every other session (the epoch moves on); this one gets a new token.
  // The current password is checked through the sign-in guard: counted, throttled, locked and audited like a login.
  router.post('/api/auth/password', async (ctx) => {
    const actor = requireActor(ctx);
    const input = passwordChangeSchema.parse(ctx.request.body);
    const [u] = await db.select().from(users).where(eq(users.id, actor.id));
    if (!u?.passwordHash || !u.username) throw badRequest('NO_PASSWORD', '该账号不使用密码登录');
    const attempt = await guard.begin(u.username, requestOrigin(ctx), (seconds) => ctx.set('Retry-After', String(seconds)));
    if (!(await verifyPassword(input.currentPassword, u.passwordHash))) {
      await attempt.failed(u);
      throw badRequest('BAD_CREDENTIALS', '当前密码不正确', { currentPassword: '当前密码不正确' });
    }
    await attempt.succeeded();
    checkPasswordPolicy(input.newPassword, config.signIn.password, u.username, 'newPassword');
    if (input.newPassword === input.currentPassword)
      throw badRequest('PASSWORD_UNCHANGED', '新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
    const passwordHash = await hashPassword(input.newPassword);
    const updated = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: false, sessionEpoch: sql`${users.sessionEpoch} + 1`, updatedAt: new Date() })
        .where(eq(users.id, actor.id))
        .returning();
      await writeAudit(tx, actor, { action: 'change_password', entity: 'users', entityId: actor.id, regionCode: row.regionCode });
      return row;
    });
    sessions.forget(actor.id);
    ctx.body = session(tokens, updated, !!actor.mfa);
  });
}
