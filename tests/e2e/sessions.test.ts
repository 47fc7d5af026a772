import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/server/auth/password';
import { db } from '@/lib/server/db/client';
import { recordFigures } from '../stress/figures';
import { insertThread } from '../support/factories';
import { type RunningApp, startApp } from './support/app';

const cookieJar = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

/** next-auth's credentials sign-in over HTTP, as the sign-in form does it. */
async function signIn(baseUrl: string, email: string, password: string) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookieJar(csrf.headers.getSetCookie()),
      origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: baseUrl }),
  });
  const ms = performance.now() - started;
  const session = response.headers.getSetCookie().find((c) => c.includes('session-token='));
  return { status: response.status, session, ms, retryAfter: response.headers.get('retry-after') };
}

describe('sessions and sign-in across two app instances', () => {
  let a: RunningApp;
  let b: RunningApp;
  let secure: RunningApp;
  const email = 'sessions@example.com';
  const password = 'a long enough password';

  beforeAll(async () => {
    await db.user.create({ data: { email, name: 'Session Tester', passwordHash: await hashPassword(password) } });
    [a, b, secure] = await Promise.all([startApp(), startApp(), startApp({ NEXTAUTH_URL: 'https://crux.example' })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), secure?.stop()]);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie that another instance accepts; Secure behind https', async () => {
    const signedIn = await signIn(a.url, email, password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.session).toMatch(/^next-auth\.session-token=/);
    expect(signedIn.session).toMatch(/HttpOnly/i);
    expect(signedIn.session).toMatch(/SameSite=Lax/i);
    expect(signedIn.session).not.toMatch(/Secure/);
    const page = await fetch(`${b.url}/`, { headers: { cookie: signedIn.session!.split(';')[0] } }).then((r) =>
      r.text(),
    );
    expect(page).toContain('Session Tester');

    const overHttps = await signIn(secure.url, email, password);
    expect(overHttps.session).toMatch(/^__Secure-next-auth\.session-token=.*Secure/i);
  });

  it('refuses a cross-site mutation with 403', async () => {
    const { thread, passages } = await insertThread(['A passage that a forged request aims at.'], 'csrf-thread');
    const { session } = await signIn(a.url, email, password);
    const response = await fetch(`${a.url}/api/threads/${thread.slug}/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session!.split(';')[0], origin: 'https://evil.example' },
      body: JSON.stringify({ passageId: passages[0].id, start: 0, end: 1, exact: 'A' }),
    });
    expect(response.status).toBe(403);
  });

  it('answers a wrong password and an unknown email alike and in similar time', async () => {
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      const w = await signIn(a.url, `timing-${i}@example.com`, 'x'.repeat(12));
      unknown.push(w.ms);
      const u = await signIn(b.url, email, `wrong password ${i}`);
      wrong.push(u.ms);
      expect(w.status).toBe(u.status);
    }
    const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('limits sign-in attempts per email across instances (429 with Retry-After), counted in Postgres', async () => {
    const target = 'limited@example.com';
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 11; i++) {
      const attempt = await signIn(i % 2 ? a.url : b.url, target, `guess ${i}`);
      statuses.push(attempt.status);
      retryAfter = attempt.retryAfter ?? retryAfter;
    }
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    recordFigures('rateLimits', { attemptsBeforeLimit: 10, instances: 2, limitedStatus: statuses[10] });
  });
});
