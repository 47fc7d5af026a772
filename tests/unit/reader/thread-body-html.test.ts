import fc from 'fast-check';
import type { Element, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { codePointLength, sliceCodePoints } from '@/lib/anchoring';
import { threadBodyHtml } from '@/components/reader/thread-body-html';
import type { ClaimHighlight } from '@/lib/server/claims/highlights';
import type { OccurrenceModel, PassageModel, ThreadModel } from '@/lib/server/threads/thread-model';

fc.configureGlobal({ seed: 20261129 });

/** Parses as a browser would (the HTML is placed inside an <article>). */
function parse(html: string): Root {
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}

function textContent(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textContent).join('');
  return '';
}

function elements(node: Nodes, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if (node.type === 'element' || node.type === 'root') for (const child of node.children) elements(child, out);
  return out;
}

const byClass = (root: Root | Element, name: string) =>
  elements(root).filter((e) => ((e.properties.className as string[] | undefined) ?? []).includes(name));

function passage(ordinal: number, text: string, extra: Partial<PassageModel> = {}): PassageModel {
  return {
    id: `00000000-0000-4000-8000-${String(ordinal).padStart(12, '0')}`,
    ordinal,
    line: ordinal + 1,
    text,
    sentences: [{ start: 0, end: codePointLength(text) }],
    author: null,
    postedAt: null,
    inReplyTo: null,
    quotedAt: [],
    ...extra,
  };
}

function occurrence(position: number, fields: Partial<OccurrenceModel>): OccurrenceModel {
  return {
    position,
    paragraph: position,
    line: position + 1,
    kind: 'original',
    text: '',
    rawBefore: '',
    rawAfter: '\n',
    rawText: null,
    passageId: null,
    sourcePassageId: null,
    spans: null,
    replyToPassageId: null,
    edits: null,
    ...fields,
  };
}

/** A thread of the given passages, each once, then a quote of the first one. */
function threadOf(texts: string[], quote = texts[0]): ThreadModel {
  const passages = texts.map((text, i) => passage(i, text, i === 0 ? { quotedAt: [texts.length] } : {}));
  const occurrences = [
    ...passages.map((p, i) => occurrence(i, { text: p.text, passageId: p.id })),
    occurrence(texts.length, { kind: 'exact', text: quote, sourcePassageId: passages[0].id }),
  ];
  return {
    threadId: 't',
    slug: 's',
    title: 'T',
    revision: {
      id: 'r',
      number: 1,
      format: 'text',
      lineCount: occurrences.length,
      passageCount: passages.length,
      repeatCount: 1,
      createdAt: '2026-11-29T00:00:00.000Z',
    },
    passages,
    occurrences,
    blocks: [],
  };
}

const hostile = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='x",
  '&amp; &lt;',
  '</span></div>',
  '<!--',
  ']]>',
  '🤖 É',
  'plain words',
];
const textArb = fc
  .array(fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'grapheme', maxLength: 12 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(' ').replace(/[\r\0]/g, ' '));

const ALLOWED = new Set(['div', 'a', 'span', 'mark', 'details', 'summary', 'blockquote']);

