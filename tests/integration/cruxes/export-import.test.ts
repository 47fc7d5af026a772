import { beforeAll, describe, expect, it } from 'vitest';
import { cruxSummarySchema } from '@/lib/export';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

const importRoute = '/api/annotations/import';
const allCruxes = '/api/cruxes';
const threadCruxes = '/api/threads/{slug}/cruxes';

const PARAGRAPHS = [
  'Reward functions for brain-like AGI need not encode complex human values. 🧠',
  'RLHF-like solutions are doomed for the reasons in §2.4.1.',
  'Evaluation is easier than generation, which gives the classifier an edge.',
];

let slug: string;
let users: { id: string; name: string }[];

beforeAll(async () => {
  const { thread, passages } = await insertThread(PARAGRAPHS, 'crux-thread');
  slug = thread.slug;
  users = await Promise.all(['Ann', 'Bo', 'Cat', 'Dev'].map((name) => insertUser({ name })));
  const [ann, bo, cat, dev] = users;
  await tagPassage(slug, passages[0], ann, {
    axis: 'outer',
    confidence: 10,
    note: 'The *brain* reward function is not simple.',
    crux: true,
  });
  await tagPassage(slug, passages[0], bo, { axis: 'outer', confidence: 90, labels: ['reward'] });
  await tagPassage(slug, passages[0], cat, { axis: 'inner', confidence: 85, concreteStoryNeeded: true });
  await tagPassage(slug, passages[1], ann, { axis: 'outer', confidence: 80 });
  await tagPassage(slug, passages[1], bo, { axis: 'outer', confidence: 85 });
  await tagPassage(slug, passages[1], dev, { axis: 'outer', confidence: 90 });
  await tagPassage(slug, passages[2], cat, { axis: 'other', confidence: 50, note: '=HYPERLINK("http://evil")' });
});

const get = (format: string, query: Record<string, string> = {}) =>
  call(threadCruxes, { params: { slug }, query: { format, ...query } });

describe('crux exports', () => {
  it('JSON follows the versioned schema and ranks the split claim first, the agreed one as consensus', async () => {
    const response = await get('json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const summary = cruxSummarySchema.parse(response.json);
    expect(summary.schemaVersion).toBe(1);
    expect(summary.cruxes[0].claim.exact).toBe(PARAGRAPHS[0]);
    expect(summary.consensus[0].claim.exact).toBe(PARAGRAPHS[1]);
    expect(summary.grid.taggers.length).toBeGreaterThan(0);
  });

  it('Markdown reads on its own: title, method, cruxes by axis, consensus', async () => {
    const response = await get('md');
    expect(response.headers.get('content-type')).toContain('text/markdown');
    expect(response.text).toMatch(/^# /m);
    expect(response.text).toContain('brain-like AGI');
    expect(response.text).toMatch(/consensus|agree/i);
  });

  it('CSV quotes per RFC 4180 and neutralises formulas', async () => {
    const response = await get('csv', { minTaggers: '1' });
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.text).toContain('\r\n');
    expect(response.text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('W3C JSON-LD carries the required fields with code-point offsets', async () => {
    const response = await get('w3c');
    const doc = JSON.parse(response.text);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(7);
    const first = doc.first.items.find((a: { target: { selector: { type: string; exact?: string }[] } }) =>
      a.target.selector.some((s) => s.exact === PARAGRAPHS[0]),
    );
    const position = first.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    expect(position).toEqual({ type: 'TextPositionSelector', start: 0, end: Array.from(PARAGRAPHS[0]).length });
  });

  it('works across threads and redirects format=html to the page; bad format is a 400', async () => {
    const all = await call(allCruxes, { query: { format: 'json' } });
    expect(all.status).toBe(200);
    const html = await get('html');
    expect(html.status).toBe(303);
    expect(html.headers.get('location')).toContain(`/threads/${slug}/cruxes`);
    expect((await get('pdf')).status).toBe(400);
    expect((await call(threadCruxes, { params: { slug: 'nope' }, query: { format: 'json' } })).status).toBe(404);
  });
});

describe('W3C import', () => {
  it('round-trips: export, import into a database without annotations, export again gives the same document', async () => {
    const exported = (await get('w3c')).text;
    await db.tagRevision.deleteMany();
    await db.tag.deleteMany();
    await db.claim.deleteMany();
    await db.user.deleteMany();
    const importer = await insertUser({ name: 'Importer' });
    const response = await call(importRoute, {
      method: 'POST',
      user: importer,
      rawBody: exported,
      headers: { 'content-type': 'application/ld+json' },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json.import).toMatchObject({ annotations: 7, created: 7, orphans: [] });
    // Open readers are told to reload the thread's claims: one event for the whole import.
    const events = await db.threadEvent.findMany({
      where: { type: 'import' },
      select: { payload: true, thread: { select: { slug: true } } },
    });
    expect(events).toEqual([{ payload: { created: 7 }, thread: { slug } }]);
    const again = (await get('w3c')).text;
    const strip = (text: string) => {
      const doc = JSON.parse(text);
      delete doc.generated;
      return doc;
    };
    expect(strip(again)).toEqual(strip(exported));
    // A second import changes nothing.
    const twice = await call(importRoute, {
      method: 'POST',
      user: importer,
      rawBody: exported,
      headers: { 'content-type': 'application/json' },
    });
    expect(twice.json.import).toMatchObject({ created: 0, alreadyPresent: 7 });
    expect(await db.threadEvent.count({ where: { type: 'import' } })).toBe(1);
  });

  it('refuses bad documents with 422 and the path of the first problem, writing nothing', async () => {
    const importer = await insertUser({ name: 'Importer 2' });
    const before = await db.tag.count();
    const cases: [unknown, RegExp][] = [
      [{ hello: 'world' }, /@context|\$/],
      [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          first: {
            type: 'AnnotationPage',
            items: [
              {
                type: 'Annotation',
                target: {
                  source: 'http://x/threads/crux-thread/passages/0',
                  selector: { type: 'TextPositionSelector', start: 0, end: 3 },
                },
              },
            ],
          },
        },
        /items\[0\]/,
      ],
      [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'http://x/annotations/1',
          type: 'Annotation',
          motivation: 'tagging',
          body: [],
          target: {
            source: 'http://x/threads/not-here/passages/0',
            selector: { type: 'TextQuoteSelector', exact: 'Reward' },
          },
        },
        /not-here|source/,
      ],
    ];
    for (const [document, pattern] of cases) {
      const response = await call(importRoute, { method: 'POST', user: importer, body: document });
      expect(response.status, JSON.stringify(response.json)).toBe(422);
      expect(response.json.error.message).toMatch(pattern);
    }
    expect(await db.tag.count()).toBe(before);
  });
});
