import type { Statement } from '../db/pg-pool';

export const EVENTS_CHANNEL = 'crux_thread_events';

/**
 * claim/tag: one change, applied in place; reply: a reply written, edited or deleted; revision: a
 * new version of the text; import: many tags at once, reload them.
 */
export type ThreadEventType = 'claim' | 'tag' | 'reply' | 'revision' | 'import';

/** Events whose notification would pass this many bytes are announced by number only (NOTIFY's limit is 8,000). */
export const INLINE_PAYLOAD_BYTES = 7_000;

const RECORD_EVENTS = `
  WITH numbered AS (
    UPDATE "Thread" SET "eventSeq" = "eventSeq" + jsonb_array_length($2::jsonb)
    WHERE "id" = $1::uuid RETURNING "eventSeq" - jsonb_array_length($2::jsonb) AS "base"
  ), event AS (
    INSERT INTO "ThreadEvent" ("threadId", "seq", "type", "payload")
    SELECT $1::uuid, numbered."base" + e."n", e."event"->>'type', e."event"->'payload'
    FROM numbered, jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e("event", "n")
    RETURNING "seq", "type", "payload"::text AS "json"
  )
  SELECT pg_notify('${EVENTS_CHANNEL}',
           $1::text || ':' || e."seq" ||
           CASE WHEN octet_length(e."json") <= ${INLINE_PAYLOAD_BYTES} THEN ':' || e."type" || ':' || e."json" ELSE '' END
         )::text AS "notified"
  FROM (SELECT * FROM event ORDER BY "seq") e`;

/**
 * The statement that records events of one thread: it takes the thread's next event numbers under
 * the thread row's lock (held to commit, so events of a thread commit in number order and a reader
 * that has seen number n has seen everything before it) — one update of the row whatever the
 * number of events — stores the events in the order given, and NOTIFYs every app instance of each,
 * in number order (delivered when the transaction commits, in commit order). A notification
 * carries the event itself when it fits — `threadId:seq:type:payload` — so no instance has to read
 * it back; a larger one carries `threadId:seq` and is read from the table. Run it as the last
 * statement of the writer's transaction, so the lock is held only for the commit. The events go as
 * one JSON parameter.
 */
export function recordEvents(
  threadId: string,
  events: { type: ThreadEventType; payload: unknown }[],
): Required<Statement> {
  return { text: RECORD_EVENTS, values: [threadId, JSON.stringify(events)] };
}

/** An event as delivered live: its number, type and payload. */
export interface ThreadEventRow {
  seq: number;
  type: string;
  payload: unknown;
}

/** A notification read back: the thread, the event's number and, when it fitted, the event itself. */
export function parseNotification(
  message: string,
): { threadId: string; seq: number; event: ThreadEventRow | null } | null {
  const first = message.indexOf(':');
  const second = first < 0 ? -1 : message.indexOf(':', first + 1);
  const threadId = message.slice(0, first);
  const seq = Number(second < 0 ? message.slice(first + 1) : message.slice(first + 1, second));
  if (first <= 0 || !Number.isInteger(seq) || seq <= 0) return null;
  if (second < 0) return { threadId, seq, event: null };
  const third = message.indexOf(':', second + 1);
  if (third < 0) return { threadId, seq, event: null };
  try {
    return {
      threadId,
      seq,
      event: { seq, type: message.slice(second + 1, third), payload: JSON.parse(message.slice(third + 1)) },
    };
  } catch {
    return { threadId, seq, event: null };
  }
}
