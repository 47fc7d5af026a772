import { beforeAll, describe, expect, it } from 'vitest';
import { cruxSummarySchema } from '@/lib/export';
import { cruxPageData } from '@/lib/server/cruxes/crux-page-data';
import { taggersOf } from '@/lib/server/cruxes/double-crux-report';
import { searchOptions } from '@/lib/server/search/search-options';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

const threadCruxes = '/api/threads/{slug}/cruxes';

let slug: string;
let carols: { id: string; name: string }[];
const tail = (id: string) => id.replace(/-/g, '').slice(-4);

beforeAll(async () => {
  const { thread, passages } = await insertThread(
    ['Mesa-optimizers are likely in large models.', 'Gradient hacking is possible in principle.'],
    'names-thread',
  );
  slug = thread.slug;
  carols = await Promise.all([insertUser({ name: 'carol' }), insertUser({ name: 'carol' })]);
  const dan = await insertUser({ name: 'dan' });
  await tagPassage(slug, passages[0], carols[0], { axis: 'inner', confidence: 10, note: 'Not at this scale.' });
  await tagPassage(slug, passages[0], carols[1], { axis: 'inner', confidence: 90 });
  await tagPassage(slug, passages[0], dan, { axis: 'outer', confidence: 50 });
});

const get = (format: string) => call(threadCruxes, { params: { slug }, query: { format } });

describe('two accounts named carol, in every export', () => {
  it('JSON: tags and grid carry "carol · 1a2b", one per account; dan stays dan', async () => {
    const summary = cruxSummarySchema.parse((await get('json')).json);
    const names = summary.cruxes[0].tags.map((tag) => tag.userName).sort();
    expect(names).toEqual([`carol · ${tail(carols[0].id)}`, `carol · ${tail(carols[1].id)}`, 'dan'].sort());
    expect(summary.grid.taggers.map((t) => t.userName)).toContain(`carol · ${tail(carols[1].id)}`);
  });

  it('the double-crux report and its reader choices name both carols apart', async () => {
    const report = await call('/api/cruxes/double', { query: { a: carols[0].id, b: carols[1].id, thread: slug } });
    expect(report.status, report.text).toBe(200);
    expect([report.json.a.name, report.json.b.name]).toEqual(carols.map((carol) => `carol · ${tail(carol.id)}`));
    const choices = await taggersOf(slug, null);
    expect(choices.map((t) => t.name)).toEqual(expect.arrayContaining([`carol · ${tail(carols[0].id)}`, 'dan']));
  });

  it('Markdown names both carols apart', async () => {
    const markdown = (await get('md')).text;
    for (const carol of carols) expect(markdown).toContain(`carol · ${tail(carol.id)}`);
  });

  it('W3C and Hypothesis exports name each annotation’s creator apart', async () => {
    const w3c = (await get('w3c')).json as { first: { items: { creator: { name: string } }[] } };
    const creators = w3c.first.items.map((item) => item.creator.name);
    for (const carol of carols) expect(creators).toContain(`carol · ${tail(carol.id)}`);
    const hypothesis = (await get('hypothesis')).json as { rows: { user_info: { display_name: string } }[] };
    const shown = hypothesis.rows.map((row) => row.user_info.display_name);
    for (const carol of carols) expect(shown).toContain(`carol · ${tail(carol.id)}`);
  });

  it('the crux page’s and the search page’s tagger filters name them apart', async () => {
    const expected = carols.map((carol) => `carol · ${tail(carol.id)}`);
    const page = await cruxPageData({}, slug, 'http://localhost:3000', null);
    expect(page.taggers.map((t) => t.name)).toEqual(expect.arrayContaining([...expected, 'dan']));
    const options = await searchOptions();
    expect(options.taggers.map((t) => t.name)).toEqual(expect.arrayContaining(expected));
  });
});
