import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../support/factories';
import { sessionCookie } from '../support/session';
import { type RunningApp, startApp } from './support/app';

/**
 * The production server answers tag writes straight from their route handlers (scripts/serve.ts).
 * Every answer must be the one Next.js gives for the same request: the same status, body and
 * headers. Both servers run on the same build and database.
 */

/**
 * Headers that differ between any two responses (time, connection handling, framing), and
 * content-encoding: Next.js gzips every body, the direct routes only those over 1 KiB (fetch
 * unpacks either, so the bodies are compared as sent).
 */
const VOLATILE = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);
/** Next.js varies every App Router answer on its client router's headers too; a JSON route has no RSC form. */
const RSC_VARY = new Set(['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch']);

interface Answer {
  /** Which path answered: only Next.js varies on its router headers. */
  via: 'next' | 'direct';
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

async function send(app: RunningApp, path: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(`${app.url}${path}`, { ...init, redirect: 'manual' });
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!VOLATILE.has(name)) headers[name] = value;
  const via = /\brsc\b/i.test(headers.vary ?? '') ? 'next' : 'direct';
  if (headers.vary)
    headers.vary = headers.vary
      .split(/,\s*/)
      .filter((token) => !RSC_VARY.has(token.toLowerCase()))
      .join(', ');
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { via, status: response.status, headers, body };
}

/** Ids and timestamps differ between the two runs of a sequence; their shape must not. */
function normalise(value: unknown, ids: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, ids)]));
  if (typeof value !== 'string') return value;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value)) return '<time>';
  return value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `<id${ids.size}>`);
    return ids.get(id) as string;
  });
}

