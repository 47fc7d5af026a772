import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { recordFigures } from '../../stress/figures';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

type Handler = string;
const importRoute = '/api/annotations/import';
const searchRoute = '/api/claims';
const putTagRoute = '/api/claims/{id}/tag';
const threadsRoute = '/api/threads';
const claimsRoute = '/api/threads/{slug}/claims';
const savedSearchRoute = '/api/searches';
const usersRoute = '/api/users';

async function rowCounts() {
  const [users, threads, revisions, passages, occurrences, claims, tags, revisionsOfTags, events, savedSearches] =
    await Promise.all([
      db.user.count(),
      db.thread.count(),
      db.threadRevision.count(),
      db.passage.count(),
      db.occurrence.count(),
      db.claim.count(),
      db.tag.count(),
      db.tagRevision.count(),
      db.threadEvent.count(),
      db.savedSearch.count(),
    ]);
  return { users, threads, revisions, passages, occurrences, claims, tags, revisionsOfTags, events, savedSearches };
}

const INVALID_UTF8: Uint8Array<ArrayBuffer> = new Uint8Array([
  0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d,
]);
const NUL_JSON = '{"title":"a\u0000b","text":"x"}';

let user: { id: string; name: string };
let slug: string;
let passageId: string;
let claimId: string;

beforeAll(async () => {
  user = await insertUser({ name: 'Careful' });
  const { thread, passages } = await insertThread(['A passage to aim bad requests at.'], 'bad-input-thread');
  slug = thread.slug;
  passageId = passages[0].id;
  claimId = (await tagPassage(slug, passages[0], user, { axis: 'inner' })).id;
});

interface Case {
  name: string;
  handler: Handler;
  params?: Record<string, string>;
  rawBody?: BodyInit;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  method: string;
  status: number;
}

function jsonCases(
  name: string,
  handler: Handler,
  method: string,
  params: Record<string, string> | undefined,
  valid: Record<string, unknown>,
  wrongType: Record<string, unknown>,
): Case[] {
  const json = { 'content-type': 'application/json' };
  return [
    { name: `${name}: malformed JSON`, handler, method, params, rawBody: '{"oops": ', headers: json, status: 400 },
    { name: `${name}: wrong types`, handler, method, params, body: { ...valid, ...wrongType }, status: 400 },
    { name: `${name}: missing fields`, handler, method, params, body: {}, status: 400 },
    {
      name: `${name}: JSON over 1 MB`,
      handler,
      method,
      params,
      rawBody: JSON.stringify({ ...valid, padding: 'x'.repeat(1_100_000) }),
      headers: json,
      status: 413,
    },
    { name: `${name}: invalid UTF-8`, handler, method, params, rawBody: INVALID_UTF8, headers: json, status: 400 },
    { name: `${name}: NUL byte`, handler, method, params, rawBody: NUL_JSON, headers: json, status: 400 },
    {
      name: `${name}: not JSON at all`,
      handler,
      method,
      params,
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
      status: 415,
    },
  ];
}

