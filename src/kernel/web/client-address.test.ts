import { describe, expect, it } from 'vitest';
import { readConfig } from '../config/env.ts';
import { clientAddressOf } from './client-address.ts';

const trust = (TRUST_PROXY?: string) => readConfig(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }).trustProxy;

describe('the client address behind proxies (TRUST_PROXY)', () => {
  it('is the peer itself by default, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf('203.0.113.5', '198.51.100.7', trust())).toBe('203.0.113.5');
    expect(clientAddressOf('::ffff:203.0.113.5', undefined, trust('off'))).toBe('203.0.113.5');
  });

  it('is what a trusted proxy forwarded, read from the right, so that a spoofed entry further left is never reached', () => {
    const proxies = trust('10.0.0.5, 192.168.0.0/24, fd00::/8');
    expect(clientAddressOf('10.0.0.5', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddressOf('::ffff:10.0.0.5', '1.2.3.4, 198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddressOf('fd00::1', '198.51.100.7, 192.168.0.20', proxies)).toBe('198.51.100.7');
    expect(clientAddressOf('10.0.0.5', 'not-an-address', proxies)).toBe('10.0.0.5');
    expect(clientAddressOf('10.0.0.5', undefined, proxies)).toBe('10.0.0.5');
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    expect(clientAddressOf('203.0.113.5', '198.51.100.7', trust('10.0.0.5'))).toBe('203.0.113.5');
    expect(clientAddressOf('10.0.0.6', '198.51.100.7', trust('10.0.0.5'))).toBe('10.0.0.6');
  });

  it('counts proxies from the right when given a number', () => {
    expect(clientAddressOf('10.0.0.5', '1.2.3.4, 198.51.100.7', trust('1'))).toBe('198.51.100.7');
    expect(clientAddressOf('10.0.0.5', '1.2.3.4, 198.51.100.7, 10.0.0.9', trust('2'))).toBe('198.51.100.7');
    expect(clientAddressOf('10.0.0.5', undefined, trust('1'))).toBe('10.0.0.5');
  });
});
