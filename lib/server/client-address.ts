import { env } from './env';

/**
 * The header in which the server (scripts/serve.ts) hands Next.js — next-auth's sign-in — the
 * client address it took from the socket. The server sets it on every request it passes on,
 * replacing whatever a client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = 'x-crux-client-address';

/**
 * The address of the client a request comes from. With no trusted proxy (TRUST_PROXY=0, the
 * default) it is the socket's peer, whatever X-Forwarded-For says: any client can write that
 * header. Behind N trusted proxies, each of which appends the address it received the request
 * from, it is the entry N places from the right of X-Forwarded-For followed by the socket's peer
 * — the last address no client could choose.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | null | undefined,
  trustedHops = env().TRUST_PROXY,
): string {
  const peer = normalise(socketAddress ?? '') || 'unknown';
  if (trustedHops === 0) return peer;
  const chain = [forwardedFor ?? []]
    .flat()
    .flatMap((header) => header.split(','))
    .map((entry) => normalise(entry.trim()))
    .filter(Boolean);
  chain.push(peer);
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

/** An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; the same client either way. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
}
