import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/server/client-address';

describe('clientAddress', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', undefined, 0)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', null, 0)).toBe('203.0.113.9');
    expect(clientAddress('2001:DB8::1', null, 0)).toBe('2001:db8::1');
    expect(clientAddress(undefined, '198.51.100.1', 0)).toBe('unknown');
  });

  it('behind N trusted proxies, is the address N hops from the right, the socket’s peer counted last', () => {
    // client 203.0.113.5 → proxy 10.0.0.2 (appends the client) → app
    expect(clientAddress('10.0.0.2', 'spoofed, 203.0.113.5', 1)).toBe('203.0.113.5');
    // client → proxy A (10.0.0.1) → proxy B (10.0.0.2) → app
    expect(clientAddress('10.0.0.2', 'spoofed, 203.0.113.5, 10.0.0.1', 2)).toBe('203.0.113.5');
    // several header lines are one list
    expect(clientAddress('10.0.0.2', ['spoofed', '203.0.113.5'], 1)).toBe('203.0.113.5');
  });

  it('takes the leftmost address when the chain is shorter than the hops trusted', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.5', 3)).toBe('203.0.113.5');
  });
});
