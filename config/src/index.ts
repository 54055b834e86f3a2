import { z } from 'zod';
import { randomBytes } from 'node:crypto';
export { YEARLY_TARGETS, targetFor } from './targets';
export type { YearlyTargets } from './targets';
import { ticketEnvSchema, ticketSettings, type TicketSettings } from './tickets';
export { DEFAULT_TIME_LIMITS, type TicketSettings } from './tickets';
import { uploadEnvSchema, uploadSettings, type UploadSettings } from './uploads';
export type { UploadSettings } from './uploads';
import { fundEnvSchema, fundSettings, type FundSettings } from './fund';
export { DEFAULT_FUND_LIMITS, type FundSettings } from './fund';
import { signInEnvSchema, signInSettings, type SignInSettings } from './signIn';
export type { SignInSettings } from './signIn';
import { auditEnvSchema, auditSettings, type AuditSettings } from './audit';
export { MIN_AUDIT_RETENTION_DAYS, type AuditSettings } from './audit';
import { personalDataEnvSchema, personalDataSettings, type PersonalDataSettings } from './personalData';
export { PERSONAL_DATA_ALGORITHMS, parseKeyList, type PersonalDataAlgorithm, type PersonalDataSettings } from './personalData';
import { webEnvSchema, webSettings, type WebSettings } from './web';
export type { WebSettings } from './web';
import { totpEnvSchema, totpSettings, type TotpSettings } from './totp';
import { notificationEnvSchema, notificationSettings, type NotificationSettings } from './notifications';
export type { NotificationSettings } from './notifications';
import { trainingEnvSchema, trainingSettings, type TrainingSettings } from './qualityWorkforce';
export type { TrainingSettings } from './qualityWorkforce';
export type { TotpSettings } from './totp';
import { quasiSubsidyEnvSchema, quasiSubsidySettings, type QuasiSubsidySettings } from './quasiSubsidy';
export { DEFAULT_QUASI_SUBSIDY_DISTRICTS, type QuasiSubsidySettings } from './quasiSubsidy';
import { renewalSurveyEnvSchema, renewalSurveySettings, type RenewalSurveySettings } from './renewalSurvey';
import { feesEnvSchema, feesSettings, type FeesSettings } from './fees';
export { DEFAULT_FEES_SETTINGS, type FeesSettings } from './fees';
import { supervisionSurveysEnvSchema, supervisionSurveySettings, type SupervisionSurveySettings } from './supervisionSurveys';
import { creditEnvSchema, creditSettings, type CreditSettings } from './credit';
export { DEFAULT_CREDIT_RULES, creditSettingsFromEnv, type CreditSettings, type CreditRuleSetting } from './credit';
import { pdfEnvSchema, pdfSettings, type PdfSettings } from './pdf';
export { DEFAULT_PDF_CJK_FONT_PATH, pdfSettingsFromEnv, type PdfSettings } from './pdf';
import { kpiEnvSchema, kpiSettings, type KpiSettings } from './kpi';
export type { KpiSettings } from './kpi';
export { filingSettingsFromEnv, type FilingSettings } from './filings';
export type { RenewalSurveySettings } from './renewalSurvey';
export type { SupervisionSurveySettings } from './supervisionSurveys';
import { payEnvSchema, paySettings, type PaySettings } from './pay';
export type { PaySettings } from './pay';
import { supervisionEnvSchema, supervisionSettings, type SupervisionSettings } from './supervision';
export { SUPERVISION_SOURCES, type SupervisionSettings } from './supervision';
import { jobEnvSchema, jobSettings, exportSettings, type JobSettings, type ExportSettings } from './jobs';
import { databaseEnvSchema, databaseSettings, type DatabaseSettings } from './database';
export type { DatabaseSettings } from './database';
export type { JobSettings, ExportSettings } from './jobs';

