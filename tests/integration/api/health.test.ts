import { describe, expect, it } from 'vitest';
import { searchEngine } from '@/lib/server/search/search-claims';
import { call } from '../../support/requests';

describe('GET /api/health', () => {
  it('reports the database up and every migration applied', async () => {
    const response = await call('/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.json).toMatchObject({ status: 'ok', db: 'up', migration: { pending: [] } });
    expect(response.json.migration.latest).toMatch(/_init$|^\d{14}_/);
  });

  it('reports the search index: loading when the server starts, then ready', async () => {
    const health = async () => (await call('/api/health')).json.searchIndex;
    expect((await health()).state).toMatch(/^(loading|ready)$/);
    await searchEngine().loaded();
    expect(await health()).toEqual({ state: 'ready', claims: 0 });
  });
});
