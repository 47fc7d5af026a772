import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Random = () => number;

/** Longest generated sentence, in words: the chain sometimes wanders without meeting a full stop. */
const MAX_SENTENCE_WORDS = 40;

/**
 * New paragraphs that read like the seed threads (same words, punctuation, curly quotes, "§2.4",
 * footnote markers), from a word-pair chain trained on the seed files: each text is new, so a
 * thread built from them repeats only what is inserted on purpose.
 */
export class SeedLikeText {
  private readonly next = new Map<string, string[]>();
  private readonly openers: string[] = [];

  constructor(private readonly random: Random) {
    const root = path.resolve(import.meta.dirname, '../../prisma/seed-data');
    for (const file of readdirSync(root).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(path.join(root, file), 'utf8').split('\n')) {
        const words = line.split(/\s+/).filter(Boolean);
        words.forEach((word, i) => {
          if (i === 0 || /[.!?]$/.test(words[i - 1])) this.openers.push(word);
          if (i + 1 < words.length) this.follow(word).push(words[i + 1]);
        });
      }
    }
  }

  private follow(word: string): string[] {
    const list = this.next.get(word) ?? [];
    this.next.set(word, list);
    return list;
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  sentence(): string {
    const words = [this.pick(this.openers)];
    while (words.length < MAX_SENTENCE_WORDS && !/[.!?]$/.test(words[words.length - 1])) {
      const choices = this.next.get(words[words.length - 1]);
      if (!choices?.length) break;
      words.push(this.pick(choices));
    }
    const text = words.join(' ');
    return /[.!?]$/.test(text) ? text : `${text}.`;
  }

  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(' ');
  }
}
