import { describe, expect, it } from 'vitest';
import { codePointLength, describeSpan, sliceCodePoints } from '@/lib/anchoring';
import {
  claimsFromAnnotations,
  parseAnnotations,
  toW3c,
  type W3cAnnotation,
  type W3cCollection,
  w3cPage,
} from '@/lib/export';
import { makeClaim } from '../cruxes/make-claims';

const passage = '🤖 Outer alignment 🎯 is necessary; inner alignment 🧠 is the hard part.';
const quote = 'inner alignment 🧠 is the hard part';
const start = codePointLength(passage.slice(0, passage.indexOf(quote)));
const selector = describeSpan(passage, start, start + codePointLength(quote));
const origin = 'https://cr.example.org';

const claims = [
  makeClaim(
    'c1',
    [
      {
        user: 'ann',
        confidence: 85,
        axis: 'inner',
        crux: true,
        story: true,
        labels: ['deception', 'crux'],
        note: 'Needs a **mechanism**.',
      },
      { user: 'bob', confidence: 7, axis: 'outer' },
      { user: 'cy', axis: 'both', labels: ['axis:inner'] },
    ],
    { ...selector, passageOrdinal: 4, threadSlug: 'mesa optimizers' },
  ),
  makeClaim('c2', [{ user: 'ann', confidence: 100, axis: 'other' }], { passageOrdinal: 0 }),
];
const options = {
  baseUrl: origin,
  selection: { thread: 'mesa-optimizers', minTaggers: 1 },
  label: 'Claims',
  generated: '2025-03-04T10:00:00.000Z',
};
const document = toW3c(claims, options);
const ann = { id: `${origin}/users/ann`, type: 'Person', name: 'Reader ann' };
const body = (purpose: string, value: string, format = 'text/plain') => ({
  type: 'TextualBody',
  purpose,
  value,
  format,
  creator: ann,
  created: '2025-03-02T10:00:00.000Z',
});

