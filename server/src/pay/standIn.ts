import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { certificateSerial, encryptResource, parseAuthorization, requestMessage, rsaVerify, signedHeaders } from './protocol';
import { rfc3339Beijing } from './client';

/**
 * A local stand-in for WeChat Pay's APIv3 server (issue 13; research domain-2026-11.md §6), for
 * tests, the demo and the H5 build, never production (config refuses PAY_STAND_IN there). It
 * listens on 127.0.0.1 only, generates its own keys at start (merchant key pair, platform key with
 * a PUB_KEY_ID_… id, a platform certificate when openssl is at hand, an APIv3 key), verifies the
 * signature of every merchant request (401 SIGN_ERROR otherwise), signs its answers and
 * notifications as WeChat does, and POSTs a notification to the order's notify_url when an order
 * is paid, retrying on WeChat's schedule (15s, 15s, 30s, 3m, …) scaled by `retryScale`.
 *
 * Endpoints: POST /v3/pay/transactions/jsapi, GET /v3/pay/transactions/out-trade-no/{no}?mchid=,
 * POST /v3/pay/transactions/out-trade-no/{no}/close, POST /v3/refund/domestic/refunds; and the
 * stand-in's own POST /stand-in/pay {out_trade_no} (the "user paid" step).
 */

export const RETRY_SCHEDULE_SECONDS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];

export interface NotifyFaults {
  /** The first delivery carries a signature that does not verify. */
  badSignature?: boolean;
  /** The first delivery's Wechatpay-Timestamp is 10 minutes old. */
  staleTimestamp?: boolean;
  /** The notification (and the query) reports this total instead of the order's. */
  wrongAmount?: number;
  /** The same notification is delivered this many times at once. */
  duplicate?: number;
  /** Sign with the platform certificate's key (serial = certificate serial) instead of the PUB_KEY_ID key. */
  signWith?: 'publicKey' | 'certificate';
  /** Do not deliver at all (the query job must find the payment). */
  silent?: boolean;
}

interface Order {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  notify_url: string;
  attach?: string;
  time_expire?: string;
  amount: { total: number; currency: string };
  payer: { openid: string };
  prepay_id: string;
  trade_state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transaction_id?: string;
  success_time?: string;
  refunded: number;
}

export interface Delivery {
  outTradeNo: string;
  attempt: number;
  status: number;
  faults: string[];
}

