import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import { normalizedText } from '@/lib/dedup/normalize';
import { repeatKey } from '@/lib/dedup/repeat-key';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { isSubstantial } from '@/lib/dedup/substantial';
import type { QuoteEditKind } from '@/lib/dedup/types';
import { parseText } from '@/lib/ingest/parse-text';

/** A line of the generated thread; `found` when it was inserted as a quote the engine must find, `edit` the edit it must undo. */
interface Line {
  text: string;
  sentences?: string[];
  found?: boolean;
  edit?: QuoteEditKind;
}

const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{3,9}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '§2.4',
      '>5%',
      'e.g.',
      '(IIUC)',
      '“quoted”',
      'it’s',
      '🙂',
      'naïve',
      '[1]',
      '—',
      'Mr.',
      '3.5',
      'ΣΑΣ',
      '日本語',
      '"straight"',
    ),
  },
);
const sentence = fc
  .array(word, { minLength: 3, maxLength: 14 })
  .map((words) => `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
const paragraph = fc
  .array(sentence, { minLength: 1, maxLength: 4 })
  .map((sentences): Line => ({ text: sentences.join(' '), sentences }));
const noise = fc
  .string({ unit: 'grapheme', maxLength: 40 })
  .map((text): Line => ({ text: text.replace(/[\r\n]/g, ' ') }));
const blank = fc.constantFrom<Line>({ text: '' }, { text: '   ' });
const edit = fc.record({ from: fc.nat(), at: fc.nat(), kind: fc.integer({ min: 0, max: 9 }), reply: paragraph });

const substantial = (text: string) => isSubstantial(normalizedText(text));

/** Inserts, after a line, a repeat of it made by one of the rules; returns the new line or null. */
function repeatOf(source: Line, kind: number, reply: Line): Line | null {
  const sentences = source.sentences;
  const words = source.text.split(' ');
  if (kind === 0) return { text: source.text };
  if (!sentences) return null;
  const one = sentences[sentences.length - 1];
  if (kind === 1) return { text: one, found: substantial(one) };
  if (kind === 2 && words.length >= 10) {
    const [start, end] = [words.slice(0, 4).join(' '), words.slice(-4).join(' ')];
    const parts = [start, end].map(normalizedText);
    return {
      text: `“${start}....${end}”`,
      found: parts.every((part) => part.length >= 8) && substantial(`${start} ${end}`),
    };
  }
  if (kind === 3) return { text: `${source.text}${reply.text}`, found: substantial(source.text) };
  if (kind === 4) return { text: `“${one}” ${reply.text}`, found: substantial(one) };
  if (kind >= 6) return editedRepeatOf(one, kind);
  return { text: '' };
}

/**
 * A quote of a sentence with one edit: the first word replaced by a bracket (6), two letters of a
 * long word swapped (7), a word emphasised (8), two words left out at "…" (9). It must be found
 * when the sentence is plain words, long enough (>= 48 characters, so >= 40 of source text), and
 * one side of the edit holds a word-for-word stretch of 24 characters or more (the edited-quote
 * finder starts from word-for-word stretches of 20).
 */
function editedRepeatOf(one: string, kind: number): Line | null {
  const words = one.slice(0, -1).split(' ');
  if (!/^[A-Z][a-z]*( [a-z]+)*\.$/.test(one) || words.length < 8) return null;
  const long = one.length >= 48 && substantial(one);
  const sides = (k: number, width = 1) => [words.slice(0, k).join(' '), `${words.slice(k + width).join(' ')}.`];
  const found = (before: string, after: string) => long && Math.max(before.length, after.length) >= 24;
  if (kind === 6) {
    const rest = words.slice(1).join(' ');
    // The rule counts the source words behind the quote's own words, not the closing stop.
    return { text: `[The proposal] ${rest}.`, found: long && rest.length >= 40, edit: 'substitution' };
  }
  const k = words.findIndex((w, i) => i > 0 && i < words.length - 1 && w.length >= 6 && w[2] !== w[3]);
  if (kind === 7 && k !== -1) {
    const w = words[k];
    const [before, after] = sides(k);
    return {
      text: `${before} ${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)} ${after}`,
      found: found(before, after),
      edit: 'typo',
    };
  }
  if (kind === 8) {
    const [before, after] = sides(3);
    return { text: `${before} *${words[3]}* ${after}`, found: found(before, after), edit: 'emphasis' };
  }
  if (kind === 9) {
    const [before, after] = sides(3, 2);
    return {
      text: `${before} … ${after}`,
      found: found(before, after) && before.length >= 12 && after.length >= 12,
      edit: 'elision',
    };
  }
  return null;
}

const thread = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: paragraph }, noise, blank), { minLength: 1, maxLength: 12 }),
    fc.array(edit, { maxLength: 10 }),
  )
  .map(([base, edits]) => {
    const lines: Line[] = [...base];
    for (const { from, at, kind, reply } of edits) {
      const source = from % lines.length;
      const inserted = repeatOf(lines[source], kind, reply);
      if (inserted) lines.splice(source + 1 + (at % (lines.length - source)), 0, inserted);
    }
    // A last line that is empty and unterminated is no line at all: end on text, so every line counts.
    return [...lines, { text: 'The end.' }];
  });

describe('dedup of random threads with repeats inserted by rule', () => {
  it('never throws, rebuilds the input byte for byte, and finds every inserted repeat, edited ones with their edit', () => {
    fc.assert(
      fc.property(
        thread,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (lines, eol, finalNewline, bom) => {
          const text = (bom ? '\uFEFF' : '') + lines.map((l) => l.text).join(eol) + (finalNewline ? eol : '');
          const paragraphs = parseText(text);
          const result = findRepeats(paragraphs);
          expect(rebuildInput(result)).toBe(text);
          const statuses = lineStatuses(result, paragraphs);
          expect(statuses.map((s) => s.line)).toEqual(lines.map((_, i) => i + 1));
          lines.forEach((line, i) => {
            const copy = line.text.trim() !== '' && lines.slice(0, i).some((earlier) => earlier.text === line.text);
            if (copy) expect(statuses[i], line.text).toMatchObject({ status: 'exact' });
            else if (line.found) expect(statuses[i].status, line.text).not.toBe('original');
            if (!copy && line.found && line.edit) expect(statuses[i].edits, line.text).toContain(line.edit);
          });
          for (const o of result.occurrences) {
            const source = o.source === null ? '' : result.passages[o.source].text;
            for (const span of o.spans ?? []) expect(span.end).toBeLessThanOrEqual(source.length);
            for (const e of o.edits ?? []) {
              expect(0 <= e.start && e.start <= e.end && e.end <= o.text.length, o.text).toBe(true);
              expect(0 <= e.sourceStart && e.sourceStart <= e.sourceEnd && e.sourceEnd <= source.length).toBe(true);
            }
          }
          const keys = result.passages.map((p) => repeatKey(p.text, normalizedText(p.text)));
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 250) },
    );
  });
});
