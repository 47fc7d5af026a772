import { beforeAll, describe, expect, it } from 'vitest';
import type { W3cAnnotation } from '@/lib/export';
import { w3cCollection } from '@/lib/server/annotations/annotation-export';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';
import { hypothesisApiAnnotation, hypothesisJsonLd } from '../../unit/export/hypothesis-samples';

const PARAGRAPHS = [
  'An introduction that says nothing in particular about the matter.',
  'Reward functions for brain-like AGI need not encode complex human values.',
  'So the learned values are what matter, and they are not the same thing.',
  'Values again: the learned values are what matter to us.',
];

let slug: string;
let importer: { id: string; name: string };

beforeAll(async () => {
  slug = (await insertThread(PARAGRAPHS, 'foreign-thread')).thread.slug;
  importer = await insertUser({ name: 'Importer' });
});

const row = (id: string, overrides: Record<string, unknown>) => ({ ...hypothesisApiAnnotation(), id, ...overrides });
const quoteTarget = (exact: string, prefix = '', suffix = '', position?: { start: number; end: number }) => [
  {
    source: 'https://www.lesswrong.com/posts/abc/brain-like-agi',
    selector: [
      ...(position ? [{ type: 'TextPositionSelector', ...position }] : []),
      { type: 'TextQuoteSelector', exact, prefix, suffix },
    ],
  },
];
const importAs = (body: unknown, query: Record<string, string> = { thread: slug }) =>
  call('/api/annotations/import', { method: 'POST', user: importer, query, body });

/** Where thread text (passages one per line) puts `exact` the nth time, in code points. */
function threadOffset(exact: string, nth: number) {
  const text = PARAGRAPHS.join('\n');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(exact, at + 1);
  return { start: at, end: at + exact.length };
}

describe('a Hypothesis search response imported onto a thread', () => {
  const response = () => ({
    total: 6,
    rows: [
      row('a1', { links: { html: 'https://hypothes.is/a/a1' } }),
      row('a2', {
        user: 'acct:bob@hypothes.is',
        user_info: { display_name: null },
        tags: ['axis:outer', 'label:crux'],
        text: 'Typo in the quote, found all the same.',
        target: quoteTarget('Reward functoins for brain-like AGI', '', ' need'),
        links: { html: 'https://hypothes.is/a/a2' },
      }),
      row('a3', {
        tags: [],
        target: quoteTarget('a sentence this thread never had in it at all'),
        links: { html: 'https://hypothes.is/a/a3' },
      }),
      row('a4', { tags: [], target: [{ source: 'https://www.lesswrong.com/posts/abc/brain-like-agi' }], links: {} }),
      row('a5', {
        user: 'acct:carol@hypothes.is',
        user_info: { display_name: null },
        tags: ['axis:inner'],
        // "the learned values are what matter" stands twice; the offsets (which fit this thread's text) pick the second.
        target: quoteTarget(
          'the learned values are what matter',
          '',
          '',
          threadOffset('the learned values are what matter', 1),
        ),
        links: { html: 'https://hypothes.is/a/a5' },
      }),
    ],
    replies: [
      {
        ...row('r1', { references: ['a1'], tags: [] }),
        target: [{ source: 'https://www.lesswrong.com/posts/abc/brain-like-agi' }],
      },
    ],
  });

  it('anchors by quote, keeps what finds no place as orphans, and reports every annotation', async () => {
    const answer = await importAs(response());
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json.import).toMatchObject({
      format: 'hypothesis',
      annotations: 6,
      created: 4,
      alreadyPresent: 0,
      orphans: [
        { annotation: 'a3', path: '$.rows[2]', thread: slug, reason: 'quote-not-found', kept: true },
        { annotation: 'a4', path: '$.rows[3]', thread: slug, exact: '', reason: 'no-quote', kept: false },
        { annotation: 'r1', path: '$.replies[0]', thread: slug, exact: '', reason: 'reply', kept: false },
      ],
    });
    expect(answer.json.import.externalAuthors.map((a: { name: string }) => a.name).sort()).toEqual([
      'Alice Liddell · hypothes.is',
      'bob · hypothes.is',
      'carol · hypothes.is',
    ]);
    const tags = await db.tag.findMany({
      where: { claim: { threadId: (await db.thread.findUniqueOrThrow({ where: { slug } })).id } },
      select: {
        axis: true,
        confidence: true,
        crux: true,
        concreteStoryNeeded: true,
        labels: true,
        note: true,
        createdAt: true,
        canonicalIri: true,
        user: { select: { name: true, externalIri: true } },
        claim: { select: { exact: true, orphan: true, passage: { select: { ordinal: true } }, start: true } },
      },
      orderBy: { canonicalIri: 'asc' },
    });
    expect(tags).toEqual([
      {
        axis: 'inner',
        confidence: 80,
        crux: true,
        concreteStoryNeeded: true,
        labels: ['reward', 'crux'],
        note: 'Values are *learned*, not encoded.',
        createdAt: new Date('2017-12-07T14:34:41.949Z'),
        canonicalIri: 'https://hypothes.is/a/a1',
        user: { name: 'Alice Liddell · hypothes.is', externalIri: 'acct:alice@hypothes.is' },
        claim: { exact: 'complex human values', orphan: false, passage: { ordinal: 1 }, start: 52 },
      },
      expect.objectContaining({
        axis: 'outer',
        labels: ['crux'],
        crux: false,
        canonicalIri: 'https://hypothes.is/a/a2',
        claim: { exact: 'Reward functions for brain-like AGI', orphan: false, passage: { ordinal: 1 }, start: 0 },
      }),
      expect.objectContaining({
        canonicalIri: 'https://hypothes.is/a/a3',
        claim: expect.objectContaining({ exact: 'a sentence this thread never had in it at all', orphan: true }),
      }),
      expect.objectContaining({
        canonicalIri: 'https://hypothes.is/a/a5',
        claim: expect.objectContaining({ exact: 'the learned values are what matter', passage: { ordinal: 3 } }),
      }),
    ]);
  });

  it('changes nothing the second time', async () => {
    const answer = await importAs(response());
    expect(answer.status).toBe(200);
    expect(answer.json.import).toMatchObject({ created: 0, alreadyPresent: 4 });
  });

  it('needs a thread to anchor on when the annotations are of another page', async () => {
    const before = await db.tag.count();
    const withoutThread = await importAs(response(), {});
    expect(withoutThread.status).toBe(422);
    expect(withoutThread.json.error.field).toBe('$.rows[0].target[0].source');
    expect(withoutThread.json.error.message).toMatch(/name the thread to anchor it on with \?thread=SLUG/);
    expect((await importAs(response(), { thread: 'no-such-thread' })).status).toBe(404);
    expect((await importAs(response(), { thread: 'Not A Slug' })).status).toBe(400);
    expect(await db.tag.count()).toBe(before);
  });

  it("reads Hypothesis's JSON-LD too", async () => {
    const document = { ...hypothesisJsonLd(), id: 'https://hypothes.is/a/jsonld-1', creator: 'acct:dora@hypothes.is' };
    const answer = await importAs(document);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json.import).toMatchObject({ format: 'w3c', created: 1, orphans: [] });
    const tag = await db.tag.findUniqueOrThrow({
      where: { canonicalIri: 'https://hypothes.is/a/jsonld-1' },
      select: { axis: true, confidence: true, labels: true, user: { select: { name: true } } },
    });
    expect(tag).toEqual({ axis: 'outer', confidence: 35, labels: ['reward'], user: { name: 'dora · hypothes.is' } });
  });
});

