import type { Prisma } from '@/lib/generated/prisma/client';

export const EVENTS_CHANNEL = 'crux_thread_events';

export type ThreadEventType = 'claim' | 'tag' | 'revision';

/**
 * Records a thread event and notifies every app instance listening on the channel. Called inside
 * the writer's transaction: Postgres delivers the NOTIFY only when it commits, and the row lets a
 * reader that lost its connection catch up from the last event id it saw.
 */
export async function publishThreadEvent(
  tx: Prisma.TransactionClient,
  threadId: string,
  type: ThreadEventType,
  payload: Prisma.InputJsonValue,
): Promise<bigint> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    WITH event AS (
      INSERT INTO "ThreadEvent" ("threadId", "type", "payload") VALUES (${threadId}::uuid, ${type}, ${JSON.stringify(payload)}::jsonb)
      RETURNING "id"
    )
    SELECT "id", pg_notify(${EVENTS_CHANNEL}, ${threadId} || ':' || "id")::text AS "notified" FROM event`;
  return rows[0].id;
}
