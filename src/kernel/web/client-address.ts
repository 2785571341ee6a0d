import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { TrustProxy } from '../config/env.ts';
import type { AppContext } from './context.ts';

/** `::ffff:192.0.2.1`, as a dual-stack socket reports an IPv4 peer, is `192.0.2.1`. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

type TrustedAddresses = Extract<TrustProxy, { kind: 'addresses' }>;

/** Each configuration's test, built once: it is asked on every request that carries a forwarding header. */
const tests = new WeakMap<TrustedAddresses, (address: string) => boolean>();

/** The proxies a configuration trusts, as a test on an address. */
function trustedBy(trust: TrustedAddresses): (address: string) => boolean {
  let test = tests.get(trust);
  if (!test) {
    test = addressTest(trust);
    tests.set(trust, test);
  }
  return test;
}

function addressTest(trust: TrustedAddresses): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of trust.entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(prefix), family);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * Whether the peer is a proxy whose forwarding headers (X-Forwarded-For, X-Forwarded-Proto) are believed: one of the
 * configured addresses, or any peer when a number of proxies stands in front of the app.
 */
export function isTrustedProxy(peer: string, trust: TrustProxy): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'hops') return trust.hops > 0;
  return trustedBy(trust)(plainAddress(peer));
}

/**
 * The address a request comes from. `X-Forwarded-For` is read only when the peer is a trusted proxy, from the right
 * (what the nearest proxy wrote) leftwards, over as many proxies as are trusted: whatever a client writes into the
 * header itself stays further left and is never reached.
 */
export function clientAddressOf(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  if (trust.kind === 'none' || !isTrustedProxy(peer, trust)) return plainAddress(peer);
  const hops = [...(forwardedFor ?? '').split(',').map((part) => plainAddress(part.trim())).filter((part) => part !== ''), plainAddress(peer)];
  if (trust.kind === 'hops') {
    const client = hops[Math.max(0, hops.length - 1 - trust.hops)]!;
    return isIP(client) ? client : hops.at(-1)!;
  }
  const trusted = trustedBy(trust);
  let index = hops.length - 1;
  while (index > 0 && trusted(hops[index]!) && isIP(hops[index - 1]!)) index--;
  return hops[index]!;
}

/** The socket's peer address; null when there is no socket (in-process tests). */
function peerAddress(c: AppContext): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** The address of the client of this request (see `clientAddressOf`); 'unknown' when there is no socket (in-process tests). */
export function clientAddress(c: AppContext): string {
  const peer = peerAddress(c);
  return peer ? clientAddressOf(peer, c.req.header('x-forwarded-for'), c.var.services.config.trustProxy) : 'unknown';
}

/**
 * Whether the client reached the app over HTTPS: the socket's scheme, or what a trusted proxy says in
 * `X-Forwarded-Proto` (its first entry, written by the proxy the client reached). Anyone else's header is ignored.
 */
export function isHttpsRequest(c: AppContext): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = c.req.header('x-forwarded-proto');
  if (forwarded === undefined) return false;
  const peer = peerAddress(c);
  return peer !== null && isTrustedProxy(peer, c.var.services.config.trustProxy) && forwarded.split(',')[0]!.trim().toLowerCase() === 'https';
}
