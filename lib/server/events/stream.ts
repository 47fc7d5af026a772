import { db } from '../db/client';
import { eventListener } from './listener';
import { freshRead } from '../fresh-read';
import type { ThreadEventRow } from './publish';

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

/**
 * A comment on an open event stream every 15 s, so proxies keep it open and a dead client is
 * noticed: the stream closes when the comment cannot be sent. Clear the interval on close.
 */
export function keepAlive(controller: ReadableStreamDefaultController<Uint8Array>, close: () => void) {
  return setInterval(() => {
    try {
      controller.enqueue(KEEP_ALIVE);
    } catch {
      close();
    }
  }, HEARTBEAT_MS);
}

type EventRow = ThreadEventRow;

/** The SSE frame of an event, encoded once however many streams send it. */
const frames = new WeakMap<EventRow, Uint8Array>();
function frame(row: EventRow): Uint8Array {
  let bytes = frames.get(row);
  if (!bytes) {
    bytes = encoder.encode(`id: ${row.seq}\nevent: ${row.type}\ndata: ${JSON.stringify(row.payload)}\n\n`);
    frames.set(row, bytes);
  }
  return bytes;
}

/**
 * Whether an event belongs on a stream of `layer` (null: public): an event that names a layer
 * (`group` in its payload: a tag, a reply) goes to that layer's streams only; one about the thread
 * itself (a new revision) goes to every stream; an import writes to the public layer only.
 */
export function eventInLayer(row: EventRow, layer: string | null): boolean {
  const payload = row.payload as { group?: string | null } | null;
  if (payload && typeof payload === 'object' && 'group' in payload) return (payload.group ?? null) === layer;
  return row.type === 'revision' || layer === null;
}

async function eventsAfter(threadId: string, after: number): Promise<EventRow[]> {
  return db.threadEvent.findMany({
    where: { threadId, seq: { gt: after } },
    orderBy: { seq: 'asc' },
    take: 500,
    select: { seq: true, type: true, payload: true },
  });
}

/** Each thread's shared catch-up read (freshRead), while one is under way or queued. */
const sharedReads = new Map<string, (after: number) => Promise<EventRow[]>>();

/**
 * The thread's events after `after` (up to 500), from a read shared by every stream of the thread
 * on this instance that asks meanwhile. Concurrent writes notify out of order, and each gap sends
 * every open stream of the thread to the table: ten groups of readers on one thread made as many
 * reads of the same rows. A caller joins the next read to start after its call (freshRead), and
 * that read starts after the earliest event any of its callers lacks; each stream passes over what
 * it has sent already.
 */
function sharedEventsAfter(threadId: string, after: number): Promise<EventRow[]> {
  let read = sharedReads.get(threadId);
  if (!read) {
    read = freshRead(
      (from: number) => eventsAfter(threadId, from),
      (queued, asked) => Math.min(queued, asked),
      () => sharedReads.delete(threadId),
    );
    sharedReads.set(threadId, read);
  }
  return read(after);
}

/** Where a stream starts: after the client's Last-Event-ID on reconnect, else after the newest event. */
export async function startingPoint(threadId: string, lastEventId: string | null): Promise<number> {
  if (lastEventId && /^\d{1,9}$/.test(lastEventId)) return Number(lastEventId);
  const thread = await db.thread.findUnique({ where: { id: threadId }, select: { eventSeq: true } });
  return thread?.eventSeq ?? 0;
}

/**
 * A Server-Sent Events stream of one thread's events, in number order, none skipped or sent twice.
 * An event that arrives inside its notification and is the next one due is sent at once; anything
 * else (a gap, an event too large for a notification, a reconnect) makes the stream read the rows
 * it has not sent from the table — one read at a time, however many notifications ask for it.
 */
export function threadEventStream(
  threadId: string,
  from: number,
  signal: AbortSignal,
  layer: string | null = null,
): ReadableStream<Uint8Array> {
  let lastSent = from;
  let reading = false;
  let readAgain = false;
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {}
      };
      // An event of another layer is passed over, not sent: the numbering still moves past it.
      const send = (row: EventRow) => {
        try {
          if (eventInLayer(row, layer)) controller.enqueue(frame(row));
          lastSent = row.seq;
        } catch {
          close();
        }
      };
      const catchUp = async () => {
        if (reading) {
          readAgain = true;
          return;
        }
        reading = true;
        try {
          do {
            readAgain = false;
            for (;;) {
              const rows = await sharedEventsAfter(threadId, lastSent);
              for (const row of rows) if (row.seq > lastSent) send(row);
              if (rows.length < 500) break;
            }
          } while (readAgain);
        } catch {
          // The database is away: the listener's reconnect asks for another catch-up.
        } finally {
          reading = false;
        }
      };
      const onEvent = (seq: number | null, event: EventRow | null) => {
        if (seq !== null && seq <= lastSent) return;
        if (event && event.seq === lastSent + 1) send(event);
        else void catchUp();
      };
      signal.addEventListener('abort', close, { once: true });
      controller.enqueue(encoder.encode(`retry: 2000\nevent: ready\ndata: {"lastEventId":"${from}"}\n\n`));
      unsubscribe = eventListener.subscribe(threadId, onEvent);
      heartbeat = keepAlive(controller, close);
      await eventListener.ensureConnected().catch(() => {});
      void catchUp();
    },
    cancel() {
      unsubscribe();
      clearInterval(heartbeat);
    },
  });
}
