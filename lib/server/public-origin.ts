import { env } from './env';

/**
 * The site's public origin — the one every IRI, export link and redirect is built from: `PUBLIC_URL`,
 * else `NEXTAUTH_URL`, else `http://localhost:$PORT`. Never read from a request's Host or
 * X-Forwarded-* headers, which any client can set: an IRI written into the shared layer must name
 * this site, whoever asked for it.
 */
export function publicOrigin(): string {
  const { PUBLIC_URL, NEXTAUTH_URL, PORT } = env();
  return (PUBLIC_URL ?? NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
}