const bool = z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('data'),
  JWT_SECRET: z.string().min(16).optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  SESSION_CHECK_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  ENCRYPTION_KEY: z.string().min(16).optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().default('wx0000000000000000'),
  WECHAT_SECRET: z.string().default('dev-secret'),
  DEV_LOGIN: bool.optional(),
  DEMO_PASSWORD: z.string().min(6).default('baotou2024'),
  SEED_DEMO: bool.optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  HIGH_TECH_ZONE_CODE: z
    .string()
    .regex(/^\d{6}$/)
    .default('150271'),
  ADMIN_DIST: z.string().optional(),
  MINI_H5_DIST: z.string().optional(),
  ...ticketEnvSchema,
  ...uploadEnvSchema,
  ...fundEnvSchema,
  ...signInEnvSchema,
  ...auditEnvSchema,
  ...personalDataEnvSchema,
  ...webEnvSchema,
  ...totpEnvSchema,
  ...notificationEnvSchema,
  ...quasiSubsidyEnvSchema,
  ...trainingEnvSchema,
  ...renewalSurveyEnvSchema,
  ...feesEnvSchema,
  ...supervisionSurveysEnvSchema,
  ...creditEnvSchema,
  ...payEnvSchema,
  ...supervisionEnvSchema,
  ...pdfEnvSchema,
  ...kpiEnvSchema,
  ...jobEnvSchema,
  ...databaseEnvSchema,
  /** A building's vote figures are published once it holds this many ballots (PIPL; DOMAIN.md §1). */
  VOTE_BUILDING_RESULT_MIN_BALLOTS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Home-binding submissions one resident may make in 24 hours (a name plus guessed phones must not be tried without limit). */
  CLAIM_ATTEMPTS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(5),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** How long a server process may trust its cached copy of a user's session epoch (ms). */
  sessionCheckCacheMs: number;
  /** Key version 0 of personal data (ENCRYPTION_KEY); empty when only PERSONAL_DATA_KEYS are set. */
  encryptionKey: string;
  /** Personal data at rest: algorithm, key versions, the active one (docs/SECURITY.md). */
  personalData: PersonalDataSettings;
  wechat: { apiBase: string; appId: string; secret: string };
  devLogin: boolean;
  demoPassword: string;
  seedDemo: boolean;
  publicBaseUrl?: string;
  highTechZoneCode: string;
  adminDist?: string;
  miniH5Dist?: string;
  tickets: TicketSettings;
  /** Uploads: the storage folder, the size cap, the daily quota (config/src/uploads.ts). */
  uploads: UploadSettings;
  fund: FundSettings;
  votes: { buildingResultMinBallots: number };
  /** Home bindings: submissions per resident per 24 hours (CLAIM_ATTEMPTS_PER_DAY). */
  claims: { attemptsPerDay: number };
  /** Staff sign-in: throttling, lockout, password policy, idle sessions, TRUST_PROXY (issue 17). */
  signIn: SignInSettings;
  /** Audit retention and the hash chain's sealer (issue 17). */
  audit: AuditSettings;
  /** CORS origins and HSTS (issue 17). */
  web: WebSettings;
  /** Staff second factor (issue 17). */
  totp: TotpSettings;
  /** Subscribe-message templates and the outbox dispatcher (issue 16 §4). */
  notifications: NotificationSettings;
  /** Quasi-property subsidy: the districts in scope (issue 11). */
  quasiSubsidy: QuasiSubsidySettings;
  /** Staff training rates: pre-job grace days and continuing-education hours (issue 12; DOMAIN.md §13). */
  training: TrainingSettings;
  /** Old-compound classification thresholds and the modes counted as covered (issue 11). */
  renewalSurvey: RenewalSurveySettings;
  /** Property fees: late-fee cap, due days, defaulters, reminders (issue 13; DOMAIN.md §12). */
  fees: FeesSettings;
  /** Satisfaction surveys: sample, warning and good-conduct lines (issue 10, DOMAIN.md §9). */
  supervisionSurveys: SupervisionSurveySettings;
  /** Credit evaluation: rule points, publicity and answer periods, validity, caps (issue 10; DOMAIN.md §5). */
  credit: CreditSettings;
  /** WeChat Pay APIv3 and its local stand-in (issue 13). */
  pay: PaySettings;
  /** Hazard deadlines and the overdue sweep (issue 10; DOMAIN.md §10). */
  supervision: SupervisionSettings;
  /** Generated PDFs: the embedded CJK font (PDF_CJK_FONT_PATH). */
  pdf: PdfSettings;
  /** The yearly-targets dashboard: how long figures are kept in memory (KPI_CACHE_SECONDS). */
  kpi: KpiSettings;
  /** Background jobs on pg-boss (issue 15; docs/OPERATIONS.md). */
  jobs: JobSettings;
  /** Server-side .xlsx exports: the job threshold, file lifetime and folder (issue 15). */
  exports: ExportSettings;
  /** The read replica (DATABASE_REPLICA_URL; issue 15, docs/OPERATIONS.md § Standby). */
  database: DatabaseSettings;
}

