import { isWordCode } from './shingles';

/**
 * Whether a repeated fragment says enough to count as a quote. Whole lines repeat at any length
 * ("EDIT: I see you added"); a fragment inside a line must be both long and contentful, or stock
 * phrases that every thread shares ("Thanks for the reply!", "I don't think that's right.") would
 * be taken for quotes of whichever earlier paragraph happened to open with them.
 */

/** About four words: a quoted clause ("I'm interested in hearing a concrete story here") passes. */
export const MIN_QUOTE_CHARS = 20;

/**
 * Three content words in the same order as an earlier paragraph rarely happen by chance, while
 * boilerplate is made of function words and conversational stock words and has at most two.
 */
export const MIN_CONTENT_WORDS = 3;

/** English function words and the stock words of forum replies: they carry no claim of their own. */
const STOCK_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing don dont down during each either else even ever every few for from further get gets got had has
  have having he her here hers him his how i id if ill im in into is isnt it its itself ive just let lets me more most much
  my myself neither no nor not now of off on once one only or other our ours out over own quite rather really same she
  should shouldnt so some such than that thats the their them then there theres these they this those though through thus
  to too under until up upon us very was wasnt we were what whats when where whether which while who whom whose why will
  with would wouldnt yet you your youre yours yes yeah ok okay thanks thank agree agreed disagree sure right wrong true
  false good great nice interesting point points reply replies comment comments post posts think thought see mean meant
  know like well maybe perhaps actually probably say said says sorry guess feel seems seem way thing things lot`.split(
    /\s+/,
  ),
);

/** Counts the content words of a normalised text, up to `enough`. */
function contentWords(text: string, enough: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < enough; ) {
    while (i < text.length && !isWordCode(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    if (i - start >= 2 && !STOCK_WORDS.has(text.slice(start, i))) count++;
  }
  return count;
}

/** A normalised fragment long and contentful enough to be a quote (see the constants above). */
export function isSubstantial(normalized: string): boolean {
  return normalized.length >= MIN_QUOTE_CHARS && contentWords(normalized, MIN_CONTENT_WORDS) >= MIN_CONTENT_WORDS;
}