export interface WechatPayStandIn {
  baseUrl: string;
  mchId: string;
  appId: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  apiV3Key: string;
  platformPublicKey: string;
  platformPublicKeyId: string;
  platformCert?: string;
  platformCertSerial?: string;
  orders: Map<string, Order>;
  refunds: { out_refund_no: string; out_trade_no: string; refund: number; reason?: string }[];
  deliveries: Delivery[];
  /** Answer the next n merchant requests with 500 SYSTEM_ERROR (the client must retry). */
  failNext(n: number): void;
  /** When set, notifications go here instead of the order's notify_url. */
  notifyUrlOverride?: string;
  /** Multiplies WeChat's retry schedule (1 = real time; tests use e.g. 0.001). */
  retryScale: number;
  /** Marks an order paid and delivers its notification(s); resolves when the first round is answered. */
  pay(outTradeNo: string, faults?: NotifyFaults): Promise<Delivery[]>;
  /** Environment settings that point the server at this stand-in. */
  env(): Record<string, string>;
  /** Waits until every scheduled retry has run. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function makeCertificate(privateKeyPem: string): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'paystandin-'));
  try {
    const key = path.join(dir, 'key.pem');
    writeFileSync(key, privateKeyPem, { mode: 0o600 });
    return execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-new',
        '-key',
        key,
        '-days',
        '30',
        '-subj',
        '/CN=Tenpay.com Root CA Stand-in/O=Tenpay.com',
        '-set_serial',
        `0x${randomBytes(16).toString('hex')}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return undefined; // no openssl: the stand-in signs with its public key id only
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const generateKeyPairAsync = promisify(generateKeyPair);
const pem = { type: 'pkcs8', format: 'pem' } as const;
const spki = { type: 'spki', format: 'pem' } as const;

export async function startWechatPayStandIn(
  opts: { mchId?: string; appId?: string; retryScale?: number; withCertificate?: boolean } = {},
): Promise<WechatPayStandIn> {
  const mchId = opts.mchId ?? '1900000109';
  const appId = opts.appId ?? 'wxtest000000000001';
  // Three 2048-bit RSA keys, made together on libuv's threads (about half a second of CPU made one by one, blocking start-up).
  const rsaKeys = () => generateKeyPairAsync('rsa', { modulusLength: 2048, publicKeyEncoding: spki, privateKeyEncoding: pem });
  const [merchant, platform, certKeys] = await Promise.all([rsaKeys(), rsaKeys(), rsaKeys()]);
  const platformCert = opts.withCertificate === false ? undefined : makeCertificate(certKeys.privateKey);
  const platformCertSerial = platformCert ? certificateSerial(platformCert) : undefined;
  const merchantSerial = randomBytes(20).toString('hex').toUpperCase();
  const platformPublicKeyId = `PUB_KEY_ID_0119${randomBytes(10).toString('hex').toUpperCase()}`;
  const apiV3Key = randomBytes(16).toString('hex');
  const orders = new Map<string, Order>();
  const refunds: WechatPayStandIn['refunds'] = [];
  const deliveries: Delivery[] = [];
  const pending = new Set<Promise<unknown>>();
  let failing = 0;

  const track = <T>(p: Promise<T>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };

  function reply(res: http.ServerResponse, status: number, body?: unknown) {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('Request-ID', randomBytes(8).toString('hex'));
    for (const [name, value] of Object.entries(signedHeaders(platform.privateKey, platformPublicKeyId, text))) res.setHeader(name, value);
    if (text) res.setHeader('Content-Type', 'application/json');
    res.end(text);
  }
  const error = (res: http.ServerResponse, status: number, code: string, message: string) => reply(res, status, { code, message });

  function transaction(o: Order, totalOverride?: number) {
    const total = totalOverride ?? o.amount.total;
    return {
      appid: o.appid,
      mchid: o.mchid,
      out_trade_no: o.out_trade_no,
      transaction_id: o.transaction_id,
      trade_type: 'JSAPI',
      trade_state: o.trade_state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[o.trade_state],
      bank_type: o.trade_state === 'NOTPAY' ? undefined : 'OTHERS',
      attach: o.attach ?? '',
      success_time: o.success_time,
      payer: { openid: o.payer.openid },
      amount: { total, payer_total: total, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  async function deliver(o: Order, faults: NotifyFaults, attempt: number): Promise<Delivery> {
    const first = attempt === 0;
    const body = JSON.stringify({
      id: randomBytes(18).toString('hex'),
      create_time: rfc3339Beijing(new Date()),
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: encryptResource(apiV3Key, JSON.stringify(transaction(o, faults.wrongAmount))),
    });
    const stale = first && faults.staleTimestamp;
    const ts = String(Math.floor(Date.now() / 1000) - (stale ? 600 : 0));
    const byCert = faults.signWith === 'certificate' && platformCert;
    // a bad signature: signed by a key that is not the one the serial names
    const key = first && faults.badSignature ? merchant.privateKey : byCert ? certKeys.privateKey : platform.privateKey;
    const signed = signedHeaders(key, byCert ? platformCertSerial! : platformPublicKeyId, body, ts);
    const url = api.notifyUrlOverride ?? o.notify_url;
    let status: number;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...signed },
        body,
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    const d: Delivery = {
      outTradeNo: o.out_trade_no,
      attempt,
      status,
      faults: first ? Object.keys(faults).filter((k) => (faults as Record<string, unknown>)[k]) : [],
    };
    deliveries.push(d);
    // Anything but 200/204 is retried on WeChat's schedule (scaled), with the faults of the first attempt gone.
    if (status !== 200 && status !== 204 && attempt < RETRY_SCHEDULE_SECONDS.length) {
      const clean: NotifyFaults = { wrongAmount: faults.wrongAmount, signWith: faults.signWith };
      track(new Promise((r) => setTimeout(r, RETRY_SCHEDULE_SECONDS[attempt] * 1000 * api.retryScale)).then(() => deliver(o, clean, attempt + 1)));
    }
    return d;
  }

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (url.pathname === '/stand-in/pay' && req.method === 'POST') {
      const { out_trade_no, faults } = JSON.parse(body || '{}') as { out_trade_no?: string; faults?: NotifyFaults };
      try {
        const d = await api.pay(String(out_trade_no), faults ?? {});
        return reply(res, 200, { deliveries: d });
      } catch (e) {
        return error(res, 400, 'INVALID_REQUEST', (e as Error).message);
      }
    }
    if (!url.pathname.startsWith('/v3/')) return error(res, 404, 'NOT_FOUND', 'not found');
    const auth = parseAuthorization(req.headers.authorization);
    const pathWithQuery = url.pathname + url.search;
    if (
      !auth ||
      auth.mchid !== mchId ||
      auth.serial_no !== merchantSerial ||
      Math.abs(Date.now() / 1000 - Number(auth.timestamp)) > 300 ||
      !rsaVerify(merchant.publicKey, requestMessage(req.method ?? 'GET', pathWithQuery, auth.timestamp, auth.nonce_str, body), auth.signature)
    ) {
      return error(res, 401, 'SIGN_ERROR', '签名错误');
    }
    if (failing > 0) {
      failing--;
      return error(res, 500, 'SYSTEM_ERROR', '系统错误');
    }
    let json: Record<string, any> = {};
    try {
      json = body ? JSON.parse(body) : {};
    } catch {
      return error(res, 400, 'PARAM_ERROR', '请求体不是合法的 JSON');
    }
    if (url.pathname === '/v3/pay/transactions/jsapi' && req.method === 'POST') {
      if (json.mchid !== mchId || json.appid !== appId) return error(res, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
      const no = json.out_trade_no;
      if (typeof no !== 'string' || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(no)) return error(res, 400, 'PARAM_ERROR', 'out_trade_no 格式错误');
      if (!Number.isSafeInteger(json.amount?.total) || json.amount.total <= 0) return error(res, 400, 'PARAM_ERROR', 'amount.total 必须为正整数');
      if (typeof json.notify_url !== 'string' || !/^https?:\/\/[^?]+$/.test(json.notify_url)) return error(res, 400, 'PARAM_ERROR', 'notify_url 格式错误');
      if (typeof json.description !== 'string' || !json.description || json.description.length > 127)
        return error(res, 400, 'PARAM_ERROR', 'description 格式错误');
      if (typeof json.payer?.openid !== 'string' || !json.payer.openid) return error(res, 400, 'PARAM_ERROR', 'payer.openid 必填');
      const existing = orders.get(no);
      if (existing) {
        if (existing.trade_state === 'SUCCESS' || existing.trade_state === 'REFUND') return error(res, 400, 'ORDERPAID', '该订单已支付');
        if (existing.trade_state === 'CLOSED') return error(res, 400, 'ORDERCLOSED', '该订单已关闭');
        if (existing.amount.total !== json.amount.total) return error(res, 400, 'INVALID_REQUEST', '订单号重复且参数不一致');
        return reply(res, 200, { prepay_id: existing.prepay_id });
      }
      const o: Order = {
        ...(json as Order),
        amount: { total: json.amount.total, currency: json.amount.currency ?? 'CNY' },
        prepay_id: `wx${Date.now()}${randomBytes(8).toString('hex')}`,
        trade_state: 'NOTPAY',
        refunded: 0,
      };
      orders.set(no, o);
      return reply(res, 200, { prepay_id: o.prepay_id });
    }
    const q = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(url.pathname);
    if (q) {
      const o = orders.get(decodeURIComponent(q[1]));
      if (q[2] && req.method === 'POST') {
        if (json.mchid !== mchId) return error(res, 400, 'PARAM_ERROR', 'mchid 不匹配');
        if (!o) return error(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
        if (o.trade_state === 'SUCCESS' || o.trade_state === 'REFUND') return error(res, 400, 'ORDERPAID', '订单已支付');
        o.trade_state = 'CLOSED';
        return reply(res, 204);
      }
      if (req.method === 'GET') {
        if (url.searchParams.get('mchid') !== mchId) return error(res, 400, 'PARAM_ERROR', 'mchid 不匹配');
        if (!o) return error(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
        return reply(res, 200, transaction(o));
      }
    }
    if (url.pathname === '/v3/refund/domestic/refunds' && req.method === 'POST') {
      const o = orders.get(json.out_trade_no) ?? [...orders.values()].find((x) => x.transaction_id && x.transaction_id === json.transaction_id);
      if (!o) return error(res, 404, 'RESOURCE_NOT_EXISTS', '订单不存在');
      if (o.trade_state !== 'SUCCESS' && o.trade_state !== 'REFUND') return error(res, 400, 'INVALID_REQUEST', '订单未支付');
      const amount = json.amount ?? {};
      if (!Number.isSafeInteger(amount.refund) || amount.refund <= 0 || amount.total !== o.amount.total)
        return error(res, 400, 'PARAM_ERROR', '退款金额参数错误');
      const prior = refunds.find((r) => r.out_refund_no === json.out_refund_no);
      if (!prior) {
        if (o.refunded + amount.refund > o.amount.total) return error(res, 403, 'NOT_ENOUGH', '退款金额超过订单可退金额');
        o.refunded += amount.refund;
        o.trade_state = 'REFUND';
        refunds.push({ out_refund_no: json.out_refund_no, out_trade_no: o.out_trade_no, refund: amount.refund, reason: json.reason });
      }
      return reply(res, 200, {
        refund_id: `50000${randomBytes(10).toString('hex')}`,
        out_refund_no: json.out_refund_no,
        transaction_id: o.transaction_id,
        out_trade_no: o.out_trade_no,
        channel: 'ORIGINAL',
        user_received_account: '支付用户零钱',
        success_time: rfc3339Beijing(new Date()),
        create_time: rfc3339Beijing(new Date()),
        status: 'SUCCESS',
        amount: { total: o.amount.total, refund: amount.refund, payer_total: o.amount.total, payer_refund: amount.refund, currency: 'CNY' },
      });
    }
    return error(res, 404, 'NOT_FOUND', '接口不存在');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const api: WechatPayStandIn = {
    baseUrl: `http://127.0.0.1:${port}`,
    mchId,
    appId,
    merchantSerial,
    merchantPrivateKey: merchant.privateKey,
    apiV3Key,
    platformPublicKey: platform.publicKey,
    platformPublicKeyId,
    platformCert,
    platformCertSerial,
    orders,
    refunds,
    deliveries,
    retryScale: opts.retryScale ?? 1,
    failNext(n) {
      failing = n;
    },
    async pay(outTradeNo, faults = {}) {
      const o = orders.get(outTradeNo);
      if (!o) throw new Error(`no order ${outTradeNo}`);
      if (o.trade_state === 'CLOSED') throw new Error(`order ${outTradeNo} is closed`);
      if (o.trade_state === 'NOTPAY') {
        o.trade_state = 'SUCCESS';
        o.transaction_id = `4200${Date.now()}${randomBytes(5).toString('hex')}`.slice(0, 28);
        o.success_time = rfc3339Beijing(new Date());
      }
      if (faults.silent) return [];
      return track(Promise.all(Array.from({ length: faults.duplicate ?? 1 }, () => deliver(o, faults, 0))));
    },
    env() {
      return {
        PAY_API_BASE: api.baseUrl,
        PAY_MCHID: mchId,
        PAY_APPID: appId,
        PAY_MERCHANT_SERIAL: merchantSerial,
        PAY_MERCHANT_PRIVATE_KEY: merchant.privateKey,
        PAY_APIV3_KEY: apiV3Key,
        PAY_PLATFORM_PUBLIC_KEY: platform.publicKey,
        PAY_PLATFORM_PUBLIC_KEY_ID: platformPublicKeyId,
        ...(platformCert ? { PAY_PLATFORM_CERT: platformCert } : {}),
      };
    },
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}
