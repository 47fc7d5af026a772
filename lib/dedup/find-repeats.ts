import type { SourceParagraph } from '@/lib/ingest/types';
import { findBlocks } from './blocks';
import { RepeatFinder } from './repeat-finder';
import { linkReplies } from './reply-links';
import type { DedupResult } from './types';

/**
 * Finds every repeated passage of a thread: exact repeats, partial and elided quotes, quotes with
 * new text before or after them, glued paragraphs, whole-thread copies (folded blocks), and the
 * reply links of quote-replies. Every input character stays in exactly one piece, so the pieces
 * rebuild the input byte for byte.
 */
export function findRepeats(paragraphs: SourceParagraph[]): DedupResult {
  let size = 0;
  for (const paragraph of paragraphs) size += paragraph.text.length;
  const finder = new RepeatFinder(size);
  for (const paragraph of paragraphs) finder.paragraph(paragraph);
  const { passages, occurrences } = finder;
  const blocks = findBlocks(occurrences, passages);
  linkReplies(occurrences, blocks);
  return { passages, occurrences, blocks };
}
