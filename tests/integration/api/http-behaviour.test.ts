import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '@/lib/server/api/app';
import { answerError } from '@/lib/server/api/problems';
import { publicOrigin } from '@/lib/server/public-origin';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

let slug: string;
let passage: { id: string; text: string };
let user: { id: string; name: string };

beforeAll(async () => {
  user = await insertUser({ name: 'Header Reader' });
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) => `Paragraph ${i} argues that mesa-optimisers arise ${i} times.`,
  );
  const { thread, passages } = await insertThread(paragraphs, 'http-behaviour');
  slug = thread.slug;
  passage = passages[0];
});

describe('every answer of the API', () => {
  it('carries the security headers: successes, errors and unknown paths alike', async () => {
    const answers = await Promise.all([
      call('/api/threads'),
      call('/api/claims/{id}/tag', { method: 'PUT', params: { id: passage.id }, body: { axis: 'inner' } }),
      call('/api/no-such-thing'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers.get(name)).toBe(value);
    }
  });

  it('answers an unknown path as a JSON 404 that points at the API description', async () => {
    const { status, json } = await call('/api/no-such-thing', { method: 'POST' });
    expect(status).toBe(404);
    expect(json.error).toEqual({
      code: 'not_found',
      message: expect.stringMatching(/POST \/api\/no-such-thing.*openapi\.json/),
    });
  });

  it('gzips answers of 1 KiB and more for clients that take gzip, and nothing smaller', async () => {
    const plain = await api.request(`/api/threads/${slug}`, {}, { remoteAddress: '127.0.0.1' });
    const packed = await api.request(
      `/api/threads/${slug}`,
      { headers: { 'accept-encoding': 'gzip, br' } },
      { remoteAddress: '127.0.0.1' },
    );
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toMatch(/Accept-Encoding/);
    const unpacked = gunzipSync(Buffer.from(await packed.arrayBuffer())).toString();
    expect(unpacked).toBe(await plain.text());
    expect(unpacked.length).toBeGreaterThan(1024);
    const small = await api.request(
      '/api/health',
      { headers: { 'accept-encoding': 'gzip' } },
      { remoteAddress: '127.0.0.1' },
    );
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(await small.text())).toMatchObject({ db: 'up' });
  });
});

describe('cross-site mutations', () => {
  const claim = (headers: Record<string, string>) =>
    call('/api/threads/{slug}/claims', {
      method: 'POST',
      params: { slug },
      user,
      headers,
      body: { passageId: passage.id, start: 0, end: 9, exact: passage.text.slice(0, 9) },
    });

  it('are refused unless Origin is the configured public origin, whatever Host and X-Forwarded-Host say', async () => {
    const evil = 'https://evil.example';
    expect((await claim({ origin: evil })).status).toBe(403);
    expect((await claim({ origin: evil, host: 'evil.example', 'x-forwarded-host': 'evil.example' })).status).toBe(403);
    expect((await claim({ origin: 'null' })).status).toBe(403);
    expect((await claim({ origin: 'not a url' })).status).toBe(403);
    expect((await claim({ origin: publicOrigin() })).status).toBe(201);
    // Without Origin (curl, another server) no browser credentials ride along.
    expect((await claim({})).status).toBe(200);
  });
});

describe('errors the API did not expect', () => {
  const app = new Hono()
    .get('/boom', () => {
      throw new Error('connection string postgresql://secret@db');
    })
    .get('/hono', () => {
      throw new HTTPException(415, { message: 'Unsupported Media Type' });
    })
    .onError(answerError);

  it('are a 500 that says nothing of what happened', async () => {
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/secret|postgresql|at \w+ \(/);
  });

  it('from Hono itself keep their status, in the one error shape', async () => {
    const response = await app.request('/hono');
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'unsupported_media_type', message: 'Unsupported Media Type' },
    });
  });
});
