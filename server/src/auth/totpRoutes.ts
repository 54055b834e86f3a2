import type Router from '@koa/router';
import type { Context } from 'koa';
import { eq } from 'drizzle-orm';
import { totpConfirmSchema } from '@baotou/shared';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { badRequest, conflict, notFound, unauthorized } from '../http/errors';
import { requestOrigin } from '../audit/origin';
import { requireActor } from './middleware';
import type { SessionChecker } from './sessions';
import type { EnrolmentTokens } from './enrolmentTokens';
import type { SecondFactor } from './totp';
import type { SignInGuard } from './signInGuard';
import { verifyPassword } from './password';

type UserRow = typeof users.$inferSelect;

/**
 * The second-factor routes (issue 17). The caller is a signed-in staff member, or one holding the
 * enrolment token sign-in gave them because they must enrol first. Confirming returns a new session
 * (`sessionOf`, a token that passed the second factor) and ends every other one.
 */
export function registerTotpRoutes(
  router: Router,
  db: Db,
  factor: SecondFactor,
  enrolment: EnrolmentTokens,
  sessions: SessionChecker,
  guard: SignInGuard,
  sessionOf: (u: UserRow) => object,
): void {
  /**
   * `enrolling`: an enrolment token only sets up a first factor — once the account has one, only a
   * full session (which passed it) may replace it.
   */
  async function caller(ctx: Context, enrolling = false): Promise<{ user: UserRow; viaEnrolment: boolean }> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    const t = !ctx.state.actor && bearer ? enrolment.verify(bearer) : undefined;
    const id = t ? t.userId : requireActor(ctx).id;
    const [u] = await db.select().from(users).where(eq(users.id, id));
    if (!u || u.disabled || (t && u.sessionEpoch !== t.epoch)) throw unauthorized('SESSION_REVOKED', '账号已变更或停用，请重新登录');
    if (t && enrolling && (await factor.status(u)).enrolled) throw conflict('TOTP_ALREADY_ENROLLED', '已设置两步验证，请用验证码重新登录');
    return { user: u, viaEnrolment: !!t };
  }

  router.get('/api/auth/totp', async (ctx) => {
    const { user } = await caller(ctx);
    ctx.body = await factor.status(user);
  });

  router.post('/api/auth/totp/enroll', async (ctx) => {
    const { user } = await caller(ctx, true);
    ctx.body = await factor.enrol(user, requestOrigin(ctx));
  });

  /**
   * Replacing a factor in force takes proof of it — a current or recovery code, or the password —
   * checked through the sign-in guard like a login (counted, locked, audited): a session alone
   * (a stolen token) cannot swap the second factor.
   */
  async function proveCurrentFactor(ctx: Context, user: UserRow, input: { currentOtp?: string; currentPassword?: string }): Promise<void> {
    if (!(await factor.status(user)).enrolled) return;
    if (!input.currentOtp && !input.currentPassword) {
      throw badRequest('CURRENT_FACTOR_REQUIRED', '更换两步验证须输入当前验证码（或恢复码）或登录密码', {
        currentOtp: '请输入当前验证码或恢复码',
        currentPassword: '或输入登录密码',
      });
    }
    const origin = requestOrigin(ctx);
    const attempt = await guard.begin(user.username ?? String(user.id), origin, (seconds) => ctx.set('Retry-After', String(seconds)));
    if (input.currentOtp) {
      if (!(await factor.prove(user, input.currentOtp, origin))) {
        await attempt.failed(user);
        throw badRequest('OTP_INVALID', '当前验证码不正确或已使用过', { currentOtp: '当前验证码不正确或已使用过' });
      }
    } else if (!user.passwordHash || !(await verifyPassword(input.currentPassword!, user.passwordHash))) {
      await attempt.failed(user);
      throw badRequest('BAD_CREDENTIALS', '当前密码不正确', { currentPassword: '当前密码不正确' });
    }
    await attempt.succeeded();
  }

  router.post('/api/auth/totp/confirm', async (ctx) => {
    const { user } = await caller(ctx, true);
    const input = totpConfirmSchema.parse(ctx.request.body);
    await proveCurrentFactor(ctx, user, input);
    const { recoveryCodes, user: updated } = await factor.confirm(user, input.otp, requestOrigin(ctx));
    sessions.forget(user.id);
    ctx.body = { recoveryCodes, ...sessionOf(updated) };
  });

  // A lost phone: the city admin removes the factor (audited); the account's sessions end.
  router.post('/api/users/:id/reset-totp', async (ctx) => {
    const admin = requireActor(ctx, ['city_admin']);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('用户');
    const u = await factor.reset(admin, id);
    sessions.forget(id);
    ctx.body = { id: u.id, ...(await factor.status(u)) };
  });
}
