/**
 * Runs once when a server instance starts (Next.js instrumentation hook): the in-memory search
 * index starts loading at once, in the background, so the first searches need not fall back to
 * Postgres. The server does not wait for it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { searchIndex } = await import('@/lib/server/search/search-claims');
  searchIndex()?.load();
}
