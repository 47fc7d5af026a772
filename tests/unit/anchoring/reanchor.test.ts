import { describe, expect, it } from 'vitest';
import { codePointLength, describeSpan, type RevisionPassage, reanchorClaims, sliceCodePoints } from '@/lib/anchoring';

const oldPassages: RevisionPassage[] = [
  { id: 'o0', ordinal: 0, text: 'Deceptive alignment requires the model to model the training process.' },
  { id: 'o1', ordinal: 1, text: 'I think the crux is whether SGD finds such models 🤖 at realistic scales.' },
  { id: 'o2', ordinal: 2, text: 'Agreed.' },
];

function claimOn(passage: RevisionPassage, quote: string, id: string) {
  const start = codePointLength(passage.text.slice(0, passage.text.indexOf(quote)));
  return { id, passageId: passage.id, ...describeSpan(passage.text, start, start + codePointLength(quote)) };
}

describe('reanchorClaims', () => {
  const crux = claimOn(oldPassages[1], 'whether SGD finds such models 🤖', 'c1');
  const deceptive = claimOn(oldPassages[0], 'model the training process', 'c0');
  const agreed = claimOn(oldPassages[2], 'Agreed.', 'c2');

  it('keeps claims on unchanged passages, even when they moved', () => {
    const newPassages = [
      { id: 'n0', ordinal: 0, text: 'A new opening comment.' },
      ...oldPassages.map((p, i) => ({ ...p, id: `n${i + 1}`, ordinal: i + 1 })),
    ];
    const [outcome] = reanchorClaims(oldPassages, newPassages, [crux]);
    expect(outcome).toMatchObject({
      claimId: 'c1',
      status: 'anchored',
      passageId: 'n2',
      passageOrdinal: 2,
      match: { method: 'position' },
    });
  });

  it('follows a claim into its edited passage and describes it afresh', () => {
    const edited =
      'Edit: I think the crux is whether SGD finds such models 🤖 at realistic scales, not in toy settings.';
    const newPassages = [oldPassages[0], { id: 'n1', ordinal: 1, text: edited }].map((p, i) => ({ ...p, id: `n${i}` }));
    const [outcome] = reanchorClaims(oldPassages, newPassages, [crux]);
    expect(outcome.status).toBe('anchored');
    if (outcome.status !== 'anchored') return;
    expect(outcome.passageId).toBe('n1');
    expect(outcome.selector.exact).toBe(crux.exact);
    expect(sliceCodePoints(edited, outcome.selector.start, outcome.selector.end)).toBe(crux.exact);
    expect(outcome.selector.prefix).toBe('Edit: I think the crux is ');
  });

  it('finds a claim whose passage was merged into another', () => {
    const merged = `${oldPassages[0].text} ${oldPassages[1].text}`;
    const [outcome] = reanchorClaims(oldPassages, [{ id: 'm', ordinal: 0, text: merged }], [crux]);
    expect(outcome).toMatchObject({ status: 'anchored', passageId: 'm' });
  });

  it('orphans claims whose text is gone, and keeps the others', () => {
    const newPassages = [
      { id: 'n0', ordinal: 0, text: oldPassages[0].text },
      { id: 'n1', ordinal: 1, text: 'Something else entirely.' },
    ];
    const outcomes = reanchorClaims(oldPassages, newPassages, [deceptive, crux, agreed]);
    expect(outcomes.map((o) => [o.claimId, o.status])).toEqual([
      ['c0', 'anchored'],
      ['c1', 'orphan'],
      ['c2', 'orphan'],
    ]);
  });

  it('does not move a short claim onto a chance repeat in another passage', () => {
    const newPassages = [{ id: 'n0', ordinal: 0, text: 'Agreed. But the argument about SGD needs a concrete story.' }];
    expect(reanchorClaims(oldPassages, newPassages, [agreed])[0].status).toBe('orphan');
  });
});
