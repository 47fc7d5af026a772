import { describe, expect, it } from 'vitest';
import { placeImported } from '@/lib/server/annotations/anchor-imported';

const passages = [
  'An introduction 🧭 that says nothing in particular about the matter.',
  'Reward functions for brain-like AGI need not encode complex human values.',
  'So the learned values are what matter, and they are not the same thing.',
  'Values again: the learned values are what matter to us.',
].map((text, ordinal) => ({ id: `p${ordinal}`, ordinal, text }));
const elsewhere = { ordinal: null, positions: 'document' } as const;

describe('placeImported', () => {
  it('places a quote on the passage it names, at its offsets there', () => {
    const placed = placeImported(
      passages,
      { exact: 'values', prefix: '', suffix: ' are what', start: 15, end: 21 },
      {
        ordinal: 2,
        positions: 'passage',
      },
    );
    expect(placed).toMatchObject({ status: 'anchored', passageId: 'p2', selector: { start: 15, end: 21 } });
  });

  it('takes document offsets that fit the thread (passages one per line, code points), else the quote decides', () => {
    const quote = 'the learned values are what matter';
    const second = passages[3].text.indexOf(quote);
    const lineStart = [0, 1, 2].reduce((sum, i) => sum + Array.from(passages[i].text).length + 1, 0);
    const fits = placeImported(
      passages,
      { exact: quote, prefix: '', suffix: '', start: lineStart + second, end: lineStart + second + quote.length },
      elsewhere,
    );
    expect(fits).toMatchObject({ status: 'anchored', passageId: 'p3', selector: { start: second } });
    const web = placeImported(
      passages,
      { exact: quote, prefix: 'So ', suffix: ', and', start: 12_301, end: 12_335 },
      elsewhere,
    );
    expect(web).toMatchObject({ status: 'anchored', passageId: 'p2', selector: { start: 3 } });
  });

  it('finds a quote with a typo by one search of the whole thread, in code points of its passage', () => {
    const placed = placeImported(
      passages,
      { exact: 'Reward functoins for brain-like AGI', prefix: '', suffix: ' need' },
      elsewhere,
    );
    expect(placed).toMatchObject({
      status: 'anchored',
      passageId: 'p1',
      selector: { exact: 'Reward functions for brain-like AGI', start: 0 },
    });
  });

  it('places a quote without context that stands once in the thread; one across a passage break is an orphan', () => {
    expect(placeImported(passages, { exact: 'brain-like AGI', prefix: '', suffix: '' }, elsewhere)).toMatchObject({
      status: 'anchored',
      passageId: 'p1',
    });
    const across = placeImported(
      passages,
      { exact: 'complex human values.\nSo the learned', prefix: '', suffix: '' },
      elsewhere,
    );
    expect(across).toMatchObject({ status: 'orphan', passageId: 'p0' });
  });
});
