import { z } from 'zod';

/**
 * Staff second factor (issue 17; GB/T 22239-2019 8.1.4.1 d). Who must use one is a shared rule
 * (secondFactorStep in @baotou/shared); these are its settings.
 */
export interface TotpSettings {
  /** TOTP_REQUIRED: enforce a second factor (default on in production, off elsewhere). */
  required: boolean;
  /**
   * TOTP_REQUIRED_ROLES as written (`all` or staff roles separated by commas; default `all`); the
   * server parses it with parseStaffRoles, which refuses unknown roles. Roles that can see full
   * personal data are required whatever it says.
   */
  requiredRoles: string;
  /** Demo accounts need none: true only outside production (they are never seeded in production). */
  exemptDemoAccounts: boolean;
  /** The authenticator app's label for this platform (otpauth issuer). */
  issuer: string;
  /** Codes this many 30-second steps before or after now are accepted (clock drift; each code counts once). */
  windowSteps: number;
}

export const totpEnvSchema = {
  TOTP_REQUIRED: z
    .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
    .transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes')
    .optional(),
  TOTP_REQUIRED_ROLES: z.string().max(200).default('all'),
  TOTP_ISSUER: z.string().min(1).max(40).default('包头智慧物业'),
  TOTP_WINDOW_STEPS: z.coerce.number().int().min(0).max(2).default(1),
};

export function totpSettings(
  e: { TOTP_REQUIRED?: boolean; TOTP_REQUIRED_ROLES: string; TOTP_ISSUER: string; TOTP_WINDOW_STEPS: number },
  production: boolean,
): TotpSettings {
  return {
    required: e.TOTP_REQUIRED ?? production,
    requiredRoles: e.TOTP_REQUIRED_ROLES,
    exemptDemoAccounts: !production,
    issuer: e.TOTP_ISSUER,
    windowSteps: e.TOTP_WINDOW_STEPS,
  };
}