describe('toW3c', () => {
  it('is an AnnotationCollection named by its selection, its one page embedded as first and named as last', () => {
    const id = `${origin}/annotations?thread=mesa-optimizers&minTaggers=1`;
    expect(document).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'AnnotationCollection',
      label: 'Claims',
      total: 4,
      first: { id: `${id}&page=0`, type: 'AnnotationPage', partOf: id, startIndex: 0 },
      last: `${id}&page=0`,
    });
    expect(document.first.items).toHaveLength(4);
    expect(w3cPage(document)).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${id}&page=0`,
      partOf: { id, type: 'AnnotationCollection', label: 'Claims', total: 4 },
    });
  });

  it('writes one tag as tagging, assessing and commenting bodies, each with its format and author', () => {
    expect(document.first.items[0]).toEqual({
      id: `${origin}/annotations/c1-t0`,
      type: 'Annotation',
      motivation: 'assessing',
      creator: ann,
      generator: {
        id: `${origin}/`,
        type: 'Software',
        name: 'Crux Reader',
        nickname: 'crux-reader',
        homepage: `${origin}/`,
      },
      created: '2025-03-01T10:00:00.000Z',
      modified: '2025-03-02T10:00:00.000Z',
      body: [
        body('tagging', 'axis:inner'),
        body('tagging', 'crux'),
        body('tagging', 'concrete-story-needed'),
        body('tagging', 'label:deception'),
        body('tagging', 'label:crux'),
        body('assessing', '0.85'),
        body('commenting', 'Needs a **mechanism**.', 'text/markdown'),
      ],
      target: {
        id: `${origin}/claims/c1`,
        type: 'SpecificResource',
        source: `${origin}/threads/mesa%20optimizers/passages/4`,
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: selector.prefix, suffix: selector.suffix },
          { type: 'TextPositionSelector', start: selector.start, end: selector.end },
        ],
      },
    });
  });

  it('counts offsets in code points, past emoji', () => {
    const [, position] = (document.first.items[0] as W3cAnnotation).target.selector;
    if (position.type !== 'TextPositionSelector') throw new Error('expected a position selector');
    expect(position.start).toBe(34);
    expect(passage.indexOf(quote)).toBe(36); // UTF-16 units: each of the two emoji before it counts twice
    expect(sliceCodePoints(passage, position.start, position.end)).toBe(quote);
    expect(document.first.items[1].body).toContainEqual(
      expect.objectContaining({ purpose: 'assessing', value: '0.07' }),
    );
  });

  it('gives an orphaned claim its quote only, and an imported tag its external author and first IRI', () => {
    const [tag] = makeClaim('c3', [{ user: 'zed' }]).tags;
    const imported = toW3c(
      [
        makeClaim('c3', [], {
          orphan: true,
          start: -1,
          end: -1,
          tags: [
            {
              ...tag,
              externalIri: 'acct:zed@hypothes.is',
              externalName: 'Zed',
              userName: 'Zed · hypothes.is',
              canonicalIri: 'https://hypothes.is/a/abc',
            },
          ],
        }),
      ],
      options,
    ).first.items[0] as W3cAnnotation;
    expect(imported.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    expect(imported.creator).toEqual({ id: 'acct:zed@hypothes.is', type: 'Person', name: 'Zed', nickname: 'zed' });
    expect(imported.canonical).toBe('https://hypothes.is/a/abc');
  });
});

describe('reading W3C JSON-LD', () => {
  it('round-trips: read back and written out again, the same document', () => {
    const parsed = parseAnnotations(JSON.stringify(document));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.format).toBe('w3c');
    expect(parsed.annotations[0]).toMatchObject({
      path: '$.first.items[0]',
      id: `${origin}/annotations/c1-t0`,
      target: { source: `${origin}/threads/mesa%20optimizers/passages/4`, id: `${origin}/claims/c1`, quote: selector },
      axis: 'inner',
      confidence: 85,
      crux: true,
      concreteStoryNeeded: true,
      labels: ['deception', 'crux'],
      note: 'Needs a **mechanism**.',
      creator: { iri: `${origin}/users/ann`, name: 'Reader ann', path: '$.first.items[0].creator.id' },
    });
    expect(parsed.annotations[2]).toMatchObject({ axis: 'both', confidence: null, labels: ['axis:inner'], note: '' });
    expect(parsed.annotations.map((a) => a.confidence)).toEqual([85, 7, null, 100]);
    expect(toW3c(claimsFromAnnotations(parsed.annotations, origin), options)).toEqual(document);
  });

  const problemsOf = (input: unknown) => {
    const parsed = parseAnnotations(input);
    if (parsed.ok) throw new Error('expected problems');
    return parsed.problems.map((p) => `${p.path}: ${p.message}`);
  };
  const edited = (edit: (doc: W3cCollection) => void) => {
    const copy = structuredClone(document) as W3cCollection;
    edit(copy);
    return copy;
  };

  it('rejects a document that is not Web Annotation JSON-LD', () => {
    expect(problemsOf('{nope')[0]).toMatch(/^\$: not JSON/);
    expect(problemsOf(edited((d) => delete (d as Partial<W3cCollection>)['@context']))).toEqual([
      '$["@context"]: required',
    ]);
    expect(problemsOf(edited((d) => Object.assign(d, { '@context': 'https://schema.org' })))[0]).toMatch(
      /^\$\["@context"]: not a Web Annotation document/,
    );
    expect(problemsOf([])[0]).toMatch(/^\$: expected a JSON object/);
  });

  it('reports a missing exact at its JSON path', () => {
    const broken = edited(
      (d) => delete ((d.first.items[3] as W3cAnnotation).target.selector[0] as { exact?: string }).exact,
    );
    expect(problemsOf(broken)).toEqual(['$.first.items[3].target.selector[0].exact: required']);
  });

  it('skips selectors that cannot anchor on this text, and reads a target without a quote as having none', () => {
    const extra = edited((d) =>
      ((d.first.items[1] as W3cAnnotation).target.selector as unknown[]).push({
        type: 'XPathSelector',
        value: '/p[2]',
      }),
    );
    expect(parseAnnotations(extra).ok).toBe(true);
    const none = edited((d) =>
      Object.assign(d.first.items[1].target, { selector: { type: 'RangeSelector', startSelector: {} } }),
    );
    const parsed = parseAnnotations(none);
    expect(parsed.ok && parsed.annotations[1].target.quote).toBeNull();
  });

  it('reports bad values in bodies and targets', () => {
    const broken = edited((d) => {
      d.first.items[0].body[0].value = 'axis:sideways';
      d.first.items[0].body[5].value = '85%';
      Object.assign((d.first.items[3] as W3cAnnotation).target.selector[1], { start: 9, end: 2 });
    });
    expect(problemsOf(broken)).toEqual([
      '$.first.items[0].body[0].value: unknown axis "sideways" (outer, inner, both or other)',
      '$.first.items[0].body[5].value: expected a probability from "0" to "1", like "0.85"',
      '$.first.items[3].target.selector[1].end: must not be before start',
    ]);
  });

  it('checks total against the page, and refuses a collection that goes on over pages it does not hold', () => {
    expect(problemsOf(edited((d) => Object.assign(d, { total: 9 })))).toEqual([
      '$.total: says 9, but the only page holds 4',
    ]);
    expect(problemsOf(edited((d) => Object.assign(d.first, { next: `${origin}/annotations?page=1` })))[0]).toMatch(
      /^\$\.first\.next: the collection goes on/,
    );
  });

  it('reads a single annotation from another tool, tags as labels', () => {
    const foreign = {
      '@context': ['http://www.w3.org/ns/anno.jsonld', { extra: 'https://example.org/ns#' }],
      id: 'urn:uuid:1',
      type: 'Annotation',
      creator: 'https://other.example/users/zed',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'mesa-optimization' },
        { type: 'TextualBody', value: 'A plain comment.' },
        'https://example.org/link',
      ],
      target: {
        source: 'https://elsewhere.example/post',
        selector: { type: 'TextQuoteSelector', exact: 'the hard part' },
      },
    };
    const parsed = parseAnnotations(foreign);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.annotations).toEqual([
      {
        path: '$',
        id: 'urn:uuid:1',
        iri: 'urn:uuid:1',
        target: {
          source: 'https://elsewhere.example/post',
          sourcePath: '$.target.source',
          id: null,
          quote: { exact: 'the hard part', prefix: '', suffix: '' },
          fragment: null,
        },
        axis: 'other',
        confidence: null,
        concreteStoryNeeded: false,
        crux: false,
        labels: ['mesa-optimization'],
        note: 'A plain comment.',
        creator: { iri: 'https://other.example/users/zed', name: null, path: '$.creator' },
        created: null,
        modified: null,
        replyTo: null,
      },
    ]);
  });
});
