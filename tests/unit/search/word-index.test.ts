import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, wantedTerms } from '@/lib/search/query';
import { WordIndex } from '@/lib/server/search/word-index';

/** An index of these claims (text, notes), slot = position. */
function indexOf(claims: [string, string?][]) {
  const index = new WordIndex();
  for (const [slot, [exact, notesText = '']] of claims.entries()) index.update(slot, { exact, notesText });
  return index;
}

const found = (index: WordIndex, q: string) => [...index.match(parseQuery(q))];

/** The claims that match `q`, best first (ties by slot, descending). */
function ranked(index: WordIndex, q: string): number[] {
  const query = parseQuery(q);
  const matched = index.match(query);
  const scores = index.rank(matched, wantedTerms(query));
  return [...matched]
    .map((slot, k) => ({ slot, score: scores[k] }))
    .sort((a, b) => b.score - a.score || b.slot - a.slot)
    .map((h) => h.slot);
}

describe('WordIndex: which claims match', () => {
  const index = indexOf([
    ['Inner alignment fails when the learned objective drifts.'], // 0
    ['Outer alignment means writing the reward model well.'], // 1
    ['A model of the reward is not the reward.'], // 2
    ['Interpretability could check the objective.', 'Mesa-optimizers again; see the reward model thread.'], // 3
    ['Deceptive alignment is a story about rewards.'], // 4
  ]);

  it('needs every word, offers alternatives with or, and excludes with a minus', () => {
    expect(found(index, 'alignment')).toEqual([0, 1, 4]);
    expect(found(index, 'alignment reward')).toEqual([1, 4]);
    expect(found(index, 'interpretability or deceptive')).toEqual([3, 4]);
    expect(found(index, 'alignment -inner')).toEqual([1, 4]);
    expect(found(index, '-reward')).toEqual([0]);
  });

  it('finds words in the notes as well as the claim, through their stems', () => {
    expect(found(index, 'mesa optimizer')).toEqual([3]);
    expect(found(index, 'aligned rewarding')).toEqual([1, 4]);
  });

  it('keeps a phrase in order and together, counting stop words between, never across text and notes', () => {
    expect(found(index, '"reward model"')).toEqual([1, 3]);
    expect(found(index, '"model reward"')).toEqual([]);
    expect(found(index, '"model of the reward"')).toEqual([2]);
    expect(found(index, '"model a reward"')).toEqual([]);
    expect(found(index, 'mesa-optimizers')).toEqual([3]);
    expect(found(index, '"objective the mesa"')).toEqual([]);
    expect(found(index, '"the reward model thread"')).toEqual([3]);
  });

  it('matches nothing for unknown words or stop words alone', () => {
    expect(found(index, 'zebra')).toEqual([]);
    expect(found(index, 'the')).toEqual([]);
  });
});

describe('WordIndex: BM25 ranking', () => {
  it('ranks more occurrences higher, and the same occurrences in a shorter claim higher', () => {
    const index = indexOf([
      ['reward reward everywhere'], // 0: twice
      ['reward given'], // 1: once, short
      ['reward hacking is a common failure of training'], // 2: once, long
      ['nothing relevant here at all'],
    ]);
    expect(ranked(index, 'reward')).toEqual([0, 1, 2]);
  });

  it('weighs a rare word above a common one', () => {
    const index = indexOf([['corrigibility matters'], ['training matters'], ['training helps'], ['training works']]);
    expect(ranked(index, 'corrigibility or training')).toEqual([0, 3, 2, 1]);
  });

  it('weighs a word in the claim above the same word in a note', () => {
    // The same words, the same length: only where the word stands differs.
    const index = indexOf([['corrigibility matters plain words'], ['plain words', 'corrigibility matters']]);
    expect(ranked(index, 'corrigibility')).toEqual([0, 1]);
  });

  it('ranks alike however the index was built: loaded at once, or changed claim by claim', () => {
    const claims: [string, string][] = [
      ['reward models fail', 'a note on reward'],
      ['models of reward', ''],
      ['inner alignment of reward models', 'models models'],
    ];
    const loaded = indexOf(claims);
    const changed = indexOf([
      ['something else', 'with a note'],
      ['models of reward', 'an old note'],
    ]);
    changed.update(2, { exact: claims[2][0], notesText: claims[2][1] });
    changed.update(0, { exact: claims[0][0], notesText: claims[0][1] });
    changed.update(1, { exact: claims[1][0], notesText: claims[1][1] });
    const query = parseQuery('reward models');
    const scores = (index: WordIndex) => [...index.rank(index.match(query), wantedTerms(query))];
    expect(scores(changed)).toEqual(scores(loaded));
  });
});

describe('WordIndex: changes', () => {
  it('follows a claim’s notes as they change, and forgets a claim no longer searched', () => {
    const index = indexOf([['Inner alignment'], ['Outer alignment', 'zebras are a story']]);
    expect(found(index, 'zebra')).toEqual([1]);
    index.update(1, { exact: 'Outer alignment', notesText: 'no stripes here' });
    expect(found(index, 'zebra')).toEqual([]);
    expect(found(index, 'stripes')).toEqual([1]);
    index.update(0, null);
    expect(found(index, 'alignment')).toEqual([1]);
    expect(index.claimCount).toBe(1);
  });

  it('finds each word in exactly the claims that hold it now, whatever the order of changes (property)', () => {
    const WORDS = ['reward', 'model', 'inner', 'outer', 'mesa', 'story'];
    const text = fc.subarray(WORDS, { maxLength: 4 }).map((w) => w.join(' '));
    const change = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.option(fc.tuple(text, text), { nil: null }));
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const index = new WordIndex();
        const now = new Map<number, string>();
        for (const [slot, claim] of changes) {
          index.update(slot, claim && { exact: claim[0], notesText: claim[1] });
          if (claim) now.set(slot, claim.join(' '));
          else now.delete(slot);
        }
        for (const word of WORDS) {
          const holding = [...now].filter(([, words]) => words.split(' ').includes(word)).map(([slot]) => slot);
          expect(found(index, word)).toEqual(holding.sort((a, b) => a - b));
        }
        expect(index.claimCount).toBe(now.size);
      }),
      { numRuns: 300 },
    );
  });
});
