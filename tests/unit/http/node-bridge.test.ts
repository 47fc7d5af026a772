import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readJson } from '@/lib/server/http/body';
import { ApiError, badRequest } from '@/lib/server/http/errors';
import { type DirectRoute, findDirectRoute, serveDirect, type WebHandler } from '@/lib/server/http/node-bridge';
import { PreparedJson } from '@/lib/server/http/prepared-json';
import { route } from '@/lib/server/http/route';
import { log } from '@/lib/server/log';
import { z } from 'zod';

const echo: WebHandler = async () => new Response('ok');
const ROUTES: DirectRoute[] = [
  { method: 'PUT', path: /^\/api\/claims\/(?<id>[^/]+)\/tag\/?$/, handler: echo },
  { method: 'DELETE', path: /^\/api\/tags\/(?<id>[^/]+)\/?$/, handler: echo },
];

describe('findDirectRoute', () => {
  it('matches method and path, ignores the query, decodes the params', () => {
    expect(findDirectRoute(ROUTES, 'PUT', '/api/claims/abc/tag?x=1')).toEqual({ handler: echo, params: { id: 'abc' } });
    expect(findDirectRoute(ROUTES, 'PUT', '/api/claims/a%20b/tag/')?.params).toEqual({ id: 'a b' });
    expect(findDirectRoute(ROUTES, 'DELETE', '/api/tags/t1')?.params).toEqual({ id: 't1' });
  });

  it('leaves everything else to Next.js', () => {
    expect(findDirectRoute(ROUTES, 'GET', '/api/claims/abc/tag')).toBeUndefined();
    expect(findDirectRoute(ROUTES, 'PUT', '/api/claims/abc/tag/restore')).toBeUndefined();
    expect(findDirectRoute(ROUTES, 'PUT', '/api/claims/a/b/tag')).toBeUndefined();
    expect(findDirectRoute(ROUTES, 'PUT', '/api/claims/%E0%A4%A/tag')).toBeUndefined();
    expect(findDirectRoute(ROUTES, undefined, '/api/tags/t1')).toBeUndefined();
  });
});

