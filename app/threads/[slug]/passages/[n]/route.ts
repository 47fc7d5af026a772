import { resolvePassage } from '@/lib/server/annotations/resolve-iris';
import { iriRoute } from '@/lib/server/http/iri-route';

/** A passage's IRI (`n` its 0-based ordinal): the reader at that paragraph. */
export const GET = iriRoute<{ slug: string; n: string }>('This passage', ({ slug, n }, _url, origin) =>
  resolvePassage(slug, n, origin),
);
