import type { DedupOccurrence, DedupPassage, RepeatBlock } from './types';

/**
 * A run this long of repeats, each of a later line than the one before, is a copy of a stretch of
 * the thread (a scrape that holds it twice): shown folded as one block. Shorter runs are ordinary
 * quote-replies and stay visible as chips.
 */
export const MIN_BLOCK = 3;

const isRepeat = (o: DedupOccurrence) => o.kind === 'exact' || o.kind === 'partial' || o.kind === 'elided';

/** Whole lines only: a block never cuts through a line that also holds new text. */
function wholeLines(run: DedupOccurrence[], mixedLines: Set<number>): DedupOccurrence[] {
  let from = 0;
  let to = run.length;
  while (from < to && mixedLines.has(run[from].paragraph)) from++;
  while (to > from && mixedLines.has(run[to - 1].paragraph)) to--;
  return run.slice(from, to);
}

export function findBlocks(occurrences: DedupOccurrence[], passages: DedupPassage[]): RepeatBlock[] {
  const mixedLines = new Set(occurrences.filter((o) => o.kind === 'original').map((o) => o.paragraph));
  const sourceLine = (o: DedupOccurrence) => passages[o.source as number].line;
  const blocks: RepeatBlock[] = [];
  let run: DedupOccurrence[] = [];
  const close = () => {
    const kept = wholeLines(run, mixedLines);
    if (kept.length >= MIN_BLOCK) {
      const sourceLines = kept.map(sourceLine);
      const last = kept[kept.length - 1];
      // The block runs to the end of its last line, blank pieces included.
      let toPosition = last.position;
      while (occurrences[toPosition + 1]?.paragraph === last.paragraph) toPosition++;
      blocks.push({
        fromPosition: occurrences.findIndex((o) => o.paragraph === kept[0].paragraph),
        toPosition,
        fromLine: kept[0].line,
        toLine: last.line,
        sourceFromLine: Math.min(...sourceLines),
        sourceToLine: Math.max(...sourceLines),
      });
    }
    run = [];
  };
  for (const occurrence of occurrences) {
    if (occurrence.kind === 'blank') continue;
    if (!isRepeat(occurrence)) {
      close();
      continue;
    }
    const previous = run.at(-1);
    if (previous && sourceLine(occurrence) < sourceLine(previous)) close();
    run.push(occurrence);
  }
  close();
  return blocks;
}
