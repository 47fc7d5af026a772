/**
 * Runs once when a server instance starts (Next.js instrumentation hook): the search index starts
 * loading at once, in the background; searches answer 503 until it is ready. The server does not
 * wait for it (pages, tags and exports work meanwhile).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { searchEngine } = await import('@/lib/server/search/search-claims');
  searchEngine();
}
