import { ROLES, STAFF_ROLES, type Role, type StaffRole } from './roles';

/**
 * The audited views that show a person's data in full (DOMAIN.md §7: "Staff views show full data
 * only to roles that need it, and each such view is audited"), by the roles the view is granted
 * to. The routes read their role lists from here, so the second-factor rule below cannot drift
 * from who may actually see full data.
 *
 * Not listed: the ticket caller's contact (GET /api/tickets/:id/contact). It is granted per case —
 * to whoever handles that case now or entered it (seesTicketContactInFull) — not to a role over a
 * jurisdiction, so it does not by itself make a role one that "can see full personal data".
 */
export const FULL_VIEW_ROLES = {
  /** GET /api/owners/:id/contact: an owner's phone and ID number. */
  ownerContact: ['city_admin', 'district_staff', 'street_staff', 'community_staff'],
  /** GET /api/party-members/:id/contact: a party member's phone. */
  partyMemberContact: ['party_staff'],
  /** GET /api/uploads/:id for a paper ballot's scan: an owner's signed choice. */
  ballotScan: ['city_admin', 'district_staff', 'street_staff', 'community_staff'],
} as const satisfies Record<string, readonly StaffRole[]>;

/** Staff roles granted at least one full view above, in STAFF_ROLES order. */
export const ROLES_SEEING_FULL_PERSONAL_DATA: readonly StaffRole[] = STAFF_ROLES.filter((r) =>
  Object.values(FULL_VIEW_ROLES).some((roles) => (roles as readonly StaffRole[]).includes(r)),
);

/** What a correct password leads to: a session, a code to ask for, or enrolment first. */
export type SecondFactorStep = 'none' | 'otp' | 'enrol';

export interface SecondFactorPolicy {
  /** TOTP_REQUIRED: the second factor is enforced (default on in production). */
  required: boolean;
  /** TOTP_REQUIRED_ROLES: staff roles it is enforced for; roles seeing full personal data are always added. */
  requiredRoles: readonly StaffRole[];
  /** Demo accounts are exempt (only outside production, where they are seeded). */
  exemptDemoAccounts: boolean;
}

/**
 * After a correct password (issue 17, GB/T 22239-2019 8.1.4.1 d: two or more authentication
 * techniques for administrators): an account that has confirmed a second factor is always asked for
 * it ('otp'); otherwise, when the policy requires one for its role — a role in `requiredRoles` or
 * one in ROLES_SEEING_FULL_PERSONAL_DATA — and it is not an exempt demo account, it must enrol
 * first ('enrol'); else 'none'. Residents (WeChat sign-in) never get a second factor here.
 * Throws a RangeError for a role outside ROLES or a required role outside STAFF_ROLES.
 */
export function secondFactorStep(account: { role: Role; enrolled: boolean; demo: boolean }, policy: SecondFactorPolicy): SecondFactorStep {
  if (!(ROLES as readonly string[]).includes(account.role)) throw new RangeError(`未知角色: ${account.role}`);
  for (const r of policy.requiredRoles) if (!(STAFF_ROLES as readonly string[]).includes(r)) throw new RangeError(`未知员工角色: ${r}`);
  if (account.role === 'resident') return 'none';
  if (account.enrolled) return 'otp';
  if (!policy.required || (account.demo && policy.exemptDemoAccounts)) return 'none';
  const role = account.role as StaffRole;
  return policy.requiredRoles.includes(role) || ROLES_SEEING_FULL_PERSONAL_DATA.includes(role) ? 'enrol' : 'none';
}

/**
 * TOTP_REQUIRED_ROLES as written in the environment: `all`, or staff roles separated by commas
 * (blank means none beyond the full-data roles). Throws a RangeError naming an unknown role.
 */
export function parseStaffRoles(list: string): StaffRole[] {
  const trimmed = list.trim();
  if (trimmed === 'all') return [...STAFF_ROLES];
  const roles = trimmed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const r of roles) if (!(STAFF_ROLES as readonly string[]).includes(r)) throw new RangeError(`TOTP_REQUIRED_ROLES: 未知员工角色 ${r}`);
  return [...new Set(roles)] as StaffRole[];
}

/** A six-digit authenticator code (RFC 6238 with 6 digits). */
export const TOTP_CODE = /^\d{6}$/;

/**
 * A recovery code as typed: case, spaces and dashes do not matter (`abcd-efgh-…` = `ABCDEFGH…`).
 * Returns the canonical form (upper case, no separators), or null when it cannot be one: codes are
 * 16 characters from RECOVERY_CODE_ALPHABET.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const s = typed.replace(/[\s-]/g, '').toUpperCase();
  return s.length === 16 && [...s].every((c) => RECOVERY_CODE_ALPHABET.includes(c)) ? s : null;
}

/** Crockford-style base32 without I, L, O, U: nothing to misread on paper (80 bits per 16-character code). */
export const RECOVERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `ABCDEFGHJKMNPQRS` → `ABCD-EFGH-JKMN-PQRS`, as shown once to the user. */
export function formatRecoveryCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)!.join('-');
}
