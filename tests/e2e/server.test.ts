import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../support/factories';
import { sessionCookie } from '../support/session';
import { type RunningApp, startApp } from './support/app';

const cookieJar = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

/** One password sign-in through next-auth, as the sign-in form makes it, with extra request headers. */
async function signIn(baseUrl: string, email: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookieJar(csrf.headers.getSetCookie()),
      origin: baseUrl,
      ...headers,
    },
    body: new URLSearchParams({ csrfToken, email, password: 'not the password', json: 'true', callbackUrl: baseUrl }),
  });
  return response.status;
}

/** 31 sign-in attempts, each for another email (the per-email limit never trips), with headers per attempt. */
async function attempts(baseUrl: string, headersOf: (i: number) => Record<string, string>) {
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++)
    statuses.push(await signIn(baseUrl, `who-${baseUrl.length}-${i}-${Math.random()}@example.com`, headersOf(i)));
  return statuses;
}

describe('one server: the API app and Next.js side by side', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('serves the API from the API app and the pages and next-auth from Next.js, each with the security headers', async () => {
    const [apiAnswer, page, auth] = await Promise.all([
      fetch(`${app.url}/api/openapi.json`),
      fetch(`${app.url}/`),
      fetch(`${app.url}/api/auth/csrf`),
    ]);
    expect(apiAnswer.status).toBe(200);
    expect((await apiAnswer.json()).openapi).toBe('3.1.0');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src/);
    expect((await auth.json()).csrfToken).toEqual(expect.any(String));
    for (const answer of [apiAnswer, page, auth]) {
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
    const missing = await fetch(`${app.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  it('limits sign-ins per socket address, whatever X-Forwarded-For or the private address header claim', async () => {
    const statuses = await attempts(app.url, (i) => ({
      'x-forwarded-for': `198.51.100.${i}`,
      'x-crux-client-address': `192.0.2.${i}`,
    }));
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('limits sign-ins per address the proxy saw, each client its own count', async () => {
    const statuses = await attempts(app.url, (i) => ({ 'x-forwarded-for': `198.51.100.${i}, 203.0.113.50` }));
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(await signIn(app.url, 'another@example.com', { 'x-forwarded-for': '203.0.113.51' })).not.toBe(429);
  });
});

describe('stopping the server', () => {
  it('lets tag writes under way finish and answers them before it exits', async () => {
    const app = await startApp();
    const { thread, passages } = await insertThread(['Corrigibility is anti-natural.']);
    const claim = await db.claim.create({
      data: {
        passageId: passages[0].id,
        threadId: thread.id,
        start: 0,
        end: 12,
        exact: 'Corrigibility',
        prefix: '',
        suffix: ' is anti-natural.',
      },
    });
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => insertUser({ name: `Stopper ${i}` })));
    const cookies = await Promise.all(users.map((user) => sessionCookie(user)));
    // Hold the claim's row lock, so the writes reach the server and wait inside it.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM "Claim" WHERE "id" = $1 FOR UPDATE', [claim.id]);
      const writes = cookies.map((cookie) =>
        fetch(`${app.url}/api/claims/${claim.id}/tag`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie },
          body: '{"axis":"inner"}',
        }).then(
          (r) => r.status,
          () => 'no answer',
        ),
      );
      // A write batch waiting on the lock: the server is taking the writes. The writes may all
      // land in one batch (one waiter) or several; on a busy machine it may still be reading the
      // others, so it is given a further second.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await holder.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].n >= 1) break;
        if (Date.now() > deadline) throw new Error('no tag write reached the database within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const stopped = app.stop(); // SIGTERM while every write waits on the lock
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query('COMMIT');
      expect(await Promise.all(writes)).toEqual(users.map(() => 200));
      await stopped;
      expect(await db.tag.count({ where: { claimId: claim.id } })).toBe(users.length);
    } finally {
      await holder.end();
      await app.stop();
    }
  }, 120_000); // it starts a server of its own, which takes a while on a busy machine
});
