import { SeedLikeText } from './seed-like-text';
import { prng } from './stats';

type Random = () => number;

const pick = <T>(random: Random, list: T[]) => list[Math.floor(random() * list.length)];
const sentencesOf = (paragraph: string) => paragraph.split(/(?<=[.!?]) (?=\S)/);

/** Short lines every thread has; repeated whole, they are exact repeats however short. */
const STOCK_LINES = ['Thanks!', 'EDIT: I see you added', 'My picture is, roughly:', 'Agreed.', 'Thanks for the reply!'];

/**
 * One thread of seed-like paragraphs with repeats inserted by rule: quote-replies (an earlier
 * paragraph repeated whole, or one of its sentences, then a reply), elided quotes ("start....end"),
 * a quote and its reply on one line, glued paragraphs ("…end.Next…"), stock short lines; and, in
 * half of the threads, a second copy of most of the thread (a scrape that holds it twice).
 */
function thread(random: Random, text: SeedLikeText): string {
  const lines: string[] = [];
  const length = 40 + Math.floor(random() * 120);
  const fresh = () => text.paragraph(1 + Math.floor(random() * 5));
  for (let i = 0; i < length; i++) {
    const roll = random();
    const earlier = lines.length > 0 ? pick(random, lines) : null;
    const sentences = earlier ? sentencesOf(earlier) : [];
    if (!earlier || roll < 0.64) lines.push(fresh());
    else if (roll < 0.74) lines.push(earlier, fresh());
    else if (roll < 0.82 && sentences.length > 1) lines.push(pick(random, sentences), fresh());
    else if (roll < 0.86 && earlier.length > 80)
      lines.push(`“${earlier.slice(0, 30).trimEnd()}....${earlier.slice(-30).trimStart()}”`, fresh());
    else if (roll < 0.9) lines.push(`“${pick(random, sentences)}” ${fresh()}`);
    else if (roll < 0.94) lines.push(`${earlier}${fresh()}`);
    else lines.push(pick(random, STOCK_LINES));
  }
  if (random() < 0.5) lines.push(...lines.filter(() => random() < 0.9));
  return `${lines.join('\n')}\n`;
}

/**
 * Seed-like threads, deterministic for a given seed, as UTF-8 bytes (one buffer per thread) until
 * `totalBytes` are produced.
 */
export function* syntheticThreads(totalBytes: number, seed = 7): Generator<Buffer> {
  const random = prng(seed);
  const text = new SeedLikeText(random);
  for (let produced = 0; produced < totalBytes; ) {
    const buffer = Buffer.from(thread(random, text), 'utf8');
    produced += buffer.byteLength;
    yield buffer;
  }
}
