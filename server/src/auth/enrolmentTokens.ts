import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Long enough to scan a QR code and type one code; the password is asked again after it. */
const TTL_SECONDS = 600;

/**
 * A token that only lets a staff member who must enrol a second factor reach the enrolment routes
 * (issue 17). Signed under a key derived from JWT_SECRET for this purpose alone, so the session
 * middleware rejects it everywhere else; it carries the session epoch, so a password change,
 * reset or disabling ends it too.
 */
export function createEnrolmentTokens(jwtSecret: string) {
  const key: KeyObject = createSecretKey(createHash('sha256').update(`totp-enrolment:${jwtSecret}`).digest());
  return {
    sign(userId: number, epoch: number): string {
      return jwt.sign({ sub: String(userId), ver: epoch, purpose: 'totp-enrolment' }, key, { algorithm: 'HS256', expiresIn: TTL_SECONDS });
    },
    /** The user id and epoch, or undefined for anything that is not a live enrolment token. */
    verify(token: string): { userId: number; epoch: number } | undefined {
      try {
        const c = jwt.verify(token, key, { algorithms: ['HS256'] }) as { sub?: string; ver?: number; purpose?: string };
        if (c.purpose !== 'totp-enrolment' || !/^\d{1,10}$/.test(c.sub ?? '') || !Number.isSafeInteger(c.ver)) return undefined;
        return { userId: Number(c.sub), epoch: c.ver! };
      } catch {
        return undefined;
      }
    },
  };
}
export type EnrolmentTokens = ReturnType<typeof createEnrolmentTokens>;
