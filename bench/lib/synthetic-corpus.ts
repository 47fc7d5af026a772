import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { prng } from './stats';

/**
 * Seed-like threads built by rule from the seed paragraphs: each thread is a shuffled run of
 * paragraphs with quote-replies inserted (whole paragraphs, single sentences, elided quotes,
 * quotes glued to their reply) and, in half of them, a second copy of the thread appended.
 * Deterministic for a given seed; returned as UTF-8 bytes, one buffer per thread.
 */
export function* syntheticThreads(totalBytes: number, seed = 7): Generator<Buffer> {
  const root = path.resolve(import.meta.dirname, '../../prisma/seed-data');
  const paragraphs = readdirSync(root)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(root, f), 'utf8').split('\n'))
    .filter((line) => line.trim().length > 0);
  const random = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  let produced = 0;
  while (produced < totalBytes) {
    const lines: string[] = [];
    const length = 60 + Math.floor(random() * 140);
    for (let i = 0; i < length; i++) {
      const roll = random();
      const earlier = lines.length ? pick(lines) : null;
      if (earlier && roll < 0.12) lines.push(earlier);
      else if (earlier && roll < 0.22) lines.push(pick(earlier.split(/(?<=[.!?]) /)));
      else if (earlier && roll < 0.26 && earlier.length > 80) lines.push(`“${earlier.slice(0, 30)}....${earlier.slice(-30)}”`);
      else if (earlier && roll < 0.3) lines.push(`${earlier}${pick(paragraphs)}`);
      else lines.push(pick(paragraphs));
    }
    if (random() < 0.5) lines.push(...lines.filter(() => random() < 0.9));
    const buffer = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    produced += buffer.byteLength;
    yield buffer;
  }
}
