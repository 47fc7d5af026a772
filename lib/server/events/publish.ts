export const EVENTS_CHANNEL = 'crux_thread_events';

/** claim/tag: one change, applied in place; revision: a new version of the text; import: many tags at once, reload them. */
export type ThreadEventType = 'claim' | 'tag' | 'revision' | 'import';

/**
 * The SQL that records a thread event: it takes the thread's next event number under the thread
 * row's lock (held to commit, so events of a thread commit in number order and a reader that has
 * seen number n has seen everything before it), stores the event, and NOTIFYs every app instance
 * (delivered when the transaction commits). Run it as the last statement of the writer's
 * transaction, so the lock is held only for the commit. Parameters: $1 thread id, $2 type, $3 payload.
 */
export const RECORD_EVENT_SQL = `
  WITH numbered AS (
    UPDATE "Thread" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = $1::uuid RETURNING "eventSeq"
  ), event AS (
    INSERT INTO "ThreadEvent" ("threadId", "seq", "type", "payload")
    SELECT $1::uuid, numbered."eventSeq", $2, $3::jsonb FROM numbered
    RETURNING "seq"
  )
  SELECT pg_notify('${EVENTS_CHANNEL}', $1::text || ':' || event."seq")::text AS "notified" FROM event`;
