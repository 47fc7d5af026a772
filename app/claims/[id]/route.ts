import { resolveClaim } from '@/lib/server/annotations/resolve-iris';
import { iriRoute } from '@/lib/server/http/iri-route';

/** A claim's IRI (the target of its annotations): its JSON-LD, or the claim in the reader. */
export const GET = iriRoute<{ id: string }>('This claim', ({ id }, _url, origin, req) =>
  resolveClaim(id, origin, req.headers),
);
