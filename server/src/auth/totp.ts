import type { AuditAction } from '@baotou/shared';
import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull, or, lt, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { TotpSettings } from '@baotou/config';
import {
  RECOVERY_CODE_ALPHABET,
  TOTP_CODE,
  formatRecoveryCode,
  normalizeRecoveryCode,
  parseStaffRoles,
  secondFactorStep,
  type SecondFactorPolicy,
  type SecondFactorStep,
} from '@baotou/shared';
import type { Db, DbOrTx } from '../db/client';
import { staffSecondFactors, totpRecoveryCodes, users } from '../db/schema';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../http/errors';
import { writeAudit } from '../audit/audit';
import type { RequestOrigin } from '../audit/origin';
import type { PersonalDataCipher } from '../places/personalData';
import type { Actor } from './actor';

type UserRow = typeof users.$inferSelect;

const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;

/** A code that counts once: SM3 over the account and the canonical code (80 random bits, so a fast digest suffices). */
function recoveryDigest(userId: number, canonical: string): string {
  return createHash('sm3').update(`${userId}:${canonical}`).digest('hex');
}

function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  return s;
}

const actorOfRow = (u: UserRow): Actor => ({
  id: u.id,
  name: u.name,
  role: u.role,
  regionCode: u.regionCode ?? undefined,
  companyId: u.companyId ?? undefined,
});

/** What a correct password leads to: a session, or a session only after enrolment. Wrong codes throw. */
export type SignInOutcome = { kind: 'session'; via: 'none' | 'otp' | 'recovery' } | { kind: 'enrol' };

/** TOTP_REQUIRED, TOTP_REQUIRED_ROLES and the demo exemption as the shared rule takes them. */
export function secondFactorPolicy(settings: TotpSettings): SecondFactorPolicy {
  return { required: settings.required, requiredRoles: parseStaffRoles(settings.requiredRoles), exemptDemoAccounts: settings.exemptDemoAccounts };
}

/**
 * Staff second factor (issue 17): TOTP (RFC 6238, otplib) with the secret encrypted at rest by the
 * personal-data cipher, single-use recovery codes stored as digests, each code counted once.
 * Every enrolment, confirmation, reset and failure is audited with the request's address.
 */
