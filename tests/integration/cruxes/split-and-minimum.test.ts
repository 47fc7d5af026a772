import { beforeAll, describe, expect, it } from 'vitest';
import { cruxSummarySchema } from '@/lib/export';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

const threadCruxes = '/api/threads/{slug}/cruxes';

const PARAGRAPHS = [
  'Deceptive alignment is the default outcome of training a capable model.',
  'Interpretability will not scale to frontier models in time.',
  'Scalable oversight is mostly an engineering problem.',
];

let slug: string;

beforeAll(async () => {
  const { thread, passages } = await insertThread(PARAGRAPHS, 'split-thread');
  slug = thread.slug;
  const [ann, bo, cat] = await Promise.all(['Ann', 'Bo', 'Cat'].map((name) => insertUser({ name })));
  // Torn over which problem it is: outer, inner, and a crux mark.
  await tagPassage(slug, passages[0], ann, { axis: 'outer', confidence: 20, crux: true });
  await tagPassage(slug, passages[0], bo, { axis: 'inner', confidence: 80 });
  // Two readers at opposite ends, on one axis.
  await tagPassage(slug, passages[1], ann, { axis: 'inner', confidence: 5 });
  await tagPassage(slug, passages[1], cat, { axis: 'inner', confidence: 95 });
  // One reader alone: no one to disagree with.
  await tagPassage(slug, passages[2], cat, { axis: 'outer', confidence: 10, crux: true });
});

const get = (format: string, query: Record<string, string> = {}) =>
  call(threadCruxes, { params: { slug }, query: { format, ...query } });

describe('crux summary: two taggers make a crux, outer against inner is a split', () => {
  it('counts claims with two taggers by default and leaves out a lone tagger’s', async () => {
    const summary = cruxSummarySchema.parse((await get('json')).json);
    expect(summary.schemaVersion).toBe(2);
    expect(summary.filters.minTaggers).toBe(2);
    const listed = (s: typeof summary) => [...s.cruxes, ...s.consensus].map((entry) => entry.claim.exact);
    const exacts = listed(summary);
    expect(exacts).toEqual(expect.arrayContaining([PARAGRAPHS[0], PARAGRAPHS[1]]));
    expect(exacts).not.toContain(PARAGRAPHS[2]);
    const lone = cruxSummarySchema.parse((await get('json', { minTaggers: '1' })).json);
    expect(listed(lone)).toContain(PARAGRAPHS[2]);
  });

  it('files the outer-against-inner claim under split in JSON, CSV and Markdown, never under both', async () => {
    const summary = cruxSummarySchema.parse((await get('json')).json);
    const axisOf = (text: string) => summary.cruxes.find((entry) => entry.claim.exact === text)?.axis;
    expect(axisOf(PARAGRAPHS[0])).toBe('split');
    expect(axisOf(PARAGRAPHS[1])).toBe('inner');
    expect(summary.cruxes.some((entry) => entry.axis === 'both')).toBe(false);

    const csv = (await get('csv')).text.split('\r\n');
    const axisColumn = csv[0].split(',').indexOf('axis');
    const row = csv.find((line) => line.includes('Deceptive alignment'));
    expect(row?.split(',')[axisColumn]).toBe('split');

    const markdown = (await get('md')).text;
    expect(markdown).toContain('## Split between outer and inner');
    expect(markdown).not.toContain('## Both outer and inner');
  });
});
