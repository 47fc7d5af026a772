/**
 * The thread both reader benchmarks open: generated paragraphs (every tenth quoting the one before,
 * as quote-replies do), stored as an upload is, with 100 readers' tags on it, five to a claim.
 */
import { insertUsers, tagThread } from './generate-claims';

const WORDS = [
  'alignment',
  'reward',
  'model',
  'training',
  'goal',
  'agent',
  'values',
  'oversight',
  'deception',
  'gradient',
  'policy',
  'human',
];

export function threadText(paragraphs: number): string {
  const lines: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const sentence = (k: number) =>
      `Paragraph ${i} makes point ${k} about ${WORDS[(i + k) % WORDS.length]} and ${WORDS[(i * 7 + k) % WORDS.length]}.`;
    lines.push(
      i % 10 === 9
        ? `${sentence(0).replace(String(i), String(i - 1))} And a reply to it.`
        : `${sentence(0)} ${sentence(1)} ${sentence(2)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Stores the thread in the database at `url` (DATABASE_URL must already point there) and tags it. */
export async function storeReaderThread(url: string, paragraphs: number, tags: number) {
  const { storeThreads } = await import('../../lib/server/threads/ingest-thread');
  const { prepareThread } = await import('../../lib/server/threads/prepare-thread');
  const [thread] = await storeThreads([
    prepareThread({ bytes: Buffer.from(threadText(paragraphs)), format: 'text', title: 'Reader benchmark thread' }),
  ]);
  const taggers = await insertUsers(url, 100, 'Tagger');
  const tagged = await tagThread(url, thread.slug, taggers, tags / 5, 5);
  console.log(
    `Thread: ${thread.lines} paragraphs, ${thread.passages} passages; ${tagged.claims} claims with ${tagged.tags} tags.`,
  );
  return { thread, tagged };
}
