import { db } from './db/client';
import { ApiError } from './http/errors';

export interface RateRule {
  /** What is limited, e.g. "signin-ip". */
  name: string;
  limit: number;
  windowSeconds: number;
}

export const RULES = {
  signInPerIp: { name: 'signin-ip', limit: 30, windowSeconds: 15 * 60 },
  signInPerEmail: { name: 'signin-email', limit: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { name: 'signup-ip', limit: 20, windowSeconds: 60 * 60 },
  // Invite links are secrets: creating many floods a group, guessing tokens is what the join limits stop.
  invitesPerUser: { name: 'invite-user', limit: 30, windowSeconds: 60 * 60 },
  joinsPerIp: { name: 'join-ip', limit: 30, windowSeconds: 15 * 60 },
  joinsPerUser: { name: 'join-user', limit: 20, windowSeconds: 15 * 60 },
} satisfies Record<string, RateRule>;

/**
 * Counts one attempt against a fixed window kept in Postgres, so every app instance sees the same
 * count. One atomic upsert: a new window starts when the old one has ended.
 */
export async function hit(rule: RateRule, subject: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const key = `${rule.name}:${subject.toLowerCase()}`;
  const rows = await db.$queryRaw<{ count: number; retry: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now()
                       THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE "RateLimit"."resetAt" END
    RETURNING "count", CEIL(EXTRACT(EPOCH FROM ("resetAt" - now())))::int AS "retry"`;
  const { count, retry } = rows[0];
  if (Math.random() < 0.01) await db.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" < now()`;
  return { allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, retry) };
}

export async function enforce(rule: RateRule, subject: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await hit(rule, subject);
  if (!allowed) {
    throw new ApiError('rate_limited', `Too many attempts; try again in ${retryAfterSeconds} s.`, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
