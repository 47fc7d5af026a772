import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codePointLength, describeSpan } from '@/lib/anchoring';
import { claimsFromAnnotations, parseAnnotations, toHypothesis } from '@/lib/export';
import { makeClaim } from '../cruxes/make-claims';
import { hypothesisApiAnnotation, hypothesisJsonLd } from './hypothesis-samples';

const origin = 'https://crux.example.org';
const ANN = '0190c5a2-0000-7000-8000-00000000000a';
const BOB = '0190c5a2-0000-7000-8000-00000000000b';
const passage = 'Reward functions for brain-like AGI need not encode complex human values.';
const selector = describeSpan(passage, 0, codePointLength('Reward functions for brain-like AGI'));
const [zed] = makeClaim('z', [{ user: 'zed', axis: 'outer', labels: ['mesa'] }]).tags;
const claim = makeClaim(
  '0190c5a2-0000-7000-8000-000000000001',
  [
    {
      user: ANN,
      confidence: 85,
      axis: 'inner',
      crux: true,
      story: true,
      labels: ['crux', 'deception', 'label:odd'],
      note: 'Needs a **mechanism**.',
    },
    { user: BOB, axis: 'outer' },
  ],
  { ...selector, threadSlug: 'brain-like-agi', threadTitle: 'Brain-like AGI', passageOrdinal: 6 },
);
claim.tags = claim.tags.map((tag, i) => ({ ...tag, id: `0190c5a2-0000-7000-8000-00000000001${i}` }));
const claims = [claim];
claims[0].tags.push(
  { ...zed, id: '0190c5a2-0000-7000-8000-000000000020', externalIri: 'acct:zed@hypothes.is', externalName: 'Zed' },
  {
    ...zed,
    id: '0190c5a2-0000-7000-8000-000000000021',
    userId: 'u-42',
    externalIri: 'https://other.example/users/42',
    externalName: 'Forty-Two',
  },
);
const exported = toHypothesis(claims, origin);

/** The fields h's API reference requires of an annotation (h/static/api-reference/schemas/annotation-schema.yaml). */
const hypothesisApiShape = z.object({
  id: z.string(),
  created: z.iso.datetime(),
  updated: z.iso.datetime(),
  user: z.string().regex(/^acct:[^@]+@.+$/),
  uri: z.url(),
  text: z.string(),
  tags: z.array(z.string()),
  group: z.string(),
  permissions: z.object({
    read: z.array(z.string()),
    admin: z.array(z.string()),
    update: z.array(z.string()),
    delete: z.array(z.string()),
  }),
  target: z.array(z.object({ source: z.url(), selector: z.array(z.object({ type: z.string() })) })),
  document: z.object({ title: z.array(z.string()) }),
  links: z.object({ html: z.url(), incontext: z.url() }),
  hidden: z.boolean(),
  flagged: z.boolean(),
  user_info: z.object({ display_name: z.string() }),
});