describe('bad input everywhere', () => {
  it('answers every malformed request with its documented 4xx and a message, and writes nothing', async () => {
    const before = await rowCounts();
    const cases: Case[] = [
      ...jsonCases(
        'sign-up',
        usersRoute,
        'POST',
        undefined,
        { email: 'a@b.co', name: 'A', password: 'long enough' },
        { email: 42 },
      ),
      {
        name: 'sign-up: short password',
        handler: usersRoute,
        method: 'POST',
        body: { email: 'short@b.co', name: 'A', password: 'short' },
        status: 400,
      },
      ...jsonCases(
        'claims',
        claimsRoute,
        'POST',
        { slug },
        { passageId, start: 0, end: 3, exact: 'A p', prefix: '', suffix: '' },
        { start: 'zero' },
      ),
      ...jsonCases('tag', putTagRoute, 'PUT', { id: claimId }, { axis: 'inner', version: 1 }, { confidence: '80%' }),
      // The import takes documents up to 20 MB, like an upload.
      ...jsonCases(
        'import',
        importRoute,
        'POST',
        undefined,
        { '@context': 'http://www.w3.org/ns/anno.jsonld' },
        {},
      ).filter((c) => !/wrong types|missing|over 1 MB/.test(c.name)),
      {
        name: 'import: JSON over 20 MB',
        handler: importRoute,
        method: 'POST',
        rawBody: JSON.stringify({ padding: 'x'.repeat(21 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
        status: 413,
      },
      {
        name: 'import: not JSON-LD',
        handler: importRoute,
        method: 'POST',
        body: { hello: 'world' },
        status: 422,
      },
      {
        name: 'upload: malformed JSON',
        handler: threadsRoute,
        method: 'POST',
        rawBody: '{"text": ',
        headers: { 'content-type': 'application/json' },
        status: 400,
      },
      { name: 'upload: wrong types', handler: threadsRoute, method: 'POST', body: { text: 5 }, status: 400 },
      {
        name: 'upload: missing text',
        handler: threadsRoute,
        method: 'POST',
        body: { title: 'x' },
        status: 400,
      },
      {
        name: 'upload: unknown format',
        handler: threadsRoute,
        method: 'POST',
        body: { text: 'x', format: 'pdf' },
        status: 400,
      },
      {
        name: 'upload: empty thread',
        handler: threadsRoute,
        method: 'POST',
        body: { text: '   \n ' },
        status: 422,
      },
      {
        name: 'upload: NUL byte in text',
        handler: threadsRoute,
        method: 'POST',
        body: { text: 'a\u0000b' },
        status: 422,
      },
      {
        name: 'upload: malformed LessWrong JSON',
        handler: threadsRoute,
        method: 'POST',
        body: { text: '{"comments": [', format: 'lesswrong-json' },
        status: 422,
      },
      {
        name: 'upload: unknown JSON shape',
        handler: threadsRoute,
        method: 'POST',
        body: { text: '{"posts": []}', format: 'lesswrong-json' },
        status: 422,
      },
      {
        name: 'upload: over 20 MB',
        handler: threadsRoute,
        method: 'POST',
        rawBody: multipart(new Uint8Array(21 * 1024 * 1024).fill(0x61)),
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        status: 413,
      },
      {
        name: 'upload: binary file',
        handler: threadsRoute,
        method: 'POST',
        rawBody: multipart(new Uint8Array([0x68, 0x00, 0x69])),
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        status: 422,
      },
      {
        name: 'upload: invalid UTF-8 file',
        handler: threadsRoute,
        method: 'POST',
        rawBody: multipart(new Uint8Array([0x68, 0x9c, 0x69])),
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        status: 422,
      },
      {
        name: 'search: query too long',
        handler: searchRoute,
        method: 'GET',
        query: { q: 'q'.repeat(501) },
        status: 400,
      },
      {
        name: 'search: bad cursor',
        handler: searchRoute,
        method: 'GET',
        query: { cursor: '%%%' },
        status: 400,
      },
      ...jsonCases(
        'saved search',
        savedSearchRoute,
        'POST',
        undefined,
        { name: 'Mine', query: 'q=x' },
        { name: ['Mine'] },
      ),
      {
        name: 'saved search: invalid search',
        handler: savedSearchRoute,
        method: 'POST',
        body: { name: 'Bad', query: 'minConfidence=140' },
        status: 400,
      },
    ];
    for (const c of cases) {
      const response = await call(c.handler, {
        method: c.method,
        params: c.params,
        body: c.body,
        rawBody: c.rawBody,
        headers: c.headers,
        query: c.query,
        user,
      });
      expect(response.status, `${c.name}: ${response.text.slice(0, 200)}`).toBe(c.status);
      expect(response.json?.error?.message, c.name).toEqual(expect.any(String));
      expect(response.text, c.name).not.toMatch(/at \w+ \(|node_modules/);
    }
    expect(await rowCounts()).toEqual(before);
    recordFigures('badInput', { requests: cases.length, endpoints: 7, databaseUnchanged: true });
  });
});

const BOUNDARY = 'crux-test-boundary';

function multipart(file: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="thread.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);
  const body = new Uint8Array(head.length + file.length + tail.length);
  body.set(head, 0);
  body.set(file, head.length);
  body.set(tail, head.length + file.length);
  return body;
}
