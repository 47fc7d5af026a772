import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { MAX_SAVED_SEARCHES } from '@/lib/search/saved-search';
import { insertUser } from '../../support/factories';
import { call } from '../../support/requests';

const GET = '/api/searches';
const POST = GET;
const DELETE = '/api/searches/{id}';

type User = { id: string; name: string };
let ann: User;
let ben: User;

const save = (user: User | null, body: unknown) => call(POST, { method: 'POST', user, body });

beforeAll(async () => {
  [ann, ben] = await Promise.all([insertUser({ name: 'Ann Saver' }), insertUser({ name: 'Ben Saver' })]);
});

describe('saved searches', () => {
  it('saves a search without its page cursor or empty fields, lists it to its owner only, by name', async () => {
    const first = await save(ann, {
      name: 'Mesa cruxes',
      query: '?q=mesa+optimiser&axis=inner&axis=both&crux=true&minConfidence=&cursor=abc',
    });
    expect(first.status, first.text).toBe(201);
    expect(first.json.search).toMatchObject({
      name: 'Mesa cruxes',
      query: 'q=mesa+optimiser&axis=inner&axis=both&crux=true',
    });
    expect(
      (await save(ann, { name: 'All disagreement', query: 'http://localhost:3000/claims?sort=disagreement' })).json
        .search.query,
    ).toBe('sort=disagreement');

    const mine = await call(GET, { user: ann });
    expect(mine.json.items.map((s: { name: string }) => s.name)).toEqual(['All disagreement', 'Mesa cruxes']);
    expect((await call(GET, { user: ben })).json.items).toEqual([]);
    expect((await call(GET, { user: null })).status).toBe(401);
  });

  it('refuses a name already used (409), an invalid search (400 naming the problem), and bad bodies', async () => {
    await save(ann, { name: 'Unique name', query: 'q=reward' });
    const again = await save(ann, { name: 'Unique name', query: 'q=other' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ field: 'name' });
    expect((await save(ben, { name: 'Unique name', query: 'q=reward' })).status).toBe(201);

    const badAxis = await save(ann, { name: 'Bad axis', query: 'axis=sideways' });
    expect(badAxis.status).toBe(400);
    expect(badAxis.json.error.message).toMatch(/axis must be one of/);
    const unknown = await save(ann, { name: 'Unknown', query: 'colour=red' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/colour is not a search parameter/);
    expect((await save(ann, { name: '   ', query: 'q=x' })).status).toBe(400);
    expect((await save(ann, { name: 'x'.repeat(81), query: 'q=x' })).status).toBe(400);
    expect((await save(ann, { query: 'q=x' })).json.error.message).toMatch(/name/);
    expect((await save(ann, { name: 'Long', query: `q=${'x'.repeat(2_001)}` })).status).toBe(400);
    expect(
      await db.savedSearch.count({ where: { userId: ann.id, name: { in: ['Bad axis', 'Unknown', 'Long'] } } }),
    ).toBe(0);
  });

  it('deletes only the owner’s own: someone else’s is a 404 and stays', async () => {
    const { json } = await save(ann, { name: 'To delete', query: 'crux=true' });
    const id = json.search.id as string;
    expect((await call(DELETE, { method: 'DELETE', user: ben, params: { id } })).status).toBe(404);
    expect((await call(DELETE, { method: 'DELETE', user: null, params: { id } })).status).toBe(401);
    expect((await call(DELETE, { method: 'DELETE', user: ann, params: { id: 'not-a-uuid' } })).status).toBe(404);
    expect((await call(DELETE, { method: 'DELETE', user: ann, params: { id } })).status).toBe(200);
    expect((await call(DELETE, { method: 'DELETE', user: ann, params: { id } })).status).toBe(404);
  });

  it(`keeps at most ${MAX_SAVED_SEARCHES} per account, also when saves race`, async () => {
    const carl = await insertUser({ name: 'Carl Hoarder' });
    await db.savedSearch.createMany({
      data: Array.from({ length: MAX_SAVED_SEARCHES - 3 }, (_, i) => ({
        userId: carl.id,
        name: `s${i}`,
        query: `q=w${i}`,
      })),
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => save(carl, { name: `race ${i}`, query: 'q=race' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => /delete one first/.test(r.json.error.message))).toBe(
      true,
    );
    expect(await db.savedSearch.count({ where: { userId: carl.id } })).toBe(MAX_SAVED_SEARCHES);
  });
});