export function createSecondFactor(db: Db, cipher: PersonalDataCipher, settings: TotpSettings) {
  const policy = secondFactorPolicy(settings);
  const tolerance = settings.windowSteps * PERIOD_SECONDS;

  async function factorOf(tx: DbOrTx, userId: number) {
    const [f] = await tx.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, userId));
    return f;
  }

  async function stepFor(u: UserRow): Promise<SecondFactorStep> {
    const f = await factorOf(db, u.id);
    return secondFactorStep({ role: u.role, enrolled: !!f?.secretEnc, demo: u.demo }, policy);
  }

  /** The time step `code` is valid for under `secretEnc`, or undefined. */
  async function stepOf(secretEnc: string, code: string): Promise<number | undefined> {
    const r = await verify({ secret: cipher.decrypt(secretEnc), token: code, epochTolerance: tolerance });
    // A TOTP verification's result carries the step it matched (the union type also covers HOTP's).
    return r.valid ? (r as { timeStep: number }).timeStep : undefined;
  }

  const audit = (u: UserRow, action: AuditAction, origin: RequestOrigin, after?: Record<string, unknown>) =>
    writeAudit(db, actorOfRow(u), { action, entity: 'users', entityId: u.id, regionCode: u.regionCode, origin, after });

  /**
   * An authenticator code or a recovery code, for an enrolled account: true when accepted (and from
   * then on spent). A TOTP code is spent by moving last_step past its step in one conditional
   * UPDATE, so the same code sent twice — even at the same instant — is accepted once.
   */
  async function spend(u: UserRow, typed: string, origin: RequestOrigin): Promise<'otp' | 'recovery' | undefined> {
    const f = await factorOf(db, u.id);
    if (!f?.secretEnc) return undefined;
    if (TOTP_CODE.test(typed)) {
      const step = await stepOf(f.secretEnc, typed);
      if (step === undefined) return undefined;
      const spent = await db
        .update(staffSecondFactors)
        .set({ lastStep: step })
        .where(and(eq(staffSecondFactors.userId, u.id), or(isNull(staffSecondFactors.lastStep), lt(staffSecondFactors.lastStep, step))))
        .returning({ userId: staffSecondFactors.userId });
      return spent.length ? 'otp' : undefined;
    }
    const canonical = normalizeRecoveryCode(typed);
    if (!canonical) return undefined;
    return db.transaction(async (tx) => {
      const used = await tx
        .update(totpRecoveryCodes)
        .set({ usedAt: new Date() })
        .where(and(eq(totpRecoveryCodes.userId, u.id), eq(totpRecoveryCodes.codeHash, recoveryDigest(u.id, canonical)), isNull(totpRecoveryCodes.usedAt)))
        .returning({ id: totpRecoveryCodes.id });
      if (!used.length) return undefined;
      const [{ left }] = await tx
        .select({ left: sql<number>`count(*)::int` })
        .from(totpRecoveryCodes)
        .where(and(eq(totpRecoveryCodes.userId, u.id), isNull(totpRecoveryCodes.usedAt)));
      await writeAudit(tx, actorOfRow(u), { action: 'totp_recovery_used', entity: 'users', entityId: u.id, regionCode: u.regionCode, origin, after: { left } });
      return 'recovery' as const;
    });
  }

  return {
    policy,

    /**
     * After a correct password. Enrolled: `otp` must be a fresh code or an unused recovery code —
     * none given → 401 OTP_REQUIRED; wrong or already used → 401 OTP_INVALID (audited). Required
     * but not enrolled → { kind: 'enrol' }. Otherwise a session.
     */
    async signIn(u: UserRow, otp: string | undefined, origin: RequestOrigin): Promise<SignInOutcome> {
      const step = await stepFor(u);
      if (step === 'none') return { kind: 'session', via: 'none' };
      if (step === 'enrol') return { kind: 'enrol' };
      if (!otp) throw unauthorized('OTP_REQUIRED', '请输入身份验证器上的6位验证码');
      const via = await spend(u, otp, origin);
      if (!via) {
        await audit(u, 'totp_failed', origin);
        throw unauthorized('OTP_INVALID', '验证码不正确或已使用过，请输入身份验证器上最新的验证码');
      }
      return { kind: 'session', via };
    },

    /**
     * Proof of the factor in force, for replacing it: a fresh code of the current authenticator or
     * an unused recovery code (spent either way). False (audited totp_failed) when wrong or used.
     */
    async prove(u: UserRow, typed: string, origin: RequestOrigin): Promise<boolean> {
      if (await spend(u, typed, origin)) return true;
      await audit(u, 'totp_failed', origin, { replacing: true });
      return false;
    },

    async status(u: UserRow) {
      const f = await factorOf(db, u.id);
      const [{ left }] = await db
        .select({ left: sql<number>`count(*)::int` })
        .from(totpRecoveryCodes)
        .where(and(eq(totpRecoveryCodes.userId, u.id), isNull(totpRecoveryCodes.usedAt)));
      return {
        enrolled: !!f?.secretEnc,
        enrolledAt: f?.enrolledAt ?? null,
        required: secondFactorStep({ role: u.role, enrolled: false, demo: u.demo }, policy) === 'enrol',
        recoveryCodesLeft: f?.secretEnc ? left : 0,
      };
    },

    /**
     * A new secret, pending until its first code is confirmed (an existing factor stays in force
     * until then). Returns the otpauth URL, its QR code as a PNG data URL, and the secret for typing in.
     */
    async enrol(u: UserRow, origin: RequestOrigin) {
      if (u.role === 'resident') throw forbidden('ROLE_FORBIDDEN', '居民账号不使用两步验证');
      const secret = generateSecret();
      const pendingSecretEnc = cipher.encrypt(secret);
      const now = new Date();
      await db.transaction(async (tx) => {
        await tx
          .insert(staffSecondFactors)
          .values({ userId: u.id, pendingSecretEnc, pendingAt: now })
          .onConflictDoUpdate({ target: staffSecondFactors.userId, set: { pendingSecretEnc, pendingAt: now } });
        await writeAudit(tx, actorOfRow(u), { action: 'totp_enrol', entity: 'users', entityId: u.id, regionCode: u.regionCode, origin });
      });
      const otpauthUrl = generateURI({ issuer: settings.issuer, label: u.username ?? String(u.id), secret });
      const qrPng = await QRCode.toDataURL(otpauthUrl, { width: 256, margin: 2, errorCorrectionLevel: 'M' });
      return { otpauthUrl, qrPng, secret };
    },

    /**
     * The first code of the pending secret makes it the account's factor (that code is spent) and
     * replaces every recovery code with ten new ones, returned once, never stored in clear. Bumps
     * users.session_epoch, so every other session ends (the caller forgets the cached epoch and
     * issues a token for this one from the returned row).
     * 409 TOTP_NOT_STARTED without a pending secret; 400 OTP_INVALID (audited) for a wrong code.
     * The caller has checked proof of a factor already in force (`prove` or the password).
     */
    async confirm(u: UserRow, otp: string, origin: RequestOrigin): Promise<{ recoveryCodes: string[]; user: UserRow }> {
      const f = await factorOf(db, u.id);
      if (!f?.pendingSecretEnc) throw conflict('TOTP_NOT_STARTED', '请先生成二维码并用身份验证器扫描');
      const step = await stepOf(f.pendingSecretEnc, otp);
      if (step === undefined) {
        await audit(u, 'totp_confirm_failed', origin);
        throw badRequest('OTP_INVALID', '验证码不正确，请输入身份验证器上最新的验证码', { otp: '验证码不正确' });
      }
      const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      const user = await db.transaction(async (tx) => {
        // Only the secret this code was checked against: a confirmation racing another changes nothing twice.
        const done = await tx
          .update(staffSecondFactors)
          .set({ secretEnc: f.pendingSecretEnc, pendingSecretEnc: null, pendingAt: null, enrolledAt: new Date(), lastStep: step })
          .where(and(eq(staffSecondFactors.userId, u.id), eq(staffSecondFactors.pendingSecretEnc, f.pendingSecretEnc!)))
          .returning({ userId: staffSecondFactors.userId });
        if (!done.length) throw conflict('TOTP_NOT_STARTED', '该二维码已确认或已被新的二维码取代');
        await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, u.id));
        await tx.insert(totpRecoveryCodes).values(codes.map((c) => ({ userId: u.id, codeHash: recoveryDigest(u.id, c) })));
        const [row] = await tx
          .update(users)
          .set({ sessionEpoch: sql`${users.sessionEpoch} + 1`, updatedAt: new Date() })
          .where(eq(users.id, u.id))
          .returning();
        await writeAudit(tx, actorOfRow(u), {
          action: 'totp_confirm',
          entity: 'users',
          entityId: u.id,
          regionCode: u.regionCode,
          origin,
          after: { recoveryCodes: RECOVERY_CODES, replaced: !!f.secretEnc },
        });
        return row;
      });
      return { recoveryCodes: codes.map(formatRecoveryCode), user };
    },

    /**
     * City admin: removes an account's factor and recovery codes (a lost phone) and ends its
     * sessions; where a factor is required it enrols again at its next sign-in. 404 for no staff
     * account; audited.
     */
    async reset(admin: Actor, userId: number): Promise<UserRow> {
      if (admin.role !== 'city_admin') throw forbidden('ROLE_FORBIDDEN', '只有市住建局管理员可以重置两步验证');
      return db.transaction(async (tx) => {
        const [u] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        if (!u || u.role === 'resident') throw notFound('用户');
        const removed = await tx.delete(staffSecondFactors).where(eq(staffSecondFactors.userId, userId)).returning({ secretEnc: staffSecondFactors.secretEnc });
        await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
        const [row] = await tx
          .update(users)
          .set({ sessionEpoch: sql`${users.sessionEpoch} + 1`, updatedAt: new Date() })
          .where(eq(users.id, userId))
          .returning();
        await writeAudit(tx, admin, {
          action: 'totp_reset',
          entity: 'users',
          entityId: userId,
          regionCode: u.regionCode,
          before: { enrolled: !!removed[0]?.secretEnc },
        });
        return row;
      });
    },
  };
}
export type SecondFactor = ReturnType<typeof createSecondFactor>;
