import type { Context } from 'hono';
import type { SessionUser } from '../auth/session';
import { clientAddress } from '../client-address';

/**
 * What the API app is given and keeps per request. `remoteAddress` is the socket's peer, handed
 * over by the server (scripts/serve.ts); `user` is the session's reader, or null.
 */
export interface ApiEnv {
  Bindings: { remoteAddress?: string };
  Variables: { user: SessionUser | null };
}

/** The same, on a route that only signed-in readers reach (see `signedIn`). */
export interface SignedInEnv {
  Variables: { user: SessionUser };
}

/** Who is asking, as far as rate limits go: the socket's peer, or a trusted proxy's view (TRUST_PROXY). */
export function clientAddressOf(c: Context<ApiEnv>): string {
  return clientAddress(c.env?.remoteAddress, c.req.header('x-forwarded-for'));
}
