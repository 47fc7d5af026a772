import { describe, expect, it } from 'vitest';
import { codePointLength, describeSpan, sliceCodePoints } from '@/lib/anchoring';
import { claimsFromAnnotations, parseW3c, toW3c, type W3cCollection } from '@/lib/export';
import { makeClaim } from '../cruxes/make-claims';

const passage = '🤖 Outer alignment 🎯 is necessary; inner alignment 🧠 is the hard part.';
const quote = 'inner alignment 🧠 is the hard part';
const start = codePointLength(passage.slice(0, passage.indexOf(quote)));
const selector = describeSpan(passage, start, start + codePointLength(quote));

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
const options = { baseUrl: 'https://cr.example.org', collectionId: 'x1', generated: '2025-03-04T10:00:00.000Z' };
const document = toW3c(claims, options);

describe('toW3c', () => {
  it('is an AnnotationCollection with its annotations on an embedded first page', () => {
    expect(document).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://cr.example.org/exports/x1',
      type: 'AnnotationCollection',
      total: 4,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(document.first.items).toHaveLength(4);
  });

  it('gives every annotation the fields the W3C model requires', () => {
    for (const annotation of document.first.items) {
      expect(annotation.id).toMatch(/^https:\/\/cr\.example\.org\/annotations\//);
      expect(annotation.type).toBe('Annotation');
      expect(annotation.target.source).toMatch(/^https:\/\/cr\.example\.org\/threads\/.+\/passages\/\d+$/);
      for (const s of annotation.target.selector)
        expect(['TextQuoteSelector', 'TextPositionSelector']).toContain(s.type);
      expect(annotation.target.selector[0]).toHaveProperty('exact');
      expect(annotation.body.length).toBeGreaterThan(0);
    }
  });

  it('writes one tag as tagging, assessing and commenting bodies', () => {
    expect(document.first.items[0]).toEqual({
      id: 'https://cr.example.org/annotations/c1-t0',
      type: 'Annotation',
      motivation: 'assessing',
      creator: { id: 'https://cr.example.org/users/ann', type: 'Person', name: 'Reader ann' },
      created: '2025-03-01T10:00:00.000Z',
      modified: '2025-03-02T10:00:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'axis:inner' },
        { type: 'TextualBody', purpose: 'tagging', value: 'crux' },
        { type: 'TextualBody', purpose: 'tagging', value: 'concrete-story-needed' },
        { type: 'TextualBody', purpose: 'tagging', value: 'label:deception' },
        { type: 'TextualBody', purpose: 'tagging', value: 'label:crux' },
        { type: 'TextualBody', purpose: 'assessing', value: '0.85' },
        { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Needs a **mechanism**.' },
      ],
      target: {
        id: 'https://cr.example.org/claims/c1',
        source: 'https://cr.example.org/threads/mesa%20optimizers/passages/4',
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: selector.prefix, suffix: selector.suffix },
          { type: 'TextPositionSelector', start: selector.start, end: selector.end },
        ],
      },
    });
  });

  it('counts offsets in code points, past emoji', () => {
    const [, position] = document.first.items[0].target.selector;
    if (position.type !== 'TextPositionSelector') throw new Error('expected a position selector');
    expect(position.start).toBe(34);
    expect(passage.indexOf(quote)).toBe(36); // UTF-16 units: each of the two emoji before it counts twice
    expect(sliceCodePoints(passage, position.start, position.end)).toBe(quote);
    expect(document.first.items[1].body).toContainEqual({ type: 'TextualBody', purpose: 'assessing', value: '0.07' });
  });
});

