import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { AppError, badRequest, unauthorized } from '../http/errors';
import { SIGNATURE_TYPE } from './protocol';
import type { PayClient, PayTransaction } from './client';
import { assertTransactionMatches, readOrder, settleFromRead, settleOrder, type SettleOutcome } from './settle';

export interface NotifyHeaders {
  timestamp?: string;
  nonce?: string;
  signature?: string;
  serial?: string;
  signatureType?: string;
}

/**
 * WeChat Pay's payment notification (POST /api/pay/wechat/notify; research §6 step 4), in order:
 * the signature over `timestamp\nnonce\nbody\n` verified with the platform key Wechatpay-Serial names
 * (a PUB_KEY_ID_… key or a platform certificate; 401 BAD_SIGNATURE), the timestamp within
 * PAY_NOTIFY_MAX_SKEW_SECONDS of now (400 STALE_TIMESTAMP), the resource decrypted with the APIv3
 * key (400 BAD_RESOURCE), then settled once under the order's lock (settle.ts: 404 UNKNOWN_ORDER,
 * 400 ORDER_MISMATCH / AMOUNT_MISMATCH). Every refusal posts nothing; WeChat retries a 4xx.
 * An event other than TRANSACTION.SUCCESS is acknowledged and ignored.
 */
export async function handleNotification(
  db: Db,
  config: Config,
  client: PayClient,
  h: NotifyHeaders,
  rawBody: string,
  now = Date.now(),
  parsedBody?: unknown,
): Promise<{ outcome: SettleOutcome | 'ignored' }> {
  if (!client.configured) throw new AppError('PAY_NOT_CONFIGURED', 409, '微信支付尚未配置');
  if (h.signatureType && h.signatureType !== SIGNATURE_TYPE) throw unauthorized('BAD_SIGNATURE', '不支持的签名类型');
  if (!client.verifySignature(h, rawBody)) throw unauthorized('BAD_SIGNATURE', '通知签名验证失败');
  const ts = Number(h.timestamp);
  if (!Number.isSafeInteger(ts) || Math.abs(now / 1000 - ts) > config.pay.maxSkewSeconds) throw badRequest('STALE_TIMESTAMP', '通知时间戳与当前时间相差过大');
  let event: { event_type?: string; resource?: { algorithm?: string; ciphertext?: string; associated_data?: string; nonce?: string } };
  try {
    event = parsedBody && typeof parsedBody === 'object' ? (parsedBody as typeof event) : JSON.parse(rawBody);
  } catch {
    throw badRequest('INVALID_JSON', '通知不是合法的 JSON');
  }
  if (event.event_type !== 'TRANSACTION.SUCCESS') return { outcome: 'ignored' };
  const r = event.resource;
  if (!r || r.algorithm !== 'AEAD_AES_256_GCM' || typeof r.ciphertext !== 'string' || typeof r.nonce !== 'string')
    throw badRequest('BAD_RESOURCE', '通知资源格式错误');
  let t: PayTransaction;
  try {
    t = JSON.parse(client.decrypt({ ciphertext: r.ciphertext, associated_data: r.associated_data, nonce: r.nonce }));
  } catch {
    throw badRequest('BAD_RESOURCE', '通知资源解密失败');
  }
  if (!t || typeof t !== 'object' || typeof t.out_trade_no !== 'string' || !t.out_trade_no) throw badRequest('BAD_RESOURCE', '通知缺少商户订单号');
  // WeChat repeats a notification until answered 200, and 'paid'/'unposted' never change again:
  // an order already settled is answered from one read, without a transaction or a lock. An open
  // fee order is posted from the same read in one more statement (settleFromRead, which posts only
  // if nothing changed since); anything else, or a change, is settled under the order's lock.
  const seen = await readOrder(db, t.out_trade_no, false);
  assertTransactionMatches(config.pay, t.out_trade_no, seen.order, t);
  if (seen.order.status === 'paid' || seen.order.status === 'unposted') return { outcome: 'already' };
  if ((await settleFromRead(db, config, seen, t)) === 'posted') return { outcome: 'posted' };
  const { outcome } = await db.transaction((tx) => settleOrder(tx, config, t.out_trade_no, t));
  return { outcome };
}
