import { describe, expect, it } from 'vitest';
import { call } from '../../support/requests';

let counter = 0;
const signUp = (address: string, headers: Record<string, string> = {}) =>
  call('/api/users', {
    method: 'POST',
    address,
    headers,
    body: { email: `who-${++counter}@example.com`, name: 'Who', password: 'long enough password' },
  });

/** No proxy trusted (TRUST_PROXY unset): the client address is the socket's peer. */
describe('who is asking, with no proxy trusted', () => {
  it('limits sign-ups per socket address, whatever X-Forwarded-For each request claims', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await signUp('203.0.113.9', { 'x-forwarded-for': `198.51.100.${i}` })).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(statuses[20]).toBe(429);
  });

  it('keeps each address its own count: clients without X-Forwarded-For share no bucket', async () => {
    for (let i = 0; i < 21; i++) await signUp('203.0.113.10');
    expect((await signUp('203.0.113.10')).status).toBe(429);
    expect((await signUp('203.0.113.11')).status).toBe(201);
  });
});
