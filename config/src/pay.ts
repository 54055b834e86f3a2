import { z } from 'zod';

/**
 * WeChat Pay APIv3 (issue 13 "WeChat Pay, spoken exactly"; research domain-2026-11.md §6, from
 * https://pay.weixin.qq.com/doc/v3/merchant/4012525167 and the signing / verification guides it
 * cites). The merchant number, its certificate serial and private key, the APIv3 key and WeChat's
 * platform key come from 商户平台 → 账户中心 → API安全; the notify URL must be https without a query.
 *
 * Outside production, when no merchant key is given, the server starts the local stand-in
 * (server/src/pay/standIn.ts) on 127.0.0.1 and uses its generated keys; in production the stand-in
 * cannot be enabled (PAY_STAND_IN=1 refuses to start).
 */
export interface PaySettings {
  /** APIv3 base URL, without a trailing slash. */
  apiBase: string;
  mchId: string;
  /** The mini-program's appid the orders are placed for (defaults to WECHAT_APPID). */
  appId: string;
  /** Serial number of the merchant's API certificate (sent as serial_no). */
  merchantSerial: string;
  /** PEM text of the merchant's private key, or a path to it. */
  merchantPrivateKey?: string;
  merchantPrivateKeyPath?: string;
  /** 32 ASCII bytes: the AEAD_AES_256_GCM key of notifications. */
  apiV3Key: string;
  /** WeChat Pay public key (PEM, or a path) and its id PUB_KEY_ID_…; either this or a platform certificate. */
  platformPublicKey?: string;
  platformPublicKeyPath?: string;
  platformPublicKeyId?: string;
  /** WeChat Pay platform certificate (PEM, or a path); its serial is read from the certificate. */
  platformCert?: string;
  platformCertPath?: string;
  /** Where WeChat POSTs payment notifications (…/api/pay/wechat/notify). */
  notifyUrl?: string;
  /** Start the local stand-in (never in production). */
  standIn: boolean;
  /** An unpaid order closes after this many minutes (time_expire; WeChat's minimum is 1). */
  orderMinutes: number;
  /** Notifications whose Wechatpay-Timestamp is further than this from now are refused (SDK practice: 300). */
  maxSkewSeconds: number;
  /** How often the query job looks at open orders (seconds). */
  queryIntervalSeconds: number;
  /** An open order without a notification is queried once it is this old (seconds). */
  queryAfterSeconds: number;
}

const bool = z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes');

export const payEnvSchema = {
  PAY_API_BASE: z.string().url().default('https://api.mch.weixin.qq.com'),
  PAY_MCHID: z
    .string()
    .regex(/^\d{6,20}$/)
    .default('1900000001'),
  PAY_APPID: z.string().min(1).max(32).optional(),
  PAY_MERCHANT_SERIAL: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/)
    .default('0000000000000000000000000000000000000000'),
  PAY_MERCHANT_PRIVATE_KEY: z.string().includes('PRIVATE KEY').optional(),
  PAY_MERCHANT_PRIVATE_KEY_PATH: z.string().min(1).optional(),
  PAY_APIV3_KEY: z.string().length(32).optional(),
  PAY_PLATFORM_PUBLIC_KEY: z.string().includes('PUBLIC KEY').optional(),
  PAY_PLATFORM_PUBLIC_KEY_PATH: z.string().min(1).optional(),
  PAY_PLATFORM_PUBLIC_KEY_ID: z
    .string()
    .regex(/^PUB_KEY_ID_[0-9A-Za-z]+$/)
    .optional(),
  PAY_PLATFORM_CERT: z.string().includes('CERTIFICATE').optional(),
  PAY_PLATFORM_CERT_PATH: z.string().min(1).optional(),
  PAY_NOTIFY_URL: z.string().url().optional(),
  PAY_STAND_IN: bool.optional(),
  PAY_ORDER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  PAY_NOTIFY_MAX_SKEW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  PAY_QUERY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  PAY_QUERY_AFTER_SECONDS: z.coerce.number().int().min(0).max(86400).default(60),
};

type PayEnv = z.infer<z.ZodObject<typeof payEnvSchema>> & { NODE_ENV: string; WECHAT_APPID: string };

export function paySettings(e: PayEnv): PaySettings {
  const production = e.NODE_ENV === 'production';
  if (production && e.PAY_STAND_IN) throw new Error('生产环境不能启用微信支付本地替身 (PAY_STAND_IN cannot be on in production)');
  const hasKey = Boolean(e.PAY_MERCHANT_PRIVATE_KEY || e.PAY_MERCHANT_PRIVATE_KEY_PATH);
  return {
    apiBase: e.PAY_API_BASE.replace(/\/$/, ''),
    mchId: e.PAY_MCHID,
    appId: e.PAY_APPID ?? e.WECHAT_APPID,
    merchantSerial: e.PAY_MERCHANT_SERIAL.toUpperCase(),
    merchantPrivateKey: e.PAY_MERCHANT_PRIVATE_KEY,
    merchantPrivateKeyPath: e.PAY_MERCHANT_PRIVATE_KEY_PATH,
    apiV3Key: e.PAY_APIV3_KEY ?? '',
    platformPublicKey: e.PAY_PLATFORM_PUBLIC_KEY,
    platformPublicKeyPath: e.PAY_PLATFORM_PUBLIC_KEY_PATH,
    platformPublicKeyId: e.PAY_PLATFORM_PUBLIC_KEY_ID,
    platformCert: e.PAY_PLATFORM_CERT,
    platformCertPath: e.PAY_PLATFORM_CERT_PATH,
    notifyUrl: e.PAY_NOTIFY_URL,
    standIn: production ? false : (e.PAY_STAND_IN ?? !hasKey),
    orderMinutes: e.PAY_ORDER_MINUTES,
    maxSkewSeconds: e.PAY_NOTIFY_MAX_SKEW_SECONDS,
    queryIntervalSeconds: e.PAY_QUERY_INTERVAL_SECONDS,
    queryAfterSeconds: e.PAY_QUERY_AFTER_SECONDS,
  };
}
