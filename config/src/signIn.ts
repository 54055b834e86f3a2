import { z } from 'zod';

/**
 * Staff sign-in security (issue 17, MLPS 2.0 level 3 — GB/T 22239-2019 8.1.4.1 identification and
 * authentication: complexity, failure handling, idle timeout). Policy numbers, each with a default.
 */
export interface SignInSettings {
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Failed sign-ins for one username within `failureWindowSeconds` that lock it. */
  lockAfter: number;
  failureWindowSeconds: number;
  /** How long a lock lasts unless the city admin unlocks it first. */
  lockSeconds: number;
  /** Failed sign-ins from one address (any usernames) within `addressWindowSeconds` before it is throttled. */
  addressMaxFailures: number;
  addressWindowSeconds: number;
  /** A staff session ends after this long without a request (its token lives this long and is renewed past half-life). */
  staffIdleSeconds: number;
  password: { minLength: number; minClasses: number };
}

export const signInEnvSchema = {
  TRUST_PROXY: z
    .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
    .transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes')
    .default(false),
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(3).max(100).default(10),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  LOGIN_LOCK_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(1800),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(5).max(10_000).default(30),
  LOGIN_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** Default 30 minutes; as low as 2 seconds so tests can watch a session idle out. */
  STAFF_IDLE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(1800),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(8),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
};

export function signInSettings(e: {
  TRUST_PROXY: boolean;
  LOGIN_LOCK_AFTER: number;
  LOGIN_FAILURE_WINDOW_SECONDS: number;
  LOGIN_LOCK_SECONDS: number;
  LOGIN_ADDRESS_MAX_FAILURES: number;
  LOGIN_ADDRESS_WINDOW_SECONDS: number;
  STAFF_IDLE_SECONDS: number;
  PASSWORD_MIN_LENGTH: number;
  PASSWORD_MIN_CLASSES: number;
}): SignInSettings {
  return {
    trustProxy: e.TRUST_PROXY,
    lockAfter: e.LOGIN_LOCK_AFTER,
    failureWindowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
    lockSeconds: e.LOGIN_LOCK_SECONDS,
    addressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
    addressWindowSeconds: e.LOGIN_ADDRESS_WINDOW_SECONDS,
    staffIdleSeconds: e.STAFF_IDLE_SECONDS,
    password: { minLength: e.PASSWORD_MIN_LENGTH, minClasses: e.PASSWORD_MIN_CLASSES },
  };
}
