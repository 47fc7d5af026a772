import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): time-ordered, so rows inserted together sit together in the primary-key
 * index. Generated here when many rows that refer to each other are inserted in one batch. The 74
 * random bits (and the variant) come from a random UUIDv4, which Node draws from a cached pool of
 * entropy: one call for random bytes per id would cost several times the rest of the id.
 */
export function uuidv7(now = Date.now()): string {
  // The 48 bits of time as two halves of 24: small integers, which print in hex far faster than
  // a number past 2^31 does.
  const time =
    Math.floor(now / 0x1000000)
      .toString(16)
      .padStart(6, '0') + (now % 0x1000000).toString(16).padStart(6, '0');
  // A v4 reads xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx: its random parts after the version digit are kept.
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
