import { CONTEXT_LENGTH } from './describe-span';
import { matchEnds } from './myers';

/** What a candidate match is judged against: the stored quote, its context and its old offset. */
export interface MatchEvidence {
  quoteLength: number;
  prefix: readonly number[];
  suffix: readonly number[];
  /** The old start offset, when the selector had one. */
  hint?: number;
}

/**
 * Within the surroundings part of the score: the context, and nearness to the old offset. Position
 * only breaks ties between copies: text inserted earlier in the passage moves a claim without
 * making it any less the same claim.
 */
const CONTEXT_WEIGHT = 0.9;
const POSITION_WEIGHT = 0.1;
/** Within the context: the better-kept side, then the other (see contextSimilarity). */
const KEPT_SIDE_WEIGHT = 0.75;

/**
 * How far the quote alone can be trusted: a quote of L code points is weighted L / (L + 32) and
 * its surroundings 32 / (L + 32). A short quote ("AI risk") occurs by chance in many places, so its
 * context must vouch for it; a sentence-long quote identifies itself, and its context — often
 * edited around it — matters little. At L = 32 (one side's context) they weigh the same.
 */
export function contextShare(quoteLength: number): number {
  return CONTEXT_LENGTH / (CONTEXT_LENGTH + quoteLength);
}

/**
 * Similarity 0–1 of one side's stored context (p code points) to the 2p code points now next to the
 * match: 1 − edits / p for the best copy of the context in that window. The context may sit anywhere
 * in it, so a few words inserted between the quote and its context cost nothing; the window grows
 * with p so that a one-character context (a final ".") must stand right there. An empty stored side
 * (the quote touched the passage's edge) is neutral, 0.5: many quotes stand at an edge
 * ("I think that…"), so it proves little either way.
 */
function sideSimilarity(expected: readonly number[], window: readonly number[]): number {
  if (expected.length === 0) return 0.5;
  const errors = Math.min(expected.length, ...matchEnds(window, expected, expected.length).map((m) => m.errors));
  return 1 - errors / expected.length;
}

/**
 * An edit usually touches one side of a quote — a sentence inserted before it, a clause rewritten
 * after it — so one intact side is strong evidence on its own: the better side counts 3/4, the
 * other 1/4. Text inserted right before a quote then costs at most a quarter of the context.
 */
function contextSimilarity(prefix: number, suffix: number): number {
  return KEPT_SIDE_WEIGHT * Math.max(prefix, suffix) + (1 - KEPT_SIDE_WEIGHT) * Math.min(prefix, suffix);
}

/**
 * score = (1 − λ) · quote + λ · (0.9 · context + 0.1 · position), λ = 32 / (32 + L), where
 * quote = 1 − edits / L, context = 0.75 · better side + 0.25 · other side (see sideSimilarity),
 * and position = 1 − |start − old start| / text length (without an old start, context alone).
 */
export function matchScore(
  text: readonly number[],
  start: number,
  end: number,
  errors: number,
  evidence: MatchEvidence,
): number {
  const quote = Math.max(0, 1 - errors / evidence.quoteLength);
  const before = text.slice(Math.max(0, start - 2 * evidence.prefix.length), start);
  const after = text.slice(end, end + 2 * evidence.suffix.length);
  // A claim that was a whole passage has no context; being the whole text again is its context.
  const wasWholePassage = evidence.prefix.length === 0 && evidence.suffix.length === 0;
  const context = wasWholePassage
    ? start === 0 && end === text.length
      ? 1
      : 0.5
    : contextSimilarity(sideSimilarity(evidence.prefix, before), sideSimilarity(evidence.suffix, after));
  const surroundings =
    evidence.hint === undefined
      ? context
      : CONTEXT_WEIGHT * context + POSITION_WEIGHT * (1 - Math.abs(start - evidence.hint) / Math.max(1, text.length));
  const lambda = contextShare(evidence.quoteLength);
  return (1 - lambda) * quote + lambda * surroundings;
}
