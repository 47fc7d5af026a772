import { isRepeat } from './blocks';
import type { DedupOccurrence, RepeatBlock } from './types';

/**
 * A new passage right after a quote (the next non-blank piece) answers the quoted passage: sets
 * `replyTo`. Inside a folded copy of the thread the order is the copy's, not a reply's: no links.
 */
export function linkReplies(occurrences: DedupOccurrence[], blocks: RepeatBlock[]) {
  let block = 0;
  let lastQuote: DedupOccurrence | null = null;
  for (const occurrence of occurrences) {
    while (block < blocks.length && blocks[block].toPosition < occurrence.position) block++;
    const inBlock = block < blocks.length && blocks[block].fromPosition <= occurrence.position;
    if (occurrence.kind === 'blank') continue;
    if (isRepeat(occurrence)) lastQuote = inBlock ? null : occurrence;
    else {
      if (lastQuote) occurrence.replyTo = lastQuote.source;
      lastQuote = null;
    }
  }
}
