import { eq, ilike, like, or, sql } from 'drizzle-orm';
import type Router from '@koa/router';
import type { SignInSettings } from '@baotou/config';
import {
  ROLE_REGION_LEVEL,
  STAFF_ROLES,
  passwordProblem,
  regionLevel,
  userCreateSchema,
  userUpdateSchema,
  type PasswordPolicy,
  type Role,
} from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest, notFound } from '../http/errors';
import type { Db } from '../db/client';
import { writeAudit } from '../audit/audit';
import { requireActor } from './middleware';
import { lockedCondition, type SignInGuard } from './signInGuard';
import { filterValue, likeEscape } from '../http/listQuery';
import { regionAllows, regionCondition } from '../jurisdiction/scope';
import { users } from '../db/schema';
import type { Actor } from './actor';
import { hashPassword } from './password';
import type { SessionChecker } from './sessions';

/** What a token vouches for: changing any of these (or the password) ends the account's sessions. */
const SESSION_FIELDS = ['role', 'regionCode', 'companyId', 'disabled'] as const;

/** Whom an account manager may create or edit: city admins anyone; district staff their streets' and communities' staff. */
const MANAGEABLE: Partial<Record<Role, readonly Role[]>> = {
  city_admin: STAFF_ROLES,
  district_staff: ['street_staff', 'community_staff'],
};

/** Returns the account's region: required at the role's level, optional for company staff (who answer for a company). */
function checkAccount(actor: Actor, input: { role: Role; regionCode?: string | null; companyId?: number | null }): string | null {
  if (!MANAGEABLE[actor.role]?.includes(input.role)) throw badRequest('ROLE_NOT_ASSIGNABLE', '无权设置该角色', { role: '无权设置该角色' });
  if (input.role === 'company_staff') {
    if (!input.companyId) throw badRequest('VALIDATION_FAILED', '物业企业账号必须选择所属企业', { companyId: '请选择所属企业' });
    return input.regionCode ?? null;
  }
  if (!input.regionCode || regionLevel(input.regionCode) !== ROLE_REGION_LEVEL[input.role as keyof typeof ROLE_REGION_LEVEL]) {
    throw badRequest('VALIDATION_FAILED', '所属地区的级别与角色不符', { regionCode: '所属地区的级别与角色不符' });
  }
  return input.regionCode;
}

/** 400 PASSWORD_POLICY naming `field` when a password breaks the setting's rule (shared passwordProblem). */
export function checkPasswordPolicy(password: string, policy: PasswordPolicy, username: string | null | undefined, field: string): void {
  const problem = passwordProblem(password, policy, username);
  if (problem) throw badRequest('PASSWORD_POLICY', problem, { [field]: problem });
}

export function usersResource(sessions: SessionChecker, signIn: SignInSettings): ResourceDef {
  return {
    name: 'users',
    label: '用户',
    table: users,
    id: users.id,
    idKind: 'int',
    fields: {
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      companyId: users.companyId,
      disabled: users.disabled,
      /** Must change the password an administrator set before doing anything else (issue 17). */
      mustChangePassword: users.mustChangePassword,
      /** Locked by failed sign-ins (issue 17); the city admin unlocks with POST /api/users/:id/unlock. */
      locked: lockedCondition(signIn.lockAfter),
      createdAt: users.createdAt,
    },
    sortable: { id: users.id, username: users.username, name: users.name, role: users.role, regionCode: users.regionCode },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v, 40));
        return or(ilike(users.username, `%${q}%`), ilike(users.name, `%${q}%`));
      },
      role: (v) => eq(users.role, filterValue.oneOf('role', v, STAFF_ROLES)),
      regionCode: (v) => like(users.regionCode, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`),
    },
    // City administrators also manage company staff, who have no region; residents are no staff accounts.
    readScope: (actor) =>
      actor.role === 'city_admin' ? sql`${users.role} <> 'resident'` : MANAGEABLE[actor.role] ? regionCondition(actor, users.regionCode) : 'deny',
    write: {
      roles: ['city_admin', 'district_staff'],
      // Company staff have no region: the city bureau manages their accounts.
      allows: (actor, row) =>
        row.role === 'company_staff' ? actor.role === 'city_admin' : row.role !== 'resident' && regionAllows(actor, row.regionCode as string),
      readOnlyFields: ['createdAt', 'updatedAt', 'mustChangePassword', 'locked'],
      create: {
        schema: userCreateSchema,
        async prepare(input, c) {
          const regionCode = checkAccount(c.actor, input);
          const { password, ...rest } = input;
          checkPasswordPolicy(password, signIn.password, input.username, 'password');
          // Issue 17: a password someone else chose is changed at the account's first sign-in.
          return { ...rest, regionCode, companyId: rest.companyId ?? null, passwordHash: await hashPassword(password), mustChangePassword: true };
        },
      },
      update: {
        schema: userUpdateSchema,
        async prepare(input, c) {
          const regionCode = checkAccount(c.actor, input);
          const { password, ...rest } = input;
          if (password) checkPasswordPolicy(password, signIn.password, c.existing!.username as string, 'password');
          // A password an administrator resets is, like a new account's, changed at the next sign-in.
          const values = {
            ...rest,
            regionCode,
            companyId: rest.companyId ?? null,
            ...(password ? { passwordHash: await hashPassword(password), mustChangePassword: true } : {}),
          };
          const endsSessions = !!password || SESSION_FIELDS.some((k) => (values[k] ?? null) !== (c.existing![k] ?? null));
          return endsSessions ? { ...values, sessionEpoch: sql`${users.sessionEpoch} + 1` } : values;
        },
        // Inside the transaction: forget() also stops caching this user for a while, so a read racing the commit is not kept.
        after: async (row) => sessions.forget(row.id as number),
      },
    },
  };
}

/**
 * POST /api/users/:id/unlock (city admin): ends the account's sign-in lock and forgets its failed
 * attempts, in one transaction with the audit row. Other roles 403; a resident or unknown id 404.
 */
export function registerUnlockRoute(router: Router, db: Db, guard: SignInGuard): void {
  router.post('/api/users/:id/unlock', async (ctx) => {
    const actor = requireActor(ctx, ['city_admin']);
    const raw = ctx.params.id;
    if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2147483647) throw notFound('用户');
    ctx.body = await db.transaction(async (tx) => {
      const [u] = await tx
        .select()
        .from(users)
        .where(eq(users.id, Number(raw)));
      if (!u?.username) throw notFound('用户');
      const wasLocked = await guard.unlock(tx, u.username);
      await writeAudit(tx, actor, { action: 'unlock', entity: 'users', entityId: u.id, regionCode: u.regionCode, after: { username: u.username, wasLocked } });
      return { id: u.id, username: u.username, locked: false };
    });
  });
}
