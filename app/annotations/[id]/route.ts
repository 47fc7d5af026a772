import { resolveAnnotation } from '@/lib/server/annotations/resolve-iris';
import { iriRoute } from '@/lib/server/http/iri-route';

/** An annotation's IRI: its JSON-LD (Accept: application/ld+json), or the claim in the reader. */
export const GET = iriRoute<{ id: string }>('This annotation', ({ id }, _url, origin, req) =>
  resolveAnnotation(id, origin, req.headers),
);
