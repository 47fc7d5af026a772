import type { DedupOccurrence, DedupPassage, RepeatBlock } from './types';

/**
 * A run this long of repeats, each of the same or a later line than the one before, is a copy of
 * a stretch of the thread (a scrape that holds it twice): shown folded as one block. Shorter runs
 * are ordinary quote-replies and stay visible one by one.
 */
export const MIN_BLOCK = 3;

export const isRepeat = (o: DedupOccurrence) => o.kind === 'exact' || o.kind === 'partial' || o.kind === 'elided';

/** The first and last piece position of every paragraph, and which paragraphs hold new text. */
function paragraphExtents(occurrences: DedupOccurrence[]) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const mixed = new Set<number>();
  for (const o of occurrences) {
    if (!first.has(o.paragraph)) first.set(o.paragraph, o.position);
    last.set(o.paragraph, o.position);
    if (o.kind === 'original') mixed.add(o.paragraph);
  }
  return { first, last, mixed };
}

/** Runs of at least MIN_BLOCK repeat pieces that follow an earlier stretch in order, cut to whole lines. */
export function findBlocks(occurrences: DedupOccurrence[], passages: DedupPassage[]): RepeatBlock[] {
  const { first, last, mixed } = paragraphExtents(occurrences);
  const sourceLine = (o: DedupOccurrence) => passages[o.source as number].line;
  const blocks: RepeatBlock[] = [];
  let run: DedupOccurrence[] = [];
  const close = () => {
    // A block never cuts through a line that also holds new text.
    let from = 0;
    let to = run.length;
    while (from < to && mixed.has(run[from].paragraph)) from++;
    while (to > from && mixed.has(run[to - 1].paragraph)) to--;
    if (to - from >= MIN_BLOCK) {
      let sourceFromLine = Number.POSITIVE_INFINITY;
      let sourceToLine = 0;
      for (let k = from; k < to; k++) {
        sourceFromLine = Math.min(sourceFromLine, sourceLine(run[k]));
        sourceToLine = Math.max(sourceToLine, sourceLine(run[k]));
      }
      blocks.push({
        fromPosition: first.get(run[from].paragraph) as number,
        toPosition: last.get(run[to - 1].paragraph) as number,
        fromLine: run[from].line,
        toLine: run[to - 1].line,
        sourceFromLine,
        sourceToLine,
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
    const previous = run[run.length - 1];
    if (previous && sourceLine(occurrence) < sourceLine(previous)) close();
    run.push(occurrence);
  }
  close();
  return blocks;
}