describe('routes served directly answer as Next.js does', () => {
  let crux: RunningApp;
  let plain: RunningApp;

  beforeAll(async () => {
    [crux, plain] = await Promise.all([startApp(), startApp({}, { server: 'next' })]);
  });
  afterAll(async () => {
    await Promise.all([crux?.stop(), plain?.stop()]);
  });

  it('refuses bad requests with the same status, message and headers', async () => {
    const { thread, passages } = await insertThread(['Mesa-optimisers need not be rare.']);
    const claim = await db.claim.create({
      data: {
        passageId: passages[0].id,
        threadId: thread.id,
        start: 0,
        end: 14,
        exact: 'Mesa-optimiser',
        prefix: '',
        suffix: 's need not be rare.',
      },
    });
    const owner = await insertUser({ name: 'Owner' });
    const other = await insertUser({ name: 'Other' });
    const ownerCookie = await sessionCookie(owner);
    const otherCookie = await sessionCookie(other);
    const tag = await db.tag.create({ data: { claimId: claim.id, userId: owner.id, axis: 'inner', confidence: 40 } });
    const json = (cookie: string, body: unknown, extra: Record<string, string> = {}) => ({
      headers: { 'content-type': 'application/json', cookie, ...extra },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const cases: [string, string, RequestInit][] = [
      ['not signed in', `/api/claims/${claim.id}/tag`, { method: 'PUT', ...json('', { axis: 'inner' }) }],
      ['unknown axis', `/api/claims/${claim.id}/tag`, { method: 'PUT', ...json(otherCookie, { axis: 'sideways' }) }],
      [
        'confidence out of range',
        `/api/claims/${claim.id}/tag`,
        { method: 'PUT', ...json(otherCookie, { axis: 'inner', confidence: 101 }) },
      ],
      ['not JSON', `/api/claims/${claim.id}/tag`, { method: 'PUT', ...json(otherCookie, '{"axis":') }],
      [
        'no body',
        `/api/claims/${claim.id}/tag`,
        { method: 'PUT', headers: { 'content-type': 'application/json', cookie: otherCookie } },
      ],
      [
        'wrong content type',
        `/api/claims/${claim.id}/tag`,
        { method: 'PUT', headers: { 'content-type': 'text/plain', cookie: otherCookie }, body: 'inner' },
      ],
      [
        'note too long',
        `/api/claims/${claim.id}/tag`,
        { method: 'PUT', ...json(otherCookie, { axis: 'inner', note: 'n'.repeat(10_001) }) },
      ],
      [
        'body over the limit',
        `/api/claims/${claim.id}/tag`,
        { method: 'PUT', ...json(otherCookie, { axis: 'inner', note: 'n'.repeat(2 * 1024 * 1024) }) },
      ],
      [
        'unknown claim',
        '/api/claims/00000000-0000-4000-8000-000000000000/tag',
        { method: 'PUT', ...json(otherCookie, { axis: 'inner' }) },
      ],
      ['malformed claim id', '/api/claims/not-an-id/tag', { method: 'PUT', ...json(otherCookie, { axis: 'inner' }) }],
      [
        'stale version',
        `/api/claims/${claim.id}/tag`,
        { method: 'PUT', ...json(ownerCookie, { axis: 'outer', version: 99 }) },
      ],
      [
        'cross-site',
        `/api/claims/${claim.id}/tag`,
        { method: 'PUT', ...json(ownerCookie, { axis: 'outer' }, { origin: 'https://evil.example' }) },
      ],
      ["someone else's tag", `/api/tags/${tag.id}`, { method: 'DELETE', headers: { cookie: otherCookie } }],
      [
        'delete with a bad version',
        `/api/claims/${claim.id}/tag?version=zero`,
        { method: 'DELETE', headers: { cookie: ownerCookie } },
      ],
      [
        'restore a tag never deleted',
        `/api/claims/${claim.id}/tag/restore`,
        { method: 'POST', headers: { cookie: ownerCookie } },
      ],
    ];
    // A trailing slash is Next.js's to answer (a redirect to the path without it), on both servers.
    for (const path of [`/api/claims/${claim.id}/tag/`, '/api/claims/']) {
      const [direct, next] = [
        await send(crux, path, { method: path.endsWith('tag/') ? 'PUT' : 'GET' }),
        await send(plain, path, { method: path.endsWith('tag/') ? 'PUT' : 'GET' }),
      ];
      expect(direct.status, path).toBe(308);
      expect(direct, path).toEqual(next);
    }
    for (const [what, path, init] of cases) {
      const [direct, next] = [await send(crux, path, init), await send(plain, path, init)];
      expect([direct.via, next.via], what).toEqual(['direct', 'next']);
      expect(direct.status, what).toBeGreaterThanOrEqual(400);
      expect({ ...direct, via: '' }, what).toEqual({ ...next, via: '' });
    }
    const unchanged = await db.tag.findUniqueOrThrow({ where: { id: tag.id } });
    expect(unchanged).toMatchObject({ axis: 'inner', confidence: 40, version: 1, deletedAt: null });
  });

  it('writes, edits, deletes and restores a tag with the same answers', async () => {
    const { thread, passages } = await insertThread(['Outer alignment is about the objective we write down.']);
    const claim = await db.claim.create({
      data: {
        passageId: passages[0].id,
        threadId: thread.id,
        start: 0,
        end: 15,
        exact: 'Outer alignment',
        prefix: '',
        suffix: ' is about the objective we write down.',
      },
    });
    const run = async (app: RunningApp) => {
      const user = await insertUser({ name: 'Sequence' });
      const cookie = await sessionCookie(user);
      const headers = { 'content-type': 'application/json', cookie, origin: app.url };
      const ids = new Map<string, string>();
      const answers: Answer[] = [];
      const step = async (path: string, init: RequestInit) => {
        const answer = await send(app, path, init);
        answers.push({ ...answer, body: normalise(answer.body, ids) });
        return answer.body as { tag: { id: string; version: number } };
      };
      const created = await step(`/api/claims/${claim.id}/tag`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({
          axis: 'inner',
          confidence: 70,
          note: 'A *concrete* story: <script>x</script>',
          labels: ['goal-misgeneralisation'],
        }),
      });
      const edited = await step(`/api/claims/${claim.id}/tag`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ axis: 'both', crux: true, version: created.tag.version }),
      });
      await step(`/api/claims/${claim.id}/tag?version=${edited.tag.version}`, { method: 'DELETE', headers });
      const restored = await step(`/api/claims/${claim.id}/tag/restore`, { method: 'POST', headers });
      await step(`/api/tags/${restored.tag.id}?version=${restored.tag.version}`, { method: 'DELETE', headers });
      return answers;
    };
    const direct = await run(crux);
    const next = await run(plain);
    expect(direct.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(direct.map((a) => a.via)).toEqual(Array(5).fill('direct'));
    expect(next.map((a) => a.via)).toEqual(Array(5).fill('next'));
    const same = (answers: Answer[]) => answers.map((a) => ({ ...a, via: '' }));
    expect(same(direct)).toEqual(same(next));
  });

  it('answers searches, their facets and their errors the same', async () => {
    const { thread, passages } = await insertThread([
      'Inner alignment fails when the learned objective diverges.',
      'Outer alignment is a specification problem.',
    ]);
    const users = [await insertUser({ name: 'Searcher A' }), await insertUser({ name: 'Searcher B' })];
    for (const [i, passage] of passages.entries()) {
      const claim = await db.claim.create({
        data: {
          passageId: passage.id,
          threadId: thread.id,
          start: 0,
          end: 15,
          exact: passage.text.slice(0, 15),
          prefix: '',
          suffix: passage.text.slice(15),
        },
      });
      for (const [k, user] of users.entries()) {
        const response = await fetch(`${crux.url}/api/claims/${claim.id}/tag`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: await sessionCookie(user) },
          body: JSON.stringify({
            axis: i ? 'outer' : 'inner',
            confidence: 20 + 60 * k,
            crux: k === 1,
            note: `Note ${i}${k} on the learned objective`,
          }),
        });
        expect(response.status).toBe(200);
      }
    }
    // Both instances answer from their in-memory index once it is loaded.
    for (const app of [crux, plain]) {
      for (let tries = 0; tries < 300; tries++) {
        const { searchIndex } = await (await fetch(`${app.url}/api/health`)).json();
        if (searchIndex === 'off' || searchIndex.state === 'ready') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const cookie = await sessionCookie(users[0]);
    const searches = [
      '/api/claims',
      '/api/claims?q=learned+objective',
      '/api/claims?q=inner+alignmnet',
      `/api/claims?axis=inner&crux=true&thread=${thread.slug}&sort=disagreement`,
      '/api/claims?minConfidence=10&maxConfidence=90&confidenceOf=mine',
      '/api/claims?limit=1',
      '/api/claims?axis=sideways',
      '/api/claims?limit=500',
      '/api/claims?cursor=not-a-cursor',
      `/api/claims?q=${'x'.repeat(501)}`,
    ];
    for (const path of searches) {
      const [direct, next] = [
        await send(crux, path, { headers: { cookie } }),
        await send(plain, path, { headers: { cookie } }),
      ];
      expect([direct.via, next.via], path).toEqual(['direct', 'next']);
      expect({ ...direct, via: '' }, path).toEqual({ ...next, via: '' });
      if (path.endsWith('q=learned+objective')) expect((direct.body as { items: unknown[] }).items).toHaveLength(2);
      if (path.endsWith('alignmnet')) expect(direct.body).toMatchObject({ mode: 'fuzzy' });
    }
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
      await new Promise((resolve) => setTimeout(resolve, 500));
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
  });
});
