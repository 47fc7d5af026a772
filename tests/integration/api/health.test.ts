import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { searchParamsSchema } from '@/lib/search/search-params';
import { searchClaims, searchIndex } from '@/lib/server/search/search-claims';

describe('GET /api/health', () => {
  it('reports the database up and every migration applied', async () => {
    const response = await GET(new Request('http://localhost/api/health'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', db: 'up', migration: { pending: [] } });
    expect(body.migration.latest).toMatch(/_init$|^\d{14}_/);
  });

  it('reports the search index: idle until the first search, then loading, then ready', async () => {
    const health = async () =>
      (await (await GET(new Request('http://localhost/api/health'), { params: Promise.resolve({}) })).json())
        .searchIndex;
    expect(await health()).toEqual({ state: 'idle', claims: 0, overlay: 0 });
    await searchClaims(searchParamsSchema.parse({}), null);
    expect((await health()).state).toMatch(/loading|ready/);
    await searchIndex()?.settled();
    expect(await health()).toEqual({ state: 'ready', claims: 0, overlay: 0 });
  });
});