describe('toHypothesis', () => {
  it("answers a search response whose rows have every field of Hypothesis's API annotation", () => {
    expect(exported.total).toBe(4);
    for (const row of exported.rows) expect(hypothesisApiShape.safeParse(row).error).toBeUndefined();
  });

  it("puts the tag's fields in tags, the note in text, the quote and paragraph in selectors", () => {
    expect(exported.rows[0]).toMatchObject({
      id: '0190c5a2-0000-7000-8000-000000000010',
      user: `acct:${ANN}@crux.example.org`,
      user_info: { display_name: `Reader ${ANN}` },
      uri: `${origin}/threads/brain-like-agi`,
      text: 'Needs a **mechanism**.',
      tags: [
        'axis:inner',
        'crux',
        'concrete-story-needed',
        'label:crux',
        'deception',
        'label:label:odd',
        'confidence:85',
      ],
      target: [
        {
          source: `${origin}/threads/brain-like-agi`,
          selector: [
            { type: 'TextQuoteSelector', exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix },
            { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3236', value: 'p-7' },
          ],
        },
      ],
      document: { title: ['Brain-like AGI'] },
      links: {
        html: `${origin}/annotations/0190c5a2-0000-7000-8000-000000000010`,
        incontext: `${origin}/threads/brain-like-agi?claim=0190c5a2-0000-7000-8000-000000000001#p-7`,
      },
    });
  });

  it("keeps an external author's IRI: an acct: IRI as the user, any other beside an acct: user", () => {
    expect(exported.rows[2]).toMatchObject({ user: 'acct:zed@hypothes.is', user_info: { display_name: 'Zed' } });
    expect(exported.rows[2]).not.toHaveProperty('creator');
    expect(exported.rows[3]).toMatchObject({
      user: 'acct:42@other.example',
      creator: 'https://other.example/users/42',
      user_info: { display_name: 'Forty-Two' },
    });
  });
});

describe('reading Hypothesis JSON', () => {
  it('round-trips: ours → Hypothesis → ours keeps every field the shape can carry', () => {
    const parsed = parseAnnotations(JSON.stringify(exported));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.format).toBe('hypothesis');
    const [read] = claimsFromAnnotations(parsed.annotations, origin);
    expect(read).toMatchObject({
      threadSlug: 'brain-like-agi',
      passageOrdinal: 6,
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
    });
    const fields = ({
      id,
      userId,
      axis,
      confidence,
      concreteStoryNeeded,
      crux,
      labels,
      note,
      createdAt,
      updatedAt,
    }: (typeof read.tags)[number]) => ({
      id,
      userId,
      axis,
      confidence,
      concreteStoryNeeded,
      crux,
      labels,
      note,
      createdAt,
      updatedAt,
    });
    expect(read.tags.slice(0, 2).map(fields)).toEqual(claim.tags.slice(0, 2).map(fields));
    expect(read.tags.slice(2).map((t) => [t.externalIri, t.externalName])).toEqual([
      ['acct:zed@hypothes.is', 'Zed'],
      ['https://other.example/users/42', 'Forty-Two'],
    ]);
  });

  it("reads one annotation of Hypothesis's API: user, uri, text, tags, selectors; RangeSelector skipped", () => {
    const parsed = parseAnnotations(hypothesisApiAnnotation());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.annotations).toEqual([
      {
        path: '$',
        id: 'w02dfNtbEeeShxcmUm1Vzg',
        iri: 'https://hypothes.is/a/w02dfNtbEeeShxcmUm1Vzg',
        target: {
          source: 'https://www.lesswrong.com/posts/abc/brain-like-agi',
          sourcePath: '$.target[0].source',
          id: null,
          quote: { exact: 'complex human values', prefix: 'need not encode ', suffix: '.', start: 12301, end: 12321 },
          fragment: null,
        },
        axis: 'inner',
        confidence: 80,
        concreteStoryNeeded: true,
        crux: true,
        labels: ['reward', 'crux'],
        note: 'Values are *learned*, not encoded.',
        creator: { iri: 'acct:alice@hypothes.is', name: 'Alice Liddell', path: '$.user' },
        created: '2017-12-07T14:34:41.949Z',
        modified: '2017-12-08T09:00:00.000Z',
        replyTo: null,
      },
    ]);
  });

  it('reads a search response {total, rows, replies}: each row at its path, replies as replies', () => {
    const reply = { ...hypothesisApiAnnotation(), id: 'r1', references: ['w02dfNtbEeeShxcmUm1Vzg'], tags: [] };
    reply.target = [{ source: reply.uri }];
    const parsed = parseAnnotations({
      total: 3,
      rows: [hypothesisApiAnnotation(), { ...hypothesisApiAnnotation(), id: 'b2' }],
      replies: [reply],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.annotations.map((a) => [a.path, a.id, a.replyTo, a.target.quote?.exact ?? null])).toEqual([
      ['$.rows[0]', 'w02dfNtbEeeShxcmUm1Vzg', null, 'complex human values'],
      ['$.rows[1]', 'b2', null, 'complex human values'],
      ['$.replies[0]', 'r1', 'w02dfNtbEeeShxcmUm1Vzg', null],
    ]);
  });

  it("reads Hypothesis's JSON-LD: target and selector lists, type and purpose lists, a Markdown body without purpose", () => {
    const parsed = parseAnnotations(hypothesisJsonLd());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.format).toBe('w3c');
    expect(parsed.annotations[0]).toMatchObject({
      id: 'https://hypothes.is/a/w02dfNtbEeeShxcmUm1Vzg',
      target: {
        source: 'https://www.lesswrong.com/posts/abc/brain-like-agi',
        quote: { exact: 'complex human values' },
      },
      axis: 'outer',
      confidence: 35,
      labels: ['reward'],
      note: 'Values are *learned*, not encoded.',
      creator: { iri: 'acct:alice@hypothes.is', name: null, path: '$.creator' },
    });
  });

  it('refuses bad rows with the path of the problem', () => {
    const problems = (document: unknown) => {
      const parsed = parseAnnotations(document);
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
    };
    const bad = (edit: Record<string, unknown>) => ({
      total: 2,
      rows: [hypothesisApiAnnotation(), { ...hypothesisApiAnnotation(), ...edit }],
    });
    expect(problems(bad({ created: 'yesterday' }))).toEqual([
      '$.rows[1].created: expected a date and time like "2025-03-01T10:00:00Z" (ISO 8601, with a time zone)',
    ]);
    expect(problems(bad({ tags: ['confidence:150'] }))).toEqual([
      '$.rows[1].tags[0]: confidence "150" is not a whole percentage from 0 to 100, like confidence:80',
    ]);
    expect(problems(bad({ tags: 'crux' }))).toEqual(['$.rows[1].tags: expected array, not the string "crux"']);
    expect(problems(bad({ user: ['acct:a@x', 'acct:b@x'] }))).toEqual([
      '$.rows[1].user: expected one value, not a list',
    ]);
    expect(problems(bad({ target: [{ source: 'https://a.example' }, { source: 'https://b.example' }] }))).toEqual([
      '$.rows[1].target: one target: a tag is on one claim',
    ]);
  });
});
