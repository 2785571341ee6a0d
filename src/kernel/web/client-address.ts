import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { TrustProxy } from '../config/env.ts';
import type { AppContext } from './context.ts';

/** `::ffff:192.0.2.1`, as a dual-stack socket reports an IPv4 peer, is `192.0.2.1`. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** The proxies a configuration trusts, as a test on an address. */
function trustedBy(trust: Extract<TrustProxy, { kind: 'addresses' }>): (address: string) => boolean {
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
 * The address a request comes from. `X-Forwarded-For` is read only when the peer is a trusted proxy, from the right
 * (what the nearest proxy wrote) leftwards, over as many proxies as are trusted: whatever a client writes into the
 * header itself stays further left and is never reached.
 */
export function clientAddressOf(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const hops = [...(forwardedFor ?? '').split(',').map((part) => plainAddress(part.trim())).filter((part) => part !== ''), plainAddress(peer)];
  if (trust.kind === 'none') return hops.at(-1)!;
  if (trust.kind === 'hops') {
    const client = hops[Math.max(0, hops.length - 1 - trust.hops)]!;
    return isIP(client) ? client : hops.at(-1)!;
  }
  const trusted = trustedBy(trust);
  let index = hops.length - 1;
  while (index > 0 && trusted(hops[index]!) && isIP(hops[index - 1]!)) index--;
  return hops[index]!;
}

/** The address of the client of this request (see `clientAddressOf`); 'unknown' when there is no socket (in-process tests). */
export function clientAddress(c: AppContext): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  if (!peer) return 'unknown';
  return clientAddressOf(peer, c.req.header('x-forwarded-for'), c.var.services.config.trustProxy);
}
