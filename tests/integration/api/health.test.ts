import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { searchEngine } from '@/lib/server/search/search-claims';

describe('GET /api/health', () => {
  it('reports the database up and every migration applied', async () => {
    const response = await GET(new Request('http://localhost/api/health'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', db: 'up', migration: { pending: [] } });
    expect(body.migration.latest).toMatch(/_init$|^\d{14}_/);
  });

  it('reports the search index: loading when the server starts, then ready', async () => {
    const health = async () =>
      (await (await GET(new Request('http://localhost/api/health'), { params: Promise.resolve({}) })).json())
        .searchIndex;
    expect((await health()).state).toMatch(/^(loading|ready)$/);
    await searchEngine().loaded();
    expect(await health()).toEqual({ state: 'ready', claims: 0 });
  });
});