/** The secrets an installation needs; outside production they need not come from the environment. */
export interface LocalSecrets {
  jwtSecret: string;
  encryptionKey: string;
  fundPaymentSecret: string;
  /** More personal-data key versions (`1:<secret>,…`, as PERSONAL_DATA_KEYS), added by hand to rotate. */
  personalDataKeys?: string;
}

/** Fresh random secrets: no two installations (and, unless kept, no two runs) share one. */
export function randomSecrets(): LocalSecrets {
  const one = () => randomBytes(32).toString('base64url');
  return { jwtSecret: one(), encryptionKey: one(), fundPaymentSecret: one() };
}

export interface LoadConfigOptions {
  /**
   * Outside production, where JWT_SECRET / ENCRYPTION_KEY / FUND_PAYMENT_SECRET are not set: the
   * installation's own secrets, given its data folder (the server keeps them in DATA_DIR/secrets.json).
   * Without it, secrets are random for this process only. There is no built-in secret.
   */
  localSecrets?: (dataDir: string) => LocalSecrets;
}

/** The environment's non-empty values, parsed by `schema`; a bad value throws the settings' Chinese error. */
function parseEnv<T extends z.ZodTypeAny>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Only which database the settings name — DATABASE_URL, else the embedded one in DATA_DIR — for
 * `npm run backup` / `npm run restore` (docs/OPERATIONS.md § Backups), which read no secret and so
 * must not need production's JWT_SECRET or personal-data keys to run. Throws on a bad value, as loadConfig.
 */
export function loadDatabaseTarget(env: Record<string, string | undefined> = process.env): { databaseUrl?: string; dataDir: string } {
  const e = parseEnv(envSchema.pick({ DATABASE_URL: true, DATA_DIR: true }), env);
  return { databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR };
}

/** Parses settings once from the environment; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env, opts: LoadConfigOptions = {}): Config {
  const e = parseEnv(envSchema, env);
  const production = e.NODE_ENV === 'production';
  if (production && (!e.JWT_SECRET || !(e.ENCRYPTION_KEY || e.PERSONAL_DATA_KEYS))) {
    throw new Error('生产环境必须设置 JWT_SECRET 与 ENCRYPTION_KEY 或 PERSONAL_DATA_KEYS (production needs JWT_SECRET and a personal-data key)');
  }
  const missing = !e.JWT_SECRET || !e.ENCRYPTION_KEY || !e.FUND_PAYMENT_SECRET;
  const local = missing && !production ? (opts.localSecrets ?? randomSecrets)(e.DATA_DIR) : undefined;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    jwtSecret: (e.JWT_SECRET ?? local?.jwtSecret)!,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    sessionCheckCacheMs: e.SESSION_CHECK_CACHE_MS,
    encryptionKey: e.ENCRYPTION_KEY ?? local?.encryptionKey ?? '',
    personalData: personalDataSettings(e, e.ENCRYPTION_KEY ?? local?.encryptionKey, local?.personalDataKeys),
    wechat: { apiBase: e.WECHAT_API_BASE.replace(/\/$/, ''), appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET },
    // The H5 dev login bypasses WeChat: never on by default in production.
    devLogin: e.DEV_LOGIN ?? !production,
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: production ? false : (e.SEED_DEMO ?? true),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    highTechZoneCode: e.HIGH_TECH_ZONE_CODE,
    adminDist: e.ADMIN_DIST,
    miniH5Dist: e.MINI_H5_DIST,
    tickets: ticketSettings(e),
    uploads: uploadSettings(e, e.DATA_DIR),
    fund: fundSettings(e, local?.fundPaymentSecret),
    votes: { buildingResultMinBallots: e.VOTE_BUILDING_RESULT_MIN_BALLOTS },
    claims: { attemptsPerDay: e.CLAIM_ATTEMPTS_PER_DAY },
    signIn: signInSettings(e),
    audit: auditSettings(e),
    web: webSettings(e),
    totp: totpSettings(e, production),
    notifications: notificationSettings(e),
    quasiSubsidy: quasiSubsidySettings(e),
    training: trainingSettings(e),
    renewalSurvey: renewalSurveySettings(e),
    fees: feesSettings(e),
    supervisionSurveys: supervisionSurveySettings(e),
    credit: creditSettings(e),
    pay: paySettings(e),
    supervision: supervisionSettings(e),
    pdf: pdfSettings(e),
    kpi: kpiSettings(e),
    jobs: jobSettings(e),
    exports: exportSettings(e, e.DATA_DIR),
    database: databaseSettings(e),
  };
}
