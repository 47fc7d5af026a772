import { describe, expect, it } from 'vitest';
import type { DedupOccurrence, DedupResult } from '@/lib/dedup/types';
import { compact, dedupLines, quoted } from './helpers';

const P =
  'If we train against the deception probe, the model will simply learn to hide its deception from the probe. Once deployed, it would pursue its own objective regardless of what we intended during training. I think this is the central problem with using interpretability as a training signal.';
const Q =
  'RLHF teaches the model to produce outputs that *raters approve of*, and raters approve of answers that agree with them. See [the sycophancy paper](https://arxiv.org/abs/2310.13548) for the measurements.';

/** The quote pieces of line 2 (after the source on line 1). */
function quoteOf(source: string, line: string) {
  const { result, statuses } = dedupLines([source, line]);
  const pieces = result.occurrences.filter((o) => o.line === 2 && o.kind !== 'original');
  return { result, status: compact(statuses).split(' ')[1], piece: pieces[0] as DedupOccurrence, statuses };
}

/** Each edit as [kind, what the quote has, what the source had]. */
const edits = (result: DedupResult, piece: DedupOccurrence) =>
  (piece.edits ?? []).map((e) => [
    e.kind,
    piece.text.slice(e.start, e.end),
    result.passages[piece.source as number].text.slice(e.sourceStart, e.sourceEnd),
  ]);