describe('threadBodyHtml', () => {
  it('keeps every passage exact and every quote as written, whatever the text holds; no markup gets through', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 5 }), (texts) => {
        const model = threadOf(texts);
        const root = parse(threadBodyHtml(model, []));
        const shown = byClass(root, 'passage-text');
        expect(shown.map(textContent)).toEqual(texts);
        expect(shown.map((e) => e.properties.dataPassageId)).toEqual(model.passages.map((p) => p.id));
        const chips = byClass(root, 'quote-chip');
        expect(chips).toHaveLength(1);
        expect(textContent(elements(chips[0]).find((e) => e.tagName === 'blockquote') as Element)).toBe(texts[0]);
        for (const element of elements(root)) expect(ALLOWED.has(element.tagName), element.tagName).toBe(true);
        for (const element of elements(root))
          for (const name of Object.keys(element.properties)) expect(name.startsWith('on')).toBe(false);
      }),
    );
  });

  it('draws each tagged span as marks whose text is exactly the span, the passage text unchanged', () => {
    const spanned = textArb
      .filter((t) => codePointLength(t) >= 2)
      .chain((text) => {
        const length = codePointLength(text);
        const span = fc
          .integer({ min: 0, max: length - 1 })
          .chain((start) => fc.integer({ min: start + 1, max: length }).map((end) => ({ start, end })));
        return fc.tuple(fc.constant(text), fc.array(span, { minLength: 1, maxLength: 4 }));
      });
    fc.assert(
      fc.property(spanned, ([text, spans]) => {
        const model = threadOf([text]);
        const claims: ClaimHighlight[] = spans.map((s, i) => ({
          id: `c${i}`,
          passageId: model.passages[0].id,
          ...s,
          axes: { outer: 0, inner: i + 1, both: 0, other: 0 },
          taggers: i + 1,
          crux: i === 0,
          disputed: i === 1,
        }));
        const root = parse(threadBodyHtml(model, claims));
        const [shown] = byClass(root, 'passage-text');
        expect(textContent(shown)).toBe(text);
        const marks = elements(shown).filter((e) => e.tagName === 'mark');
        for (const claim of claims) {
          const covering = marks.filter((m) => String(m.properties.dataClaimIds).split(' ').includes(claim.id));
          expect(covering.map(textContent).join('')).toBe(sliceCodePoints(text, claim.start, claim.end));
        }
        for (const mark of marks) {
          const ids = String(mark.properties.dataClaimIds).split(' ');
          expect(mark.properties.dataCrux === 'true').toBe(ids.includes('c0'));
          // The spoken name: how many claims, the axis, disputed and crux when any is, every tagger.
          const taggers = claims.filter((c) => ids.includes(c.id)).reduce((sum, c) => sum + c.taggers, 0);
          expect(mark.properties.dataLabel).toBe(
            [
              ids.length === 1 ? 'claim' : `${ids.length} claims`,
              'inner',
              ...(ids.includes('c1') ? ['disputed'] : []),
              ...(ids.includes('c0') ? ['crux'] : []),
              `${taggers} tagger${taggers === 1 ? '' : 's'}`,
            ].join(', '),
          );
        }
      }),
    );
  });

  it('links quotes, replies and repeats, and folds a repeated block into one <details>', () => {
    const model = threadOf(['First point.', 'A reply.', 'Third.']);
    model.occurrences[1].replyToPassageId = model.passages[0].id;
    model.passages[1].author = 'Ada <admin>';
    model.blocks = [{ fromPosition: 2, toPosition: 3, fromLine: 3, toLine: 4, sourceFromLine: 1, sourceToLine: 2 }];
    const html = threadBodyHtml(model, []);
    const root = parse(html);
    expect(elements(root).filter((e) => e.properties.id === 'p-1')).toHaveLength(1);
    expect(html).toContain('<a href="#p-1" class="reply-link">↩ replies to ¶1</a>');
    expect(html).toContain('<span class="passage-author">Ada &lt;admin&gt;</span>');
    expect(html).toContain('quoted 1× <a href="#o-3" aria-label="Quote 1 of ¶1">1</a>');
    const [block] = byClass(root, 'repeat-block');
    expect(block.tagName).toBe('details');
    expect(textContent(block)).toContain('Repeated copy of ¶1–¶2 (2 pieces)');
    const chips = byClass(root, 'quote-chip');
    expect(chips.every((chip) => elements(block).includes(chip))).toBe(true);
    // Each folded quote shows its first words, so the opened block reads as the copy it is.
    expect(chips.map((chip) => textContent(byClass(chip, 'quote-first-words')[0]))).toEqual(['First point.']);
    expect(byClass(root, 'source-line').map((e) => e.properties.id)).toEqual(['line-1', 'line-2', 'line-3', 'line-4']);
    const ids = elements(root)
      .map((e) => e.properties.id)
      .filter(Boolean);
    expect(new Set(ids).size, 'no element id is used twice').toBe(ids.length);
  });

  it('counts an edited quote’s edits in its chip and names them inside it', () => {
    const model = threadOf(
      ['It would pursue its own objective.', 'A reply.'],
      '[The policy] would pursue its own objectiv.',
    );
    const quote = model.occurrences[2];
    quote.kind = 'partial';
    quote.edits = [
      { kind: 'substitution', start: 0, end: 12, sourceStart: 0, sourceEnd: 2 },
      { kind: 'typo', start: 34, end: 42, sourceStart: 24, sourceEnd: 33 },
    ];
    const root = parse(threadBodyHtml(model, []));
    const [chip] = byClass(root, 'quote-chip');
    const summary = elements(chip).find((e) => e.tagName === 'summary') as Element;
    expect(textContent(summary)).toBe('quotes from ¶1 · 2 edits [The policy] would pursue its own objectiv. ›');
    expect(textContent(byClass(root, 'quote-edit-list')[0])).toBe('Edited from the source: words in brackets, a typo');
    quote.edits = null;
    expect(textContent(parse(threadBodyHtml(model, [])))).not.toContain('edit');
  });
});

describe('Markdown headings in the reader', () => {
  it('are headings one level below the page title, their text exact, the "## " receding', () => {
    const model = threadOf(['## Part two', 'Plain text.']);
    const asMarkdown = { ...model, revision: { ...model.revision, format: 'markdown' } };
    const root = parse(threadBodyHtml(asMarkdown, []));
    const [heading, plain] = byClass(root, 'passage-text');
    expect(heading.properties.role).toBe('heading');
    expect(heading.properties.ariaLevel).toBe(3);
    expect(textContent(heading)).toBe('## Part two');
    expect(byClass(root, 'heading-marker').map(textContent)).toEqual(['## ']);
    expect(plain.properties.role).toBeUndefined();
    const [asText] = byClass(parse(threadBodyHtml(model, [])), 'passage-text');
    expect(asText.properties.role, 'a "#" in plain text is only text').toBeUndefined();
  });
});
