/**
 * Password rule for staff accounts (issue 17; MLPS 2.0 level 3, GB/T 22239-2019 8.1.4.1 a:
 * passwords of sufficient complexity, replaced when issued by someone else). The numbers are
 * settings (config: PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES); the rule is this one function,
 * used by the server on every password it stores and by the console on its password fields.
 */
export interface PasswordPolicy {
  /** Minimum length in characters (Unicode code points), integer ≥ 1. */
  minLength: number;
  /** How many of the four classes (lower-case, upper-case, digit, other) must appear: 1–4. */
  minClasses: number;
}

export const PASSWORD_CLASS_LABELS = ['小写字母', '大写字母', '数字', '符号'] as const;

/** Which of the four classes a password uses, as a count 0–4. */
export function passwordClassCount(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * The first way `password` breaks the policy, as a Chinese message for the form field, or null
 * when it complies. `username`, when given, must not appear in the password (any letter case).
 * Throws RangeError for a policy outside its bounds (a settings mistake, not user input).
 */
export function passwordProblem(password: string, policy: PasswordPolicy, username?: string | null): string | null {
  if (!Number.isInteger(policy.minLength) || policy.minLength < 1) throw new RangeError(`minLength must be an integer ≥ 1: ${policy.minLength}`);
  if (!Number.isInteger(policy.minClasses) || policy.minClasses < 1 || policy.minClasses > 4)
    throw new RangeError(`minClasses must be 1–4: ${policy.minClasses}`);
  if ([...password].length < policy.minLength) return `密码至少${policy.minLength}位`;
  if (passwordClassCount(password) < policy.minClasses) {
    return policy.minClasses === 4 ? '密码须同时包含小写字母、大写字母、数字和符号' : `密码须包含小写字母、大写字母、数字、符号中的至少${policy.minClasses}类`;
  }
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  return null;
}

/** The policy in one sentence, for a field's helper text. */
export function passwordPolicyHint(policy: PasswordPolicy): string {
  return `至少${policy.minLength}位，含小写字母、大写字母、数字、符号中的至少${policy.minClasses}类，不含用户名`;
}
