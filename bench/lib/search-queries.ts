import { prng } from './stats';
import { NOUNS, TYPOS } from './vocabulary';

export type QueryShape = 'text' | 'facets' | 'text+facets' | 'typo';

export interface BenchQuery {
  shape: QueryShape;
  params: Record<string, string>;
}

const AXES = ['outer', 'inner', 'both', 'other'];

/** 1,000 mixed queries (a quarter of each shape), the same every run. */
export function benchQueries(count: number, threads: number): BenchQuery[] {
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const facets = (): Record<string, string> => {
    const f: Record<string, string> = {};
    const roll = random();
    if (roll < 0.3) f.axis = pick(AXES);
    else if (roll < 0.5) f.crux = 'true';
    else if (roll < 0.65) f.minDisagreement = String(Math.round(random() * 40) / 100);
    else if (roll < 0.8) f.thread = `bench-thread-${1 + Math.floor(random() * threads)}`;
    else {
      f.minConfidence = String(Math.floor(random() * 50));
      f.maxConfidence = String(50 + Math.floor(random() * 50));
    }
    if (random() < 0.3) f.concreteStory = 'true';
    if (random() < 0.3) f.sort = pick(['disagreement', 'tagged', 'newest']);
    return f;
  };
  const words = () => (random() < 0.5 ? pick(NOUNS) : `${pick(NOUNS)} ${pick(NOUNS)}`);
  const typoWords = Object.values(TYPOS);
  return Array.from({ length: count }, (_, i): BenchQuery => {
    switch (i % 4) {
      case 0:
        return { shape: 'text', params: { q: words() } };
      case 1:
        return { shape: 'facets', params: facets() };
      case 2:
        return { shape: 'text+facets', params: { q: words(), ...facets() } };
      default:
        return { shape: 'typo', params: { q: pick(typoWords) } };
    }
  });
}
