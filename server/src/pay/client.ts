import { readFileSync } from 'node:fs';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { PaySettings } from '@baotou/config';
import { authorization, certificateSerial, decryptResource, publicKeyOf, requestPaymentParams, responseMessage, rsaVerify } from './protocol';

/** A refusal or failure from WeChat Pay: its HTTP status and error code (e.g. ORDERPAID, ORDER_NOT_EXIST). */
export class PayProviderError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The transaction WeChat reports (query answer and decrypted notification resource). */
export interface PayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  success_time?: string;
  attach?: string;
  payer?: { openid: string };
  amount?: { total: number; payer_total?: number; currency: string };
}

export interface RefundResult {
  refund_id: string;
  out_refund_no: string;
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  amount: { refund: number; total: number };
}

const readPem = (text?: string, file?: string) => text ?? (file ? readFileSync(file, 'utf8') : undefined);

/** Retries on a 5xx or a dropped connection, waiting this long before each (ms). */
const RETRY_DELAYS_MS = [100, 400, 1000];

/**
 * WeChat Pay APIv3 client (research domain-2026-11.md §6): every request signed
 * WECHATPAY2-SHA256-RSA2048 with the merchant key, every answer's Wechatpay-Signature verified with
 * the platform key named by Wechatpay-Serial (a PUB_KEY_ID_… public key or a platform certificate).
 * Throws PayProviderError for WeChat's refusals (4xx with its code) and after the last retry of a 5xx.
 */
export function createPayClient(settings: PaySettings) {
  const privatePem = readPem(settings.merchantPrivateKey, settings.merchantPrivateKeyPath);
  const privateKey: KeyObject | undefined = privatePem ? createPrivateKey(privatePem) : undefined;
  /** Platform keys by the serial WeChat names them with. */
  const platformKeys = new Map<string, KeyObject>();
  const publicPem = readPem(settings.platformPublicKey, settings.platformPublicKeyPath);
  if (publicPem && settings.platformPublicKeyId) platformKeys.set(settings.platformPublicKeyId, publicKeyOf(publicPem));
  const certPem = readPem(settings.platformCert, settings.platformCertPath);
  if (certPem) platformKeys.set(certificateSerial(certPem), publicKeyOf(certPem));
  const configured = Boolean(privateKey && platformKeys.size && settings.apiV3Key.length === 32);

  function key(): KeyObject {
    if (!privateKey) throw new PayProviderError(0, 'NOT_CONFIGURED', '未配置微信支付商户私钥');
    return privateKey;
  }

  /** Checks WeChat's signature over `timestamp\nnonce\nbody\n` with the key its serial names. */
  function verifySignature(h: { timestamp?: string; nonce?: string; signature?: string; serial?: string }, body: string): boolean {
    const pub = h.serial ? platformKeys.get(h.serial) : undefined;
    if (!pub || !h.timestamp || !h.nonce || !h.signature) return false;
    return rsaVerify(pub, responseMessage(h.timestamp, h.nonce, body), h.signature);
  }

  async function call<T>(method: 'GET' | 'POST', pathWithQuery: string, payload?: object): Promise<T> {
    const body = payload ? JSON.stringify(payload) : '';
    for (let attempt = 0; ; attempt++) {
      let res: Response | undefined;
      try {
        res = await fetch(settings.apiBase + pathWithQuery, {
          method,
          headers: {
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
            Authorization: authorization({ mchId: settings.mchId, serial: settings.merchantSerial, privateKey: key(), method, pathWithQuery, body }),
            'User-Agent': 'baotou-smart-property',
          },
          body: payload ? body : undefined,
        });
      } catch (e) {
        if (attempt < RETRY_DELAYS_MS.length) {
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
          continue;
        }
        throw new PayProviderError(0, 'NETWORK', `无法连接微信支付: ${(e as Error).message}`);
      }
      const text = await res.text();
      if (res.status >= 500 && attempt < RETRY_DELAYS_MS.length) {
        await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
        continue;
      }
      const signed = verifySignature(
        {
          timestamp: res.headers.get('wechatpay-timestamp') ?? undefined,
          nonce: res.headers.get('wechatpay-nonce') ?? undefined,
          signature: res.headers.get('wechatpay-signature') ?? undefined,
          serial: res.headers.get('wechatpay-serial') ?? undefined,
        },
        text,
      );
      if (res.status >= 200 && res.status < 300 && !signed) throw new PayProviderError(res.status, 'BAD_RESPONSE_SIGNATURE', '微信支付应答签名验证失败');
      let json: Record<string, unknown>;
      try {
        json = text ? JSON.parse(text) : {};
      } catch {
        throw new PayProviderError(res.status, 'BAD_RESPONSE', '微信支付应答不是合法的 JSON');
      }
      if (res.status >= 300) throw new PayProviderError(res.status, String(json.code ?? 'UNKNOWN'), String(json.message ?? `HTTP ${res.status}`));
      return json as T;
    }
  }

  return {
    configured,
    appId: settings.appId,
    mchId: settings.mchId,
    apiV3Key: settings.apiV3Key,
    verifySignature,
    decrypt: (r: { ciphertext: string; associated_data?: string; nonce: string }) => decryptResource(settings.apiV3Key, r),

    /** POST /v3/pay/transactions/jsapi → prepay_id. Amount in fen; expires is time_expire. */
    async createJsapiOrder(o: {
      outTradeNo: string;
      description: string;
      amountFen: number;
      openid: string;
      expiresAt: Date;
      notifyUrl: string;
      attach?: string;
    }): Promise<{ prepayId: string }> {
      const r = await call<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', {
        appid: settings.appId,
        mchid: settings.mchId,
        description: o.description.slice(0, 127),
        out_trade_no: o.outTradeNo,
        time_expire: rfc3339Beijing(o.expiresAt),
        attach: o.attach,
        notify_url: o.notifyUrl,
        amount: { total: o.amountFen, currency: 'CNY' },
        payer: { openid: o.openid },
      });
      return { prepayId: r.prepay_id };
    },

    /** GET /v3/pay/transactions/out-trade-no/{no}?mchid= */
    queryOrder: (outTradeNo: string) =>
      call<PayTransaction>('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${settings.mchId}`),

    /** POST /v3/pay/transactions/out-trade-no/{no}/close {mchid} → 204. */
    async closeOrder(outTradeNo: string): Promise<void> {
      await call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: settings.mchId });
    },

    /** POST /v3/refund/domestic/refunds; amounts in fen. Replaying the same outRefundNo refunds once. */
    refund: (r: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason?: string }) =>
      call<RefundResult>('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: r.outTradeNo,
        out_refund_no: r.outRefundNo,
        reason: r.reason?.slice(0, 80),
        amount: { refund: r.refundFen, total: r.totalFen, currency: 'CNY' },
      }),

    /** The mini-program's wx.requestPayment parameters for a prepay id. */
    requestPayment: (prepayId: string) => requestPaymentParams(settings.appId, prepayId, key()),
  };
}
export type PayClient = ReturnType<typeof createPayClient>;

/** RFC 3339 in Beijing time, as WeChat writes it: 2026-11-30T20:15:00+08:00. */
export function rfc3339Beijing(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}
