import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { parseText } from '@/lib/ingest/parse-text';

// A fixed seed: the same generated cases on every run, so CI is reproducible (change it to explore).
fc.configureGlobal({ seed: 20261123 });

const word = fc.constantFrom('alignment', 'reward', 'model', 'the', 'agent', 'is', 'not', 'a', 'goal', 'training', '§2.4', '>5%', 'e.g.', '(IIUC)', '“quoted”', 'it’s', '🙂', 'naïve', '[1]', '—');
const sentence = fc.array(word, { minLength: 3, maxLength: 14 }).map((words) => `${words.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const noise = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' '));

/** A thread of paragraphs with repeats inserted by rule: whole copies, quoted sentences, elisions, glue. */
const thread = fc
  .tuple(fc.array(fc.oneof(paragraph, noise), { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 4 })), { maxLength: 8 }))
  .map(([base, edits]) => {
    const lines = [...base];
    const copies: number[] = [];
    for (const [from, at, kind] of edits) {
      const source = lines[from % lines.length];
      const sentences = source.split(/(?<=\.) /);
      const insert = [
        source,
        sentences[0],
        sentences.length > 1 ? `${sentences[0].slice(0, 12)}....${sentences.at(-1)}` : source,
        `${source}${sentences[0]}`,
        '',
      ][kind];
      const position = Math.min(lines.length, (from % lines.length) + 1 + (at % 3));
      lines.splice(position, 0, insert);
      if (kind === 0) copies.push(position);
    }
    return { lines, copies };
  });

describe('dedup over random threads with repeats inserted', () => {
  it('never throws, rebuilds the input byte for byte, and finds every inserted whole copy', () => {
    fc.assert(
      fc.property(thread, fc.constantFrom('\n', '\r\n'), fc.boolean(), ({ lines, copies }, eol, finalNewline) => {
        const text = lines.join(eol) + (finalNewline ? eol : '');
        const paragraphs = parseText(text);
        const result = findRepeats(paragraphs);
        expect(rebuildInput(result.occurrences)).toBe(text);
        const statuses = lineStatuses(result, paragraphs);
        expect(statuses).toHaveLength(paragraphs.length);
        // Every non-blank line equal to an earlier one (the inserted copies among them) is an exact repeat.
        lines.forEach((line, position) => {
          if (line.trim() && lines.slice(0, position).includes(line)) expect(statuses[position].status).toBe('exact');
        });
        expect(copies.every((position) => position < lines.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
