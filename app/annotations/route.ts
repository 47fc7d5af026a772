import { resolveCollection } from '@/lib/server/annotations/resolve-collection';
import { iriRoute } from '@/lib/server/http/iri-route';

/** An annotation collection's IRI: its JSON-LD (`&page=0`: its page), or the crux page of the same selection. */
export const GET = iriRoute('This collection', (_params, url, origin, req) =>
  resolveCollection(url, origin, req.headers),
);
