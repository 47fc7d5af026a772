import { describe, expect, it } from 'vitest';
import { parseAnnotations } from '@/lib/export';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const annotation = (overrides: Record<string, unknown> = {}) => ({
  id: 'https://other.example/annotations/1',
  type: 'Annotation',
  created: '2025-03-01T10:00:00Z',
  body: [{ type: 'TextualBody', purpose: 'tagging', value: 'axis:inner' }],
  target: {
    source: 'https://other.example/post',
    selector: [{ type: 'TextQuoteSelector', exact: 'the hard part' }],
  },
  ...overrides,
});

/** The same annotation alone, on a page, and in a collection — and where it then stands. */
const wrappings: [string, (item: unknown) => unknown, string][] = [
  ['a single Annotation', (item) => ({ '@context': CONTEXT, ...(item as object) }), '$'],
  [
    'an AnnotationPage',
    (item) => ({ '@context': CONTEXT, type: 'AnnotationPage', items: [annotation(), item] }),
    '$.items[1]',
  ],
  [
    'an AnnotationCollection',
    (item) => ({
      '@context': CONTEXT,
      type: 'AnnotationCollection',
      total: 2,
      first: { type: 'AnnotationPage', items: [annotation(), item] },
    }),
    '$.first.items[1]',
  ],
];

const problemsOf = (document: unknown) => {
  const parsed = parseAnnotations(document);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
};

const DATE = 'expected a date and time like "2025-03-01T10:00:00Z" (ISO 8601, with a time zone)';

describe.each(wrappings)('a bad value in %s is named at its JSON path', (_name, wrap, at) => {
  it.each([
    ['created "yesterday"', { created: 'yesterday' }, `${at}.created: ${DATE}`],
    ['modified without a time zone', { modified: '2025-03-01T10:00:00' }, `${at}.modified: ${DATE}`],
    ['a date that does not exist', { created: '2025-02-30T10:00:00Z' }, `${at}.created: ${DATE}`],
    ['created as a number', { created: 1740823200 }, `${at}.created: expected string, not the number 1740823200`],
    ['two ids', { id: ['urn:a', 'urn:b'] }, `${at}.id: expected one value, not a list`],
    [
      'two creators',
      { creator: ['acct:a@x.example', 'acct:b@x.example'] },
      `${at}.creator: 2 creators; a tag has one author`,
    ],
    ['a creator without an IRI', { creator: { name: 'Ann' } }, `${at}.creator.id: required`],
    ['a creator that is a number', { creator: 7 }, `${at}.creator: expected an IRI or an agent {id, name}`],
    [
      'two targets',
      { target: [{ source: 'https://a.example' }, { source: 'https://b.example' }] },
      `${at}.target: 2 targets; a tag is on one claim`,
    ],
    ['a target that is a number', { target: 3 }, `${at}.target: expected the target: an IRI or {source, selector}`],
    [
      'a list of sources',
      { target: { source: ['https://a.example'] } },
      `${at}.target.source: expected one value, not a list`,
    ],
    [
      'an exact that is a list',
      { target: { source: 'https://a.example', selector: { type: 'TextQuoteSelector', exact: ['a', 'b'] } } },
      `${at}.target.selector.exact: expected one value, not a list`,
    ],
    [
      'a body value that is a number',
      { body: [{ type: 'TextualBody', purpose: 'assessing', value: 0.8 }] },
      `${at}.body[0].value: expected string, not the number 0.8`,
    ],
    [
      'a confidence that is not a whole percentage',
      { body: { type: 'TextualBody', purpose: 'assessing', value: '0.575' } },
      `${at}.body.value: 57.5 % is not a whole percentage (Crux Reader keeps whole percentages)`,
    ],
    [
      'a label too long',
      { body: { type: 'TextualBody', purpose: 'tagging', value: 'x'.repeat(41) } },
      `${at}.body.value: a label is at most 40 characters`,
    ],
    ['not an Annotation', { type: 'Note' }, `${at}.type: expected "Annotation"`],
  ])('%s', (_case, overrides, expected) => {
    const document = wrap(annotation(overrides));
    const problems = problemsOf(document);
    // A single annotation that is not one makes the document something else altogether.
    if (at === '$' && 'type' in overrides)
      expect(problems).toEqual(['$.type: expected AnnotationCollection, AnnotationPage or Annotation']);
    else expect(problems).toEqual([expected]);
  });

  it('is accepted when nothing is wrong, type and purpose lists included', () => {
    expect(problemsOf(wrap(annotation({ type: ['Annotation'], created: '2017-12-07T14:34:41.949708+00:00' })))).toEqual(
      [],
    );
  });
});

it('refuses pages and collections of the wrong shape at their own paths', () => {
  expect(problemsOf({ '@context': CONTEXT, type: 'AnnotationPage', items: 'none' })).toEqual([
    '$.items: expected array, not the string "none"',
  ]);
  expect(problemsOf({ '@context': CONTEXT, type: 'AnnotationCollection', first: 'https://x.example/page/0' })).toEqual([
    '$.first: expected object, not the string "https://x.example/page/0"',
  ]);
  expect(problemsOf({ '@context': CONTEXT, type: 'AnnotationPage', items: [7] })).toEqual([
    '$.items[0]: expected an Annotation object',
  ]);
});
