import { createCipheriv, createDecipheriv, createPublicKey, createSign, createVerify, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';

/**
 * WeChat Pay APIv3's cryptography, shared by our client and the local stand-in so both speak it the
 * same way (research domain-2026-11.md §6, from pay.weixin.qq.com's signing, verification and
 * notification guides). Node's crypto only.
 */

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';

/** A random nonce of [0-9A-Z], 32 characters (the SDKs' choice). */
export function nonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** SHA256withRSA of `text`, Base64. */
export function rsaSign(privateKey: string | KeyObject, text: string): string {
  return createSign('RSA-SHA256').update(text, 'utf8').sign(privateKey, 'base64');
}

export function rsaVerify(publicKey: string | KeyObject, text: string, signatureB64: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(text, 'utf8').verify(publicKey, signatureB64, 'base64');
  } catch {
    return false;
  }
}

/** The string a merchant request signs: `METHOD\nPATH[?query]\nTIMESTAMP\nNONCE\nBODY\n` (empty body for GET). */
export function requestMessage(method: string, pathWithQuery: string, timestamp: string, nonceStr: string, body: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonceStr}\n${body}\n`;
}

/** The `Authorization` header of a merchant request. */
export function authorization(opts: {
  mchId: string;
  serial: string;
  privateKey: string | KeyObject;
  method: string;
  pathWithQuery: string;
  body: string;
  timestamp?: string;
  nonce?: string;
}): string {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonceStr = opts.nonce ?? nonce();
  const signature = rsaSign(opts.privateKey, requestMessage(opts.method, opts.pathWithQuery, timestamp, nonceStr, opts.body));
  return `${SIGNATURE_TYPE} mchid="${opts.mchId}",nonce_str="${nonceStr}",signature="${signature}",timestamp="${timestamp}",serial_no="${opts.serial}"`;
}

/** Parses an `Authorization` header back into its fields (the stand-in's check); undefined when malformed. */
export function parseAuthorization(
  header: string | undefined,
): { mchid: string; nonce_str: string; signature: string; timestamp: string; serial_no: string } | undefined {
  if (!header?.startsWith(`${SIGNATURE_TYPE} `)) return undefined;
  const fields: Record<string, string> = {};
  for (const m of header.slice(SIGNATURE_TYPE.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]] = m[2];
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return undefined;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

/** What WeChat signs in a response or notification: `TIMESTAMP\nNONCE\nBODY\n`. */
export function responseMessage(timestamp: string, nonceStr: string, body: string): string {
  return `${timestamp}\n${nonceStr}\n${body}\n`;
}

/**
 * The headers WeChat Pay signs an answer or a notification with: Wechatpay-Timestamp (seconds),
 * -Nonce, -Serial (the platform key's id or certificate serial that verifies it), -Signature-Type
 * and -Signature, SHA256withRSA over responseMessage(timestamp, nonce, body). Used by the stand-in
 * and by tests that speak for WeChat; `timestamp` defaults to now.
 */
export function signedHeaders(privateKey: string | KeyObject, serial: string, body: string, timestamp = String(Math.floor(Date.now() / 1000))) {
  const n = nonce();
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': n,
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature-Type': SIGNATURE_TYPE,
    'Wechatpay-Signature': rsaSign(privateKey, responseMessage(timestamp, n, body)),
  };
}

/**
 * The mini-program's `wx.requestPayment` parameters for a prepay id: paySign is SHA256withRSA over
 * `appId\ntimeStamp\nnonceStr\npackage\n` (signType is not signed); timeStamp in seconds.
 */
export function requestPaymentParams(appId: string, prepayId: string, privateKey: string | KeyObject, now = Date.now()) {
  const timeStamp = String(Math.floor(now / 1000));
  const nonceStr = nonce();
  const pkg = `prepay_id=${prepayId}`;
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA' as const, paySign: rsaSign(privateKey, `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`) };
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
  original_type: string;
}

/** AEAD_AES_256_GCM with the 32-byte APIv3 key; ciphertext is Base64 of encrypted‖16-byte tag. */
export function encryptResource(apiV3Key: string, plaintext: string, associatedData = 'transaction', originalType = 'transaction'): EncryptedResource {
  const iv = randomBytes(6).toString('hex'); // 12 ASCII bytes, as WeChat sends
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(iv, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const enc = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: enc.toString('base64'), associated_data: associatedData, nonce: iv, original_type: originalType };
}

/** Decrypts a notification's resource; throws when the key, nonce, AAD or tag do not match. */
export function decryptResource(apiV3Key: string, r: { ciphertext: string; associated_data?: string; nonce: string }): string {
  const data = Buffer.from(r.ciphertext, 'base64');
  if (data.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(r.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** The serial WeChat sends in Wechatpay-Serial for a platform certificate (upper-case hex). */
export function certificateSerial(certPem: string): string {
  return new X509Certificate(certPem).serialNumber.toUpperCase();
}

export function publicKeyOf(pemOrCert: string): KeyObject {
  return pemOrCert.includes('CERTIFICATE') ? new X509Certificate(pemOrCert).publicKey : createPublicKey(pemOrCert);
}
