import { describe, expect, it } from 'vitest';
import { anchorQuote, codePointLength, describeSpan, sliceCodePoints } from '@/lib/anchoring';

const passage =
  'I think the crux is whether gradient descent finds mesa-optimizers at all. If it does, inner alignment ' +
  'is the hard part; if it does not, outer alignment is most of the problem. Either way, I think the crux is ' +
  'empirical, and we should say what observation would change our minds 🤔.';

function spanOf(text: string, quote: string, from = 0) {
  const at = text.indexOf(quote, from);
  const start = codePointLength(text.slice(0, at));
  return describeSpan(text, start, start + codePointLength(quote));
}

describe('anchorQuote', () => {
  it('keeps the old position when the quote still stands there', () => {
    const selector = spanOf(passage, 'inner alignment is the hard part');
    expect(anchorQuote(passage, selector)).toEqual({
      start: selector.start,
      end: selector.end,
      score: 1,
      method: 'position',
    });
  });

  it('finds the quote verbatim after text was inserted before it', () => {
    const selector = spanOf(passage, 'outer alignment is most of the problem');
    const edited = `(Edited to add a caveat 🙂 about RLHF.) ${passage}`;
    const match = anchorQuote(edited, selector);
    expect(match).toMatchObject({ method: 'exact', start: selector.start + 39, end: selector.end + 39 });
    expect(match!.score).toBeGreaterThan(0.95);
  });

  it('prefers an edited copy in its own context over a closer copy elsewhere', () => {
    const claim =
      'The mesa-optimizer will pursue its own objective whenever it can do so without being caught by its overseers.';
    const original = `Earlier I argued: ${claim} And I stand by it, for reasons below.`;
    const selector = spanOf(original, claim);
    // Elsewhere a near copy with one typo in other words; in its place the claim, edited twice.
    const elsewhere = claim.replace('pursue', 'persue');
    const inPlace = claim.replace('its own objective', 'its own objectives').replace('overseers', 'overseer');
    const edited = `Some say that ${elsewhere} That is not my point. Earlier I argued: ${inPlace} And I stand by it, for reasons below.`;
    const match = anchorQuote(edited, selector);
    expect(match?.method).toBe('fuzzy');
    expect(sliceCodePoints(edited, match!.start, match!.end)).toBe(inPlace);
  });

  it('chooses between repeats of the quote by their context', () => {
    const second = spanOf(passage, 'I think the crux is', 10);
    const edited = `Preface. ${passage}`;
    const match = anchorQuote(edited, second);
    expect(match).toMatchObject({ method: 'exact', start: second.start + 9 });
  });

  it('chooses between repeats with the same context by nearness to the old position', () => {
    const block = 'Then someone wrote: A claim. And so on. ';
    const text = block.repeat(4);
    const second = describeSpan(text, block.length * 2 + 20, block.length * 2 + 28);
    expect(second.exact).toBe('A claim.');
    // Copies 1 and 2 have the same 32 code points on either side; only the old offset tells them apart.
    expect(anchorQuote(`xx${text}`, second)).toMatchObject({ method: 'exact', start: second.start + 2 });
  });

  it('finds a quote with a typo fixed inside it, letting the context pick the edges', () => {
    const original = passage.replace('mesa-optimizers', 'mesa-optimzers');
    const selector = spanOf(original, 'gradient descent finds mesa-optimzers at all');
    const match = anchorQuote(passage, selector);
    expect(match?.method).toBe('fuzzy');
    expect(sliceCodePoints(passage, match!.start, match!.end)).toBe('gradient descent finds mesa-optimizers at all');
    expect(match!.score).toBeGreaterThan(0.9);
  });

  it('counts offsets in code points past emoji', () => {
    const original = 'The model 🧠 defers to its overseers.';
    const selector = spanOf(original, 'defers to its overseers');
    const edited = `🤖🤖🤖 ${original}`;
    const match = anchorQuote(edited, selector);
    expect(match).toMatchObject({ method: 'exact', start: 16, end: 39 });
    expect(sliceCodePoints(edited, match!.start, match!.end)).toBe('defers to its overseers');
  });

  it('anchors a quote without offsets, as an import brings', () => {
    const { exact, prefix, suffix } = spanOf(passage, 'what observation would change our minds');
    expect(anchorQuote(passage, { exact, prefix, suffix })).toMatchObject({ method: 'exact' });
  });

  it('rejects a short phrase that only recurs in another context', () => {
    const selector = spanOf(passage, 'the hard part');
    const other = 'Writing tests is the hard part of any project that nobody wants to own, honestly, in my experience.';
    expect(anchorQuote(other, { ...selector, start: undefined, end: undefined })).toBeNull();
  });

  it('follows a claim past a few inserted words even when they split it from its context', () => {
    const text = 'We could test this directly. The crux is deception. Nothing else matters here.';
    const selector = spanOf(text, 'The crux is deception.');
    const edited = text.replace('The crux', 'Honestly, the crux');
    expect(anchorQuote(edited, selector)?.method).toBe('fuzzy');
    const moved = anchorQuote(
      'We could test this directly (I tried). The crux is deception. Nothing else matters here.',
      selector,
    );
    expect(moved).toMatchObject({ method: 'exact', start: selector.start + 10 });
    expect(moved!.score).toBeGreaterThan(0.95);
  });

  it('follows a whole-passage claim only while nothing is added to a short passage', () => {
    const reply = describeSpan('Strongly agree.', 0, 15);
    expect(anchorQuote('Strongly agree.', { exact: reply.exact, prefix: '', suffix: '' })).toMatchObject({
      start: 0,
      end: 15,
    });
    // Fifteen code points and no context: too little to tell it from a chance repeat.
    expect(anchorQuote('Edit: Strongly agree.', reply)).toBeNull();
    const long = 'Strongly agree: the crux is whether the learned objective generalises.';
    expect(anchorQuote(`Edit: ${long}`, describeSpan(long, 0, long.length))).toMatchObject({
      start: 6,
      method: 'exact',
    });
  });

  it('rejects a rewritten passage and unrelated text', () => {
    const selector = spanOf(passage, 'inner alignment is the hard part');
    expect(anchorQuote('The weather was lovely and we walked along the river until dusk.', selector)).toBeNull();
    expect(anchorQuote('', selector)).toBeNull();
  });

  it('honours a stricter minScore', () => {
    const original = passage.replace('the hard part', 'the hardest part');
    const selector = spanOf(original, 'inner alignment is the hardest part');
    const loose = anchorQuote(passage, selector);
    expect(loose?.method).toBe('fuzzy');
    expect(anchorQuote(passage, selector, { minScore: Math.min(1, loose!.score + 0.01) })).toBeNull();
  });

  it('stays fast on a 20 000-character passage', () => {
    const words = 'reward model policy gradient oversight deception corrigibility interpretability'.split(' ');
    const long = Array.from({ length: 2500 }, (_, i) => words[(i * 7) % words.length])
      .join(' ')
      .slice(0, 20_000);
    const quote = 'the mesa-optimizer pursues a proxy of the base objective even off distribution';
    const started = performance.now();
    expect(anchorQuote(long, { exact: quote, prefix: 'we argue that ', suffix: ', as shown' })).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
