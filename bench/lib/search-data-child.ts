/**
 * Generates the search data set in a process of its own (see `generateSearchDataApart`): the
 * million tag rows it builds are gone with it, rather than left for the load generator's garbage
 * collector to work through while the benchmark measures.
 */
import { generateSearchData, type SearchDataSize } from './generate-search-data';

process.once('message', async ({ url, size }: { url: string; size: SearchDataSize }) => {
  try {
    const result = await generateSearchData(url, size);
    process.send?.({ result }, () => process.exit(0));
  } catch (error) {
    process.send?.({ error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