describe('round trips', () => {
  let roundSlug: string;
  let ann: { id: string; name: string };
  let bo: { id: string; name: string };
  beforeAll(async () => {
    const { thread, passages } = await insertThread(PARAGRAPHS, 'round-trip-thread');
    roundSlug = thread.slug;
    [ann, bo] = await Promise.all([insertUser({ name: 'Ann' }), insertUser({ name: 'Bo' })]);
    await tagPassage(roundSlug, passages[1], ann, {
      axis: 'inner',
      confidence: 85,
      crux: true,
      concreteStoryNeeded: true,
      labels: ['crux', 'reward'],
      note: 'Needs a **mechanism**.',
    });
    await tagPassage(roundSlug, passages[2], ann, { axis: 'outer' });
    await tagPassage(roundSlug, passages[2], bo, { axis: 'both', confidence: 40 });
  });
  const exportAs = async (format: string, query: Record<string, string> = {}) =>
    (await call('/api/threads/{slug}/cruxes', { params: { slug: roundSlug }, query: { format, ...query } })).text;
  const wipe = async () => {
    const thread = await db.thread.findUniqueOrThrow({ where: { slug: roundSlug } });
    await db.claim.deleteMany({ where: { threadId: thread.id } });
  };

  it("ours → Hypothesis → ours keeps a reader's tags, ids and times", async () => {
    const before = await exportAs('hypothesis', { taggers: ann.id });
    const w3cBefore = JSON.parse(await exportAs('w3c', { taggers: ann.id }));
    await wipe();
    const answer = await call('/api/annotations/import', { method: 'POST', user: ann, body: JSON.parse(before) });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json.import).toMatchObject({ format: 'hypothesis', created: 2, orphans: [] });
    expect(JSON.parse(await exportAs('hypothesis', { taggers: ann.id }))).toEqual(JSON.parse(before));
    // The claims came back on the same spans (their ids are new: Hypothesis does not carry them).
    const w3cAfter = JSON.parse(await exportAs('w3c', { taggers: ann.id }));
    const spans = (doc: { first: { items: { target: { source: string; selector: unknown } }[] } }) =>
      doc.first.items.map((a) => [a.target.source, a.target.selector]);
    expect(spans(w3cAfter)).toEqual(spans(w3cBefore));
  });

  it("W3C → W3C from another site: the annotations come in as external authors', every field kept", async () => {
    const passages = await db.passage.findMany({
      where: { revision: { currentOf: { slug: roundSlug } } },
      orderBy: { ordinal: 'asc' },
    });
    await tagPassage(roundSlug, passages[2], bo, { axis: 'both', confidence: 40 });
    const elsewhere = await w3cCollection({ thread: roundSlug }, 'https://other-crux.example');
    await wipe();
    // On this site, the other site's readers are nobody: their ids must not be local accounts.
    await db.user.deleteMany({ where: { id: { in: [ann.id, bo.id] } } });
    const answer = await call('/api/annotations/import', {
      method: 'POST',
      user: importer,
      query: { thread: roundSlug },
      body: elsewhere,
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json.import).toMatchObject({ created: 3, orphans: [] });
    const here = JSON.parse(await exportAs('w3c'));
    const comparable = (annotation: W3cAnnotation) => ({
      creator: annotation.creator,
      created: annotation.created,
      modified: annotation.modified,
      body: annotation.body,
      selector: annotation.target.selector,
    });
    expect(here.first.items.map(comparable)).toEqual((elsewhere.first.items as W3cAnnotation[]).map(comparable));
    expect(here.first.items.map((a: { canonical: string }) => a.canonical)).toEqual(
      elsewhere.first.items.map((a) => a.id),
    );
    expect(here.first.items.every((a: { id: string }) => a.id.startsWith('http://localhost:3000/annotations/'))).toBe(
      true,
    );
  });
});
