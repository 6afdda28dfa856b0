import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a delivery (docs/integrators.md, "Webhooks"): HMAC-SHA256 with the webhook's secret over
 * "<t>.<raw body>", where t is the sending time in Unix seconds, sent as `X-Otklik-Signature: t=<t>,v1=<hex>`.
 * The timestamp is inside what is signed, so a receiver that refuses old ones refuses replays of a captured request.
 */
export const SIGNATURE_HEADER = 'X-Otklik-Signature';

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What a receiver does (the docs show the same): true when the header signs the body and is at most `toleranceS` old. */
export function verifySignature(secret: string, body: string, header: string, now: Date, toleranceS = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceS) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
