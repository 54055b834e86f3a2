import { z } from 'zod';

/**
 * What browsers are told about this site (issue 17, MLPS 2.0 level 3): which other origins may call
 * the API, and how long a browser keeps to HTTPS once it has seen the site over TLS.
 */
export interface WebSettings {
  /**
   * Origins (`https://host[:port]`) allowed to call the API from a browser page of their own. Empty
   * by default: the console and H5 are served by this server (same origin) and the WeChat
   * mini-program does not use CORS.
   */
  corsOrigins: string[];
  /** Strict-Transport-Security max-age, sent only on requests that came over TLS. */
  hstsMaxAgeSeconds: number;
  /**
   * Bearer token that lets a scraper outside the local network read `GET /api/metrics`; null: only
   * loopback and private-network addresses may (operations practice, MLPS 2.0 level 3 access control).
   */
  metricsToken: string | null;
}

/** One origin as browsers send it in `Origin`: scheme, host and port only, no path, no wildcard. */
const origin = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
  } catch {
    return false;
  }
}, '必须是 https://主机[:端口] 形式的来源，不带路径或末尾斜杠 (an origin such as https://example.gov.cn)');

export const webEnvSchema = {
  /** Comma-separated, e.g. `https://a.example.gov.cn,https://b.example.gov.cn`. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  HSTS_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 * 365 * 86_400)
    .default(365 * 86_400),
  METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._~-]{32,200}$/, '至少32位的字母数字令牌 (at least 32 URL-safe characters)')
    .optional(),
};

export function webSettings(e: { CORS_ORIGINS: string[]; HSTS_MAX_AGE_SECONDS: number; METRICS_TOKEN?: string }): WebSettings {
  return { corsOrigins: e.CORS_ORIGINS, hstsMaxAgeSeconds: e.HSTS_MAX_AGE_SECONDS, metricsToken: e.METRICS_TOKEN ?? null };
}