describe('serveDirect', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(handler: WebHandler): Promise<string> {
    server = http.createServer((req, res) => {
      const match = findDirectRoute(
        [{ method: req.method ?? '', path: /^\/(?<id>[^/]+)$/, handler }],
        req.method,
        req.url,
      );
      if (match) void serveDirect(req, res, match, { 'X-Frame-Options': 'DENY' });
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('hands the handler the method, URL, headers, body and params, and sends its answer with the extra headers', async () => {
    const handler = vi.fn<WebHandler>(async (req, { params }) => {
      const { id } = await params;
      return Response.json(
        { id, method: req.method, url: req.url, cookie: req.headers.get('cookie'), body: await req.json() },
        { status: 201, headers: { 'x-one': '1' } },
      );
    });
    const url = await serve(handler);
    const response = await fetch(`${url}/c%2F1?q=2`, {
      method: 'PUT',
      headers: { cookie: 'a=1', 'content-type': 'application/json' },
      body: '{"axis":"inner"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-one')).toBe('1');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.json()).toEqual({
      id: 'c/1',
      method: 'PUT',
      url: `${url}/c%2F1?q=2`,
      cookie: 'a=1',
      body: { axis: 'inner' },
    });
  });

  it("keeps the handler's own Vary beside Accept-Encoding", async () => {
    const url = await serve(async () => new Response('{}', { headers: { vary: 'Cookie' } }));
    expect((await fetch(`${url}/x`)).headers.get('vary')).toBe('Cookie, Accept-Encoding');
  });

  it('drops a request whose client went away mid-body, without logging an error', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const handler = vi.fn<WebHandler>(async () => new Response('{}'));
    const url = await serve(handler);
    const { port } = new URL(url);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/x',
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('error', () => resolve());
      req.write('{"axis":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handler).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('sends every cookie the handler sets', async () => {
    const url = await serve(async () => {
      const headers = new Headers();
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response(null, { status: 204, headers });
    });
    const response = await fetch(`${url}/x`, { method: 'POST' });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('gzips a body over 1 KiB for a client that takes gzip, and only then', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(4000) });
    const url = await serve(
      async (req) =>
        new Response(new URL(req.url).pathname === '/big' ? big : '{"a":1}', {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const raw = (path: string, acceptEncoding?: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const zipped = await raw('/big', 'gzip, deflate');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(big);
    expect((await raw('/big')).headers['content-encoding']).toBeUndefined();
    expect((await raw('/big')).body.toString()).toBe(big);
    expect((await raw('/small', 'gzip')).headers['content-encoding']).toBeUndefined();
  });

  const rawGet = (url: string, acceptEncoding?: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });

  it('gzips a body over 64 KiB too (on the thread pool)', async () => {
    const huge = JSON.stringify({ notes: Array.from({ length: 3000 }, (_, i) => `note ${i} ${'y'.repeat(i % 50)}`) });
    expect(huge.length).toBeGreaterThan(64 * 1024);
    const url = await serve(async () => new Response(huge, { headers: { 'content-type': 'application/json' } }));
    const zipped = await rawGet(`${url}/x`, 'gzip');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength);
    expect(gunzipSync(zipped.body).toString()).toBe(huge);
  });

  it('sends a prepared answer as its bytes, without a Response around it, and compresses it once however often it is sent', async () => {
    const value = {
      items: Array.from({ length: 40 }, (_, i) => ({ id: i, text: `claim ${i} about inner alignment` })),
    };
    const prepared = new PreparedJson(value);
    const gzip = vi.spyOn(prepared, 'gzip');
    const toResponse = vi.spyOn(prepared, 'toResponse');
    const url = await serve(route(async () => prepared) as WebHandler);
    const plain = await rawGet(`${url}/x`);
    expect(plain.headers['content-type']).toBe('application/json');
    expect(plain.headers['x-frame-options']).toBe('DENY');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(plain.body.toString())).toEqual(value);
    const first = await rawGet(`${url}/x`, 'gzip');
    const second = await rawGet(`${url}/x`, 'gzip');
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(second.body).toString())).toEqual(value);
    expect(second.body.equals(first.body)).toBe(true);
    expect(gzip).toHaveBeenCalledTimes(2);
    expect(await gzip.mock.results[0].value).toBe(await gzip.mock.results[1].value);
    expect(toResponse).not.toHaveBeenCalled();
  });

  it('answers a route that returns a prepared answer with a Response where one is needed (Next.js)', async () => {
    const value = { a: [1, 2, 3], b: 'é' };
    const handler = route(async () => new PreparedJson(value));
    const response = await handler(new Request('http://localhost/x'), { params: Promise.resolve({}) });
    const reference = Response.json(value);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(reference.headers.get('content-type'));
    expect(await response.text()).toBe(await reference.text());
  });

  it('refuses a body over the JSON limit with 413 even when it is sent without a length', async () => {
    const seen: number[] = [];
    const url = await serve(
      route(async ({ req }) => {
        const bytes = await req.clone().arrayBuffer();
        seen.push(bytes.byteLength);
        return readJson(req, z.unknown());
      }) as WebHandler,
    );
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${url}/x`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(seen).toEqual([1024 * 1024 + 1]);
  });

  it('answers 500 in the API error shape when something escapes the handler, and logs it', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const url = await serve(async () => {
      throw new Error('boom');
    });
    const response = await fetch(`${url}/x`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side; the error was logged.' },
    });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe('PreparedJson across copies of its module', () => {
  it('is recognised by instanceof whichever copy made it (answers are cached on globalThis, shared by both)', async () => {
    vi.resetModules();
    const other = await import('@/lib/server/http/prepared-json');
    expect(other.PreparedJson).not.toBe(PreparedJson);
    expect(new other.PreparedJson({}) instanceof PreparedJson).toBe(true);
    expect(new PreparedJson({}) instanceof other.PreparedJson).toBe(true);
    expect({ bytes: Buffer.from('{}') } instanceof PreparedJson).toBe(false);
    expect(Response.json({}) instanceof PreparedJson).toBe(false);
  });
});

describe('ApiError across copies of its module', () => {
  it('is recognised by instanceof whichever copy made it, and nothing else is', async () => {
    vi.resetModules();
    const other = await import('@/lib/server/http/errors');
    expect(other.ApiError).not.toBe(ApiError);
    const foreign = other.badRequest('from the other copy');
    expect(foreign instanceof ApiError).toBe(true);
    expect(badRequest('here') instanceof other.ApiError).toBe(true);
    expect(new Error('plain') instanceof ApiError).toBe(false);
    expect({ status: 400, code: 'bad_request' } instanceof ApiError).toBe(false);
    expect((null as unknown) instanceof ApiError).toBe(false);
  });
});
