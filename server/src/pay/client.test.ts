import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { testConfig } from '../../../test/support/testConfig';
import { startWechatPayStandIn, type WechatPayStandIn } from '../../../test/support/wechatPayStandIn';
import { createPayClient, PayProviderError, type PayClient } from './client';
import { decryptResource, encryptResource, requestMessage, rsaVerify } from './protocol';

/**
 * WeChat Pay APIv3 spoken exactly (issue 13; research domain-2026-11.md §6): our client against the
 * local stand-in, which verifies every request's WECHATPAY2-SHA256-RSA2048 signature as WeChat does.
 */
let standIn: WechatPayStandIn;
let client: PayClient;
const expires = () => new Date(Date.now() + 30 * 60_000);
const order = (no: string, amountFen = 12345) => ({
  outTradeNo: no,
  description: '物业费',
  amountFen,
  openid: 'oPayer1',
  expiresAt: expires(),
  notifyUrl: 'http://127.0.0.1:9/api/pay/wechat/notify',
});

beforeAll(async () => {
  standIn = await startWechatPayStandIn();
  client = createPayClient(testConfig(standIn.env()).pay);
});
afterAll(() => standIn.close());

describe('research §6: requests signed, answers verified', () => {
  test('a JSAPI order returns a prepay id; the stand-in holds the order as sent (fen, CNY, payer, time_expire in +08:00)', async () => {
    const { prepayId } = await client.createJsapiOrder(order('T0000001'));
    expect(prepayId).toMatch(/^wx/);
    const held = standIn.orders.get('T0000001')!;
    expect(held.amount).toEqual({ total: 12345, currency: 'CNY' });
    expect(held.payer.openid).toBe('oPayer1');
    expect(held.time_expire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  test('a request signed with another merchant key is refused 401 SIGN_ERROR', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const forged = createPayClient(testConfig({ ...standIn.env(), PAY_MERCHANT_PRIVATE_KEY: other.privateKey }).pay);
    await expect(forged.createJsapiOrder(order('T0000002'))).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
    expect(standIn.orders.has('T0000002')).toBe(false);
  });

  test('an answer not signed by the platform key is refused (BAD_RESPONSE_SIGNATURE)', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const env = { ...standIn.env(), PAY_PLATFORM_PUBLIC_KEY: other.publicKey };
    delete (env as Record<string, string>).PAY_PLATFORM_CERT;
    const fooled = createPayClient(testConfig(env).pay);
    await expect(fooled.queryOrder('T0000001')).rejects.toMatchObject({ code: 'BAD_RESPONSE_SIGNATURE' });
  });

  test('a 500 SYSTEM_ERROR is retried and the order still placed once', async () => {
    standIn.failNext(2);
    const { prepayId } = await client.createJsapiOrder(order('T0000003'));
    expect(standIn.orders.get('T0000003')!.prepay_id).toBe(prepayId);
  });

  test('query → NOTPAY, close → 204 then CLOSED; an unknown order is 404 ORDER_NOT_EXIST', async () => {
    await client.createJsapiOrder(order('T0000004'));
    expect((await client.queryOrder('T0000004')).trade_state).toBe('NOTPAY');
    await client.closeOrder('T0000004');
    expect((await client.queryOrder('T0000004')).trade_state).toBe('CLOSED');
    const err = await client.queryOrder('NOSUCHORDER').catch((e) => e);
    expect(err).toBeInstanceOf(PayProviderError);
    expect(err).toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST' });
  });

  test('refund: within what was paid SUCCESS; the same out_refund_no twice refunds once; above what is left 403 NOT_ENOUGH', async () => {
    await client.createJsapiOrder(order('T0000005', 1000));
    await standIn.pay('T0000005', { silent: true });
    expect((await client.refund({ outTradeNo: 'T0000005', outRefundNo: 'R1', refundFen: 600, totalFen: 1000 })).status).toBe('SUCCESS');
    await client.refund({ outTradeNo: 'T0000005', outRefundNo: 'R1', refundFen: 600, totalFen: 1000 });
    expect(standIn.orders.get('T0000005')!.refunded).toBe(600);
    await expect(client.refund({ outTradeNo: 'T0000005', outRefundNo: 'R2', refundFen: 401, totalFen: 1000 })).rejects.toMatchObject({
      status: 403,
      code: 'NOT_ENOUGH',
    });
  });

  test('requestPayment: paySign is SHA256withRSA over appId\\ntimeStamp\\nnonceStr\\npackage\\n with the merchant key; timeStamp in seconds', () => {
    const p = client.requestPayment('wx201410272009395522657a690389285100');
    expect(p).toMatchObject({ package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(Math.abs(Number(p.timeStamp) - Date.now() / 1000)).toBeLessThan(5);
    const merchantPublic = createPublicKey(standIn.merchantPrivateKey);
    expect(rsaVerify(merchantPublic, `${standIn.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, p.paySign)).toBe(true);
    expect(rsaVerify(merchantPublic, `${standIn.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}`, p.paySign)).toBe(false);
  });

  test('AEAD_AES_256_GCM: decrypts with the APIv3 key and AAD; a changed AAD or key fails', () => {
    const r = encryptResource(standIn.apiV3Key, '{"out_trade_no":"T1"}', 'transaction');
    expect(Buffer.from(r.nonce).length).toBe(12);
    expect(decryptResource(standIn.apiV3Key, r)).toBe('{"out_trade_no":"T1"}');
    expect(() => decryptResource(standIn.apiV3Key, { ...r, associated_data: 'other' })).toThrow();
    expect(() => decryptResource('0'.repeat(32), r)).toThrow();
  });

  test('the request message is METHOD\\nPATH?query\\nTIMESTAMP\\nNONCE\\nBODY\\n, with an empty body for GET', () => {
    expect(requestMessage('get', '/v3/pay/transactions/out-trade-no/T1?mchid=1', '1554208460', 'N', '')).toBe(
      'GET\n/v3/pay/transactions/out-trade-no/T1?mchid=1\n1554208460\nN\n\n',
    );
  });
});

describe('config: the stand-in never in production', () => {
  test('PAY_STAND_IN=1 with NODE_ENV=production refuses to start', () => {
    expect(() => testConfig({ NODE_ENV: 'production', PAY_STAND_IN: '1' })).toThrow(/PAY_STAND_IN/);
  });
  test('outside production without a merchant key the stand-in is on; with one it is off', () => {
    expect(testConfig().pay.standIn).toBe(true);
    expect(testConfig(standIn.env()).pay.standIn).toBe(false);
  });
});
