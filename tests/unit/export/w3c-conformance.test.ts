import { beforeAll, describe, expect, it } from 'vitest';
import { codePointLength, describeSpan } from '@/lib/anchoring';
import { ANNO_CONTEXT, toW3c, w3cPage } from '@/lib/export';
import { failedAssertions, webAnnotationAssertions } from '../../support/web-annotation-schemas';
import { makeClaim } from '../cruxes/make-claims';
import { NO_HANDLE, NOT_MET } from './w3c-not-met';

const passage = 'Inner alignment 🧠 is the hard part, and outer alignment is not easy either.';
const selector = describeSpan(passage, 0, codePointLength('Inner alignment 🧠 is the hard part'));
const [external] = makeClaim('x', [{ user: 'zed', axis: 'inner', labels: ['mesa'] }]).tags;
const claims = [
  makeClaim(
    '0190c5a2-0000-7000-8000-000000000001',
    [
      { user: 'ann', confidence: 85, axis: 'inner', crux: true, story: true, labels: ['crux'], note: 'A **note**.' },
      { user: 'bob', axis: 'outer' },
    ],
    { ...selector, threadSlug: 'thread-a', passageOrdinal: 3 },
  ),
  makeClaim('0190c5a2-0000-7000-8000-000000000002', [], {
    orphan: true,
    start: -1,
    end: -1,
    tags: [
      {
        ...external,
        externalIri: 'acct:zed@hypothes.is',
        externalName: 'Zed',
        canonicalIri: 'https://hypothes.is/a/AbC123',
      },
    ],
  }),
];
const collection = toW3c(claims, {
  baseUrl: 'https://crux.example.org',
  selection: { thread: 'thread-a' },
  label: 'Claims and tags of “Thread A”',
  generated: '2025-03-04T10:00:00.000Z',
});
/** An annotation as its own IRI answers it: a document of its own, with the context. */
const alone = (index: number) => ({ '@context': ANNO_CONTEXT, ...collection.first.items[index] });
const shouldNotMet = (subject: Parameters<typeof failedAssertions>[1], document: unknown) =>
  failedAssertions(document, subject, ['should']).map((failure) => failure.split(':')[0]);

beforeAll(() => {
  webAnnotationAssertions();
}, 60_000);

describe('the W3C export against the W3C Web Annotation test suite', () => {
  it('meets every MUST of the suite: collection, page, and each annotation', () => {
    expect(failedAssertions(collection, 'collection', ['must'])).toEqual([]);
    expect(failedAssertions(w3cPage(collection), 'page', ['must'])).toEqual([]);
    for (const index of collection.first.items.keys())
      expect(failedAssertions(alone(index), 'annotation', ['must'])).toEqual([]);
  });

  it('meets every SHOULD of collections and pages', () => {
    expect(shouldNotMet('collection', collection)).toEqual([]);
    expect(shouldNotMet('page', w3cPage(collection))).toEqual([]);
  });

  it('meets every SHOULD of annotations but the few written down, with their reasons, in w3c-not-met.ts', () => {
    const local = shouldNotMet('annotation', alone(0));
    expect(local.sort()).toEqual(Object.keys(NOT_MET).sort());
    // An external author's acct: IRI gives them a nickname; readers of this site have none.
    const imported = shouldNotMet('annotation', alone(2));
    expect(imported.sort()).toEqual(
      Object.keys(NOT_MET)
        .filter((file) => NOT_MET[file] !== NO_HANDLE)
        .sort(),
    );
  });

  it('fails a document that breaks a MUST (the suite is really checking)', () => {
    const { id: _, ...withoutId } = alone(0);
    expect(failedAssertions(withoutId, 'annotation', ['must'])).toContainEqual(
      expect.stringMatching(/^annotations\/3\.1-annotationIdValidated\.json/),
    );
    const badDate = { ...alone(0), created: 'yesterday' };
    expect(failedAssertions(badDate, 'annotation', ['must'])).toContainEqual(
      expect.stringMatching(/annotationCreatedValidated/),
    );
  });
});

describe('replies in the W3C export (motivation replying) against the same suite', () => {
  const reply = (id: string, parentId: string | null, body: string) => ({
    id,
    authorId: 'carol',
    authorName: 'Carol',
    parentId,
    body,
    createdAt: '2025-03-04T10:00:00.000Z',
    editedAt: parentId ? null : '2025-03-05T10:00:00.000Z',
  });
  const withReplies = toW3c(
    [
      {
        ...claims[0],
        replies: [
          reply('0190c5a2-0000-7000-8000-0000000000a1', null, 'Why **inner**?'),
          reply('0190c5a2-0000-7000-8000-0000000000a2', '0190c5a2-0000-7000-8000-0000000000a1', 'Because.'),
        ],
      },
    ],
    {
      baseUrl: 'https://crux.example.org',
      selection: { thread: 'thread-a' },
      label: 'Replies',
      generated: '2025-03-04T10:00:00.000Z',
    },
  );
  const replies = withReplies.first.items
    .filter((item) => item.motivation === 'replying')
    .map((item) => ({ '@context': ANNO_CONTEXT, ...item }));

  it('meets every MUST: the collection, and each reply, an answer included', () => {
    expect(replies).toHaveLength(2);
    expect(replies[1]).toHaveProperty('inReplyTo', replies[0].id);
    expect(failedAssertions(withReplies, 'collection', ['must'])).toEqual([]);
    for (const document of replies) expect(failedAssertions(document, 'annotation', ['must'])).toEqual([]);
  });

  it('meets every SHOULD a tag’s annotation meets (its body’s creator and time too), but the TextQuoteSelector’s', () => {
    // A reply's target is the claim's IRI: the quote, with its prefix and suffix, is in the claim's own annotations.
    const QUOTE_ELSEWHERE = [
      'annotations/specificResource/4.2.4-prefix.json',
      'annotations/specificResource/4.2.4-suffix.json',
    ];
    for (const document of replies)
      expect(shouldNotMet('annotation', document).sort()).toEqual([...Object.keys(NOT_MET), ...QUOTE_ELSEWHERE].sort());
  });
});