describe('parseW3c', () => {
  it('round-trips: parse gives back the tags and selectors, and exporting them again gives the same document', () => {
    const parsed = parseW3c(JSON.stringify(document));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.annotations[0]).toMatchObject({
      tagId: 'c1-t0',
      claimId: 'c1',
      baseUrl: 'https://cr.example.org',
      threadSlug: 'mesa optimizers',
      passageOrdinal: 4,
      selector,
      axis: 'inner',
      confidence: 85,
      crux: true,
      concreteStoryNeeded: true,
      labels: ['deception', 'crux'],
      note: 'Needs a **mechanism**.',
      creator: { userId: 'ann', name: 'Reader ann' },
    });
    expect(parsed.annotations[2]).toMatchObject({ axis: 'both', confidence: null, labels: ['axis:inner'], note: '' });
    expect(parsed.annotations.map((a) => a.confidence)).toEqual([85, 7, null, 100]);
    expect(toW3c(claimsFromAnnotations(parsed.annotations), options)).toEqual(document);
  });

  const problemsOf = (input: unknown) => {
    const parsed = parseW3c(input);
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
    expect(problemsOf([])).toEqual(['$: expected a JSON object']);
  });

  it('reports a missing exact at its JSON path', () => {
    const broken = edited((d) => delete (d.first.items[3].target.selector[0] as { exact?: string }).exact);
    expect(problemsOf(broken)).toEqual(['$.first.items[3].target.selector[0].exact: required']);
  });

  it('skips unknown selector types, but not when no quote remains', () => {
    const extra = edited((d) =>
      (d.first.items[1].target.selector as unknown[]).push({ type: 'XPathSelector', value: '/p[2]' }),
    );
    expect(parseW3c(extra).ok).toBe(true);
    const none = edited((d) =>
      Object.assign(d.first.items[1].target, { selector: { type: 'FragmentSelector', value: 'char=0,5' } }),
    );
    expect(problemsOf(none)).toEqual([
      '$.first.items[1].target.selector: no usable selector (found FragmentSelector): a TextQuoteSelector is required',
    ]);
  });

  it('reports bad values in bodies and targets', () => {
    const broken = edited((d) => {
      d.first.items[0].body[0].value = 'axis:sideways';
      d.first.items[0].body[5].value = '85%';
      d.first.items[2].target.source = 'https://elsewhere.example/doc';
      Object.assign(d.first.items[3].target.selector[1], { start: 9, end: 2 });
    });
    expect(problemsOf(broken)).toEqual([
      '$.first.items[0].body[0].value: unknown axis "sideways" (outer, inner, both or other)',
      '$.first.items[0].body[5].value: expected a probability from "0" to "1", like "0.85"',
      '$.first.items[2].target.source: not a Crux Reader passage IRI (…/threads/{slug}/passages/{ordinal})',
      '$.first.items[3].target.selector[1].end: must not be before start',
    ]);
  });

  it('checks total against the page', () => {
    expect(problemsOf(edited((d) => Object.assign(d, { total: 9 })))).toEqual([
      '$.total: says 9, but the only page holds 4',
    ]);
  });

  it('reads a single annotation from another tool, tags as labels', () => {
    const foreign = {
      '@context': ['http://www.w3.org/ns/anno.jsonld', { extra: 'https://example.org/ns#' }],
      id: 'urn:uuid:1',
      type: 'Annotation',
      creator: 'https://hypothes.is/users/zed',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'mesa-optimization' },
        { type: 'TextualBody', value: 'A plain comment.' },
        'https://example.org/link',
      ],
      target: {
        source: 'https://cr.example.org/threads/t/passages/2',
        selector: { type: 'TextQuoteSelector', exact: 'the hard part' },
      },
    };
    const parsed = parseW3c(foreign);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.annotations).toEqual([
      {
        id: 'urn:uuid:1',
        tagId: null,
        claimId: null,
        baseUrl: 'https://cr.example.org',
        threadSlug: 't',
        passageOrdinal: 2,
        selector: { exact: 'the hard part', prefix: '', suffix: '' },
        axis: 'other',
        confidence: null,
        concreteStoryNeeded: false,
        crux: false,
        labels: ['mesa-optimization'],
        note: 'A plain comment.',
        creator: { iri: 'https://hypothes.is/users/zed', userId: null, name: null },
        created: null,
        modified: null,
      },
    ]);
  });
});
