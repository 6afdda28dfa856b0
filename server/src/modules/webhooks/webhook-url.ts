import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point (docs/security.md, "Webhooks"). The server sends requests to addresses its users
 * choose, from inside the municipality's network: without a check a subscriber could make it call the database,
 * the metrics endpoint or another internal service (server-side request forgery). So a URL must be http(s), carry
 * no credentials, and its host must resolve only to public unicast addresses — unless WEBHOOK_ALLOW_PRIVATE is set
 * (tests, development, an installation whose receivers live on the internal network). The host is resolved again
 * before every attempt, and redirects are never followed.
 */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 (may reach private IPv4)
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address (v4, v6, or v4-mapped v6) is public unicast. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family === 6) return !NOT_PUBLIC.check(address, 'ipv6');
  return false;
}

/** Why a URL may not be a webhook's, or null; the form only (no DNS). */
export function urlFormProblem(raw: string): string | null {
  if (raw.length > 2000) return 'at most 2,000 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be http:// or https://';
  if (url.username || url.password) return 'must carry no user name or password (use the signature to authenticate)';
  if (!url.hostname) return 'must name a host';
  return null;
}

/**
 * Why the URL's host may not be sent to, or null: it does not resolve, or (unless private addresses are allowed)
 * one of its addresses is not public.
 */
export async function addressProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return `the host ${host} does not resolve`;
    }
  }
  if (allowPrivate) return null;
  const bad = addresses.find((a) => !isPublicAddress(a));
  return bad ? `the host resolves to ${bad}, which is not a public address` : null;
}
