import { resolveReply } from '@/lib/server/annotations/resolve-iris';
import { iriRoute } from '@/lib/server/http/iri-route';

/** A reply's IRI (a `replying` annotation): its JSON-LD, or the claim in the reader. */
export const GET = iriRoute<{ id: string }>('This reply', ({ id }, _url, origin, req) =>
  resolveReply(id, origin, req.headers),
);
