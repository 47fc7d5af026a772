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
    expect(summary.schemaVersion).toBe(2);
    expect(summary.cruxes[0].claim.exact).toBe(PARAGRAPHS[0]);
    expect(summary.consensus[0].claim.exact).toBe(PARAGRAPHS[1]);
    expect(summary.grid.taggers.map((t) => t.userName).sort()).toEqual(['Ann', 'Bo', 'Cat']); // the cruxes' taggers
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

describe('the W3C and Hypothesis exports honour thread, taggers and minTaggers', () => {
  const creators = (doc: { first: { items: { creator: { id: string } }[] } }) =>
    new Set(doc.first.items.map((a) => a.creator.id.split('/').pop()));
  it('every tag by default; a tagger group keeps only their tags; minTaggers drops thinner claims', async () => {
    const [ann, bo] = users;
    expect(JSON.parse((await get('w3c')).text).total).toBe(7);
    const group = JSON.parse((await get('w3c', { taggers: `${ann.id},${bo.id}` })).text);
    expect(group.total).toBe(4);
    expect(creators(group)).toEqual(new Set([ann.id, bo.id]));
    expect(group.id).toBe(`http://localhost:3000/annotations?thread=${slug}&taggers=${ann.id}%2C${bo.id}`);
    const three = JSON.parse((await get('w3c', { minTaggers: '3' })).text);
    expect(three.total).toBe(6);
    const hypothesis = JSON.parse((await get('hypothesis', { taggers: ann.id })).text);
    expect(hypothesis.rows).toHaveLength(2);
    expect(new Set(hypothesis.rows.map((r: { user: string }) => r.user))).toEqual(
      new Set([`acct:${ann.id}@localhost:3000`]),
    );
    const all = await call(allCruxes, { query: { format: 'hypothesis', thread: slug, minTaggers: '3' } });
    expect(all.headers.get('content-type')).toContain('application/json');
    expect(all.headers.get('content-disposition')).toContain('.hypothesis.json');
    expect(all.json.total).toBe(6);
  });
});

describe('W3C import', () => {
  it("round-trips a reader's own annotations: export, delete, import as that reader, export again gives the same document", async () => {
    const [ann] = users;
    const own = (await get('w3c', { taggers: ann.id })).text;
    await db.tagRevision.deleteMany();
    await db.tag.deleteMany();
    await db.claim.deleteMany();
    const response = await call(importRoute, {
      method: 'POST',
      user: ann,
      rawBody: own,
      headers: { 'content-type': 'application/ld+json' },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json.import).toMatchObject({
      format: 'w3c',
      annotations: 2,
      created: 2,
      orphans: [],
      externalAuthors: [],
    });
    // Open readers are told to reload the thread's claims: one event for the whole import.
    const events = await db.threadEvent.findMany({
      where: { type: 'import' },
      select: { payload: true, thread: { select: { slug: true } } },
    });
    expect(events).toEqual([{ payload: { created: 2 }, thread: { slug } }]);
    const again = (await get('w3c', { taggers: ann.id })).text;
    const strip = (text: string) => {
      const doc = JSON.parse(text);
      delete doc.generated;
      return doc;
    };
    expect(strip(again)).toEqual(strip(own));
    // A second import changes nothing.
    const twice = await call(importRoute, {
      method: 'POST',
      user: ann,
      rawBody: own,
      headers: { 'content-type': 'application/json' },
    });
    expect(twice.status).toBe(200);
    expect(twice.json.import).toMatchObject({ created: 0, alreadyPresent: 2 });
    expect(await db.threadEvent.count({ where: { type: 'import' } })).toBe(1);
  });

  it('refuses bad documents with 422 and the path of the first problem, writing nothing', async () => {
    const importer = await insertUser({ name: 'Importer 2' });
    const before = await db.tag.count();
    const annotation = (overrides: Record<string, unknown>) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://x.example/annotations/1',
      type: 'Annotation',
      body: [],
      target: {
        source: `http://localhost:3000/threads/${slug}/passages/0`,
        selector: { type: 'TextQuoteSelector', exact: 'Reward' },
      },
      ...overrides,
    });
    const cases: [unknown, string][] = [
      [{ hello: 'world' }, '$["@context"]'],
      [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          first: { type: 'AnnotationPage', items: [annotation({}), annotation({ created: 'yesterday' })] },
        },
        '$.first.items[1].created',
      ],
      [annotation({ modified: ['2025-03-01T10:00:00Z'] }), '$.modified'],
      [
        annotation({
          target: {
            source: 'http://localhost:3000/threads/not-here/passages/0',
            selector: { type: 'TextQuoteSelector', exact: 'x' },
          },
        }),
        '$.target.source',
      ],
      [
        annotation({
          target: { source: 'https://elsewhere.example/post', selector: { type: 'TextQuoteSelector', exact: 'x' } },
        }),
        '$.target.source',
      ],
    ];
    for (const [document, path] of cases) {
      const response = await call(importRoute, { method: 'POST', user: importer, body: document });
      expect(response.status, JSON.stringify(response.json)).toBe(422);
      expect(response.json.error.field).toBe(path);
      expect(response.json.error.message.startsWith(`${path}: `)).toBe(true);
    }
    expect(await db.tag.count()).toBe(before);
  });
});
