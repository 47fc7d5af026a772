import { literal } from '../db/sql-literal';

export const EVENTS_CHANNEL = 'crux_thread_events';

/** claim/tag: one change, applied in place; revision: a new version of the text; import: many tags at once, reload them. */
export type ThreadEventType = 'claim' | 'tag' | 'revision' | 'import';

/** Events whose notification would pass this many bytes are announced by number only (NOTIFY's limit is 8,000). */
export const INLINE_PAYLOAD_BYTES = 7_000;

/**
 * The SQL that records a thread event: it takes the thread's next event number under the thread
 * row's lock (held to commit, so events of a thread commit in number order and a reader that has
 * seen number n has seen everything before it), stores the event, and NOTIFYs every app instance
 * (delivered when the transaction commits, in commit order). The notification carries the event
 * itself when it fits — `threadId:seq:type:payload` — so no instance has to read it back; a larger
 * one carries `threadId:seq` and is read from the table. Run it as the last statement of the
 * writer's transaction, so the lock is held only for the commit. Parameters: $1 thread id,
 * $2 type, $3 payload (JSON text).
 */
export const RECORD_EVENT_SQL = `
  WITH numbered AS (
    UPDATE "Thread" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = $1::uuid RETURNING "eventSeq"
  ), event AS (
    INSERT INTO "ThreadEvent" ("threadId", "seq", "type", "payload")
    SELECT $1::uuid, numbered."eventSeq", $2::text, $3::jsonb FROM numbered
    RETURNING "seq", "type", "payload"::text AS "json"
  )
  SELECT pg_notify('${EVENTS_CHANNEL}',
           $1::text || ':' || event."seq" ||
           CASE WHEN octet_length(event."json") <= ${INLINE_PAYLOAD_BYTES} THEN ':' || event."type" || ':' || event."json" ELSE '' END
         )::text AS "notified"
  FROM event`;

/**
 * The SQL that records several events of one thread, numbered in the order given, as
 * RECORD_EVENT_SQL does one: the thread row is updated once, whatever the number of events, and
 * the notifications go out in number order.
 */
export function recordEventsSql(threadId: string, events: { type: ThreadEventType; payload: unknown }[]): string {
  const rows = events.map((event, i) => `(${i + 1}, ${literal(event.type)}::text, ${literal(JSON.stringify(event.payload))}::jsonb)`);
  return `
  WITH numbered AS (
    UPDATE "Thread" SET "eventSeq" = "eventSeq" + ${events.length} WHERE "id" = ${literal(threadId)}::uuid RETURNING "eventSeq" - ${events.length} AS "base"
  ), event AS (
    INSERT INTO "ThreadEvent" ("threadId", "seq", "type", "payload")
    SELECT ${literal(threadId)}::uuid, numbered."base" + e."n", e."type", e."payload"
    FROM numbered, (VALUES ${rows.join(', ')}) AS e("n", "type", "payload")
    RETURNING "seq", "type", "payload"::text AS "json"
  )
  SELECT pg_notify('${EVENTS_CHANNEL}',
           ${literal(threadId)}::text || ':' || e."seq" ||
           CASE WHEN octet_length(e."json") <= ${INLINE_PAYLOAD_BYTES} THEN ':' || e."type" || ':' || e."json" ELSE '' END
         )::text AS "notified"
  FROM (SELECT * FROM event ORDER BY "seq") e`;
}

/** An event as delivered live: its number, type and payload. */
export interface ThreadEventRow {
  seq: number;
  type: string;
  payload: unknown;
}

/** A notification read back: the thread, the event's number and, when it fitted, the event itself. */
export function parseNotification(message: string): { threadId: string; seq: number; event: ThreadEventRow | null } | null {
  const first = message.indexOf(':');
  const second = first < 0 ? -1 : message.indexOf(':', first + 1);
  const threadId = message.slice(0, first);
  const seq = Number(second < 0 ? message.slice(first + 1) : message.slice(first + 1, second));
  if (first <= 0 || !Number.isInteger(seq) || seq <= 0) return null;
  if (second < 0) return { threadId, seq, event: null };
  const third = message.indexOf(':', second + 1);
  if (third < 0) return { threadId, seq, event: null };
  try {
    return { threadId, seq, event: { seq, type: message.slice(second + 1, third), payload: JSON.parse(message.slice(third + 1)) } };
  } catch {
    return { threadId, seq, event: null };
  }
}
