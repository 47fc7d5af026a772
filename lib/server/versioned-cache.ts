/**
 * Answers remembered per version, least recently used out first, so that the same question asked
 * again is answered without doing the work again. Two users:
 *
 * - Search answers (search-claims.ts), per data version. The data version is read from Postgres on
 *   every search: the count of threads and the sum of their event counters. Every change the app
 *   makes to claims or tags records a thread event in the writer's transaction (the same rule the
 *   live layer depends on), so the version changes in the same commit as the data. An answer is
 *   only ever served for the version it was computed at: read the version, then the data; a write
 *   committed in between changes the version, and the answer, though stored, is never served for
 *   the newer one. So a cached answer is never staler than what an uncached query would see, on
 *   any number of app instances. (Searches arriving together share one version read, one that
 *   started after each of them arrived: `dataVersion`, lib/server/fresh-read.ts.)
 * - Thread revisions (thread-model.ts): a revision's passages and occurrences never change once
 *   stored, so they have one version forever.
 */

interface Entry {
  version: string;
  value: Promise<unknown>;
  weight: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  weight: number;
}

/**
 * A least-recently-used map from key to answer, bounded by total weight (rows held), with
 * identical concurrent misses sharing one computation.
 */
export class VersionedCache {
  private readonly entries = new Map<string, Entry>();
  private weight = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly budget: number) {}

  get<T>(version: string, key: string, compute: () => Promise<T>, weigh: (value: T) => number): Promise<T> {
    if (this.budget <= 0) return compute();
    const found = this.entries.get(key);
    if (found && found.version === version) {
      this.hits++;
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    this.misses++;
    if (found) this.remove(key, found);
    const value = compute();
    const entry: Entry = { version, value, weight: 1 };
    this.entries.set(key, entry);
    this.weight += entry.weight;
    value.then(
      (result) => {
        if (this.entries.get(key) !== entry) return;
        const weight = Math.max(1, weigh(result));
        this.weight += weight - entry.weight;
        entry.weight = weight;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.remove(key, entry);
      },
    );
    this.evict(key);
    return value;
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, weight: this.weight };
  }

  clear() {
    this.entries.clear();
    this.weight = 0;
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  /** Drops the least recently used answers until the total weight fits, never the one just added. */
  private evict(keep: string) {
    for (const [key, entry] of this.entries) {
      if (this.weight <= this.budget) return;
      if (key !== keep) this.remove(key, entry);
    }
    // The newest alone is over budget: it is not kept either.
    const last = this.entries.get(keep);
    if (last && this.weight > this.budget) this.remove(keep, last);
  }
}
