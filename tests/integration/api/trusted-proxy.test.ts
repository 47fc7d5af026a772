import { describe, expect, it } from 'vitest';
import { call } from '../../support/requests';

// One proxy in front that appends the address it received each request from.
process.env.TRUST_PROXY = '1';

let counter = 0;
const viaProxy = (forwardedFor: string) =>
  call('/api/users', {
    method: 'POST',
    address: '10.0.0.2',
    headers: { 'x-forwarded-for': forwardedFor },
    body: { email: `proxied-${++counter}@example.com`, name: 'Proxied', password: 'long enough password' },
  });

describe('who is asking, behind one trusted proxy (TRUST_PROXY=1)', () => {
  it('counts the address the proxy saw, not the proxy’s own nor what the client wrote', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await viaProxy(`198.51.100.${i}, 203.0.113.20`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(statuses[20]).toBe(429);
    // Another client through the same proxy has a count of its own.
    expect((await viaProxy('198.51.100.1, 203.0.113.21')).status).toBe(201);
  });
});