describe('findRepeats: edited quotes, each linked to its source span with the edits undone', () => {
  it('reads a bracketed substitution as standing for the source words it replaces', () => {
    const { result, status, piece } = quoteOf(
      P,
      '[The mesa-optimiser] would pursue its own objective regardless of what we intended during training.',
    );
    expect(status).toBe('p1');
    expect(piece.kind).toBe('partial');
    expect(edits(result, piece)).toEqual([['substitution', '[The mesa-optimiser]', 'it']]);
    expect(quoted(result, piece)).toEqual([
      'it would pursue its own objective regardless of what we intended during training',
    ]);
  });

  it('reads a bracket in the middle as standing for as many source words as let the quote go on', () => {
    const { result, piece } = quoteOf(
      P,
      'If we train against the deception probe, [a deceptive policy] will simply learn to hide its deception from the probe.',
    );
    expect(edits(result, piece)).toEqual([['substitution', '[a deceptive policy]', 'the model']]);
  });

  it('undoes [sic], emphasis notes and added emphasis', () => {
    const { result, piece } = quoteOf(
      P,
      'Once deployed, it would pursue its own objective regardless of what we *intended* [sic] during training (emphasis mine).',
    );
    expect(edits(result, piece)).toEqual([
      ['emphasis', '*intended*', 'intended'],
      ['sic', '[sic]', ''],
      ['emphasis-note', '(emphasis mine)', ''],
    ]);
  });

  it('notes a changed first letter, "[T]he" included, and dropped or changed end punctuation', () => {
    const mid = quoteOf(P, 'Would pursue its own objective regardless of what we intended during training');
    expect(mid.status).toBe('p1');
    expect(edits(mid.result, mid.piece)).toEqual([
      ['case', 'W', 'w'],
      ['punctuation', '', '.'],
    ]);
    const bracketed = quoteOf(P, '[T]he model will simply learn to hide its deception from the probe!');
    expect(edits(bracketed.result, bracketed.piece)).toEqual([
      ['case', '[T]', 't'],
      ['punctuation', '!', '.'],
    ]);
  });

  it('undoes a clause left out with "…", "...", "[…]" or "[...]", and the source words left out', () => {
    for (const mark of ['…', '...', '[…]', '[...]']) {
      const { result, status, piece } = quoteOf(
        P,
        `If we train against the deception probe, the model will ${mark} learn to hide [its own] deception from the probe.`,
      );
      expect(status, mark).toBe('p1');
      expect(edits(result, piece), mark).toEqual([
        ['elision', mark, 'simply'],
        ['substitution', '[its own]', 'its'],
      ]);
    }
  });

  it('links two non-adjacent sentences joined with " … " to both spans of their paragraph', () => {
    const { result, status, piece } = quoteOf(
      P,
      'If we train against the deception probe, the model will simply learn to hide its deception from teh probe … I think this is the central problem with using interpretability as a training signal.',
    );
    expect(status).toBe('p1');
    expect(piece.kind).toBe('elided');
    expect(quoted(result, piece)).toEqual([
      'If we train against the deception probe, the model will simply learn to hide its deception from the probe',
      'I think this is the central problem with using interpretability as a training signal',
    ]);
    expect(edits(result, piece).map(([kind]) => kind)).toEqual(['typo', 'elision']);
  });

  it('undoes typos of one or two characters and British or American spelling', () => {
    const { result, piece } = quoteOf(
      P,
      'Once deployed, it would persue its own objectiv regardless of what we intended during trainnig.',
    );
    expect(edits(result, piece)).toEqual([
      ['typo', 'persue', 'pursue'],
      ['typo', 'objectiv', 'objective'],
      ['typo', 'trainnig', 'training'],
    ]);
    const british =
      'A policy that is optimized hard against a learned judge will find the behavior the judge rewards by mistake.';
    const spelt = quoteOf(
      british,
      'A policy that is optimised hard against a learned judge will find the behaviour the judge rewards by mistake.',
    );
    expect(spelt.status).toBe('p1');
    expect(edits(spelt.result, spelt.piece)).toEqual([
      ['spelling', 'optimised', 'optimized'],
      ['spelling', 'behaviour', 'behavior'],
    ]);
  });

  it('undoes Markdown the quote leaves out (italics, a link) or adds', () => {
    const plain = quoteOf(
      Q,
      'RLHF teaches the model to produce outputs that raters approve of, and raters approve of answers that agree with them.',
    );
    expect(plain.status).toBe('p1');
    expect(edits(plain.result, plain.piece)).toEqual([['markup', 'raters approve of', '*raters approve of*']]);
    const link = quoteOf(Q, 'See the sycophancy paper for the measurements.');
    expect(edits(link.result, link.piece)).toEqual([
      ['markup', 'the sycophancy paper', '[the sycophancy paper](https://arxiv.org/abs/2310.13548)'],
    ]);
    const bold = quoteOf(
      P,
      'Once deployed, it would pursue **its own objective** regardless of what we intended during training.',
    );
    expect(edits(bold.result, bold.piece)).toEqual([['emphasis', '**its own objective**', 'its own objective']]);
  });

  it('links nested quotes and quotes of a quote-reply to the original passage, not to the reply quoting it', () => {
    const { statuses, result } = dedupLines([
      P,
      '> [It] would pursue its own objective regardless of what we intended during training. Not if the objective is myopic.',
      '> > [It] would pursue its own objective regardless of what we intended during training.',
      '> Not if the objective is myopic.',
      'Myopia is not something training reliably produces.',
    ]);
    expect(compact(statuses)).toBe('o p1 p1 p2 o');
    const nested = result.occurrences.find((o) => o.line === 3) as DedupOccurrence;
    expect(result.passages[nested.source as number].line).toBe(1);
    expect(edits(result, nested)).toEqual([['substitution', '[It]', 'it']]);
  });

  it('folds the quote and keeps the new text after it visible, as a reply to the quoted passage', () => {
    const { result, statuses } = dedupLines([
      P,
      '“[The policy] would pursue its own objective regardless of what we intended during training.” That assumes the objective generalises.',
    ]);
    expect(compact(statuses)).toBe('o p1');
    const pieces = result.occurrences.filter((o) => o.line === 2);
    expect(pieces.map((o) => [o.kind, o.text])).toEqual([
      ['partial', '“[The policy] would pursue its own objective regardless of what we intended during training.”'],
      ['original', 'That assumes the objective generalises.'],
    ]);
    expect(pieces[1].replyTo).toBe(0);
  });

  it('accepts an edited quote whose own words stand for 40 characters of source text or more, and no shorter one', () => {
    const source = 'In practice the reward model rewards confident answers over correct ones, and nobody checks.';
    expect(quoteOf(source, '[It] rewards confident answers over correct ones.').status).toBe('p1');
    expect(quoteOf(source, '[It] rewards confident answers.').status).toBe('o');
  });

  it('keeps a quote cut where its source sentence goes on when the writer marks it with quotation marks', () => {
    const cut = 'Once deployed, it would pursue its own objective';
    expect(quoteOf(P, `“${cut}…” Only if training failed, I think.`).status).toBe('p1');
    expect(quoteOf(P, `“${cut}.” Only if training failed, I think.`).status).toBe('p1');
    expect(quoteOf(P, `${cut}. Only if training failed, I think.`).status).toBe('o');
  });

  it('reports the edits of every quote on a line in the CLI row, and none for a word-for-word one', () => {
    const { statuses } = dedupLines([
      P,
      'I think this is the central problem with using interpretability as a training signal.',
      '[It] would pursue its own objective regardless of what we intended during trainnig.',
    ]);
    expect(statuses[1]).toEqual({ line: 2, status: 'partial', of: 1 });
    expect(statuses[2]).toEqual({ line: 3, status: 'partial', of: 1, edits: ['substitution', 'typo'] });
  });
});
