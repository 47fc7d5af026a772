import { db } from '../db/client';
import { eventListener } from './listener';

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

interface EventRow {
  seq: number;
  type: string;
  payload: unknown;
}

function frame(row: EventRow): Uint8Array {
  return encoder.encode(`id: ${row.seq}\nevent: ${row.type}\ndata: ${JSON.stringify(row.payload)}\n\n`);
}

async function eventsAfter(threadId: string, after: number): Promise<EventRow[]> {
  return db.threadEvent.findMany({
    where: { threadId, seq: { gt: after } },
    orderBy: { seq: 'asc' },
    take: 500,
    select: { seq: true, type: true, payload: true },
  });
}

/** Where a stream starts: after the client's Last-Event-ID on reconnect, else after the newest event. */
export async function startingPoint(threadId: string, lastEventId: string | null): Promise<number> {
  if (lastEventId && /^\d{1,9}$/.test(lastEventId)) return Number(lastEventId);
  const thread = await db.thread.findUnique({ where: { id: threadId }, select: { eventSeq: true } });
  return thread?.eventSeq ?? 0;
}

/**
 * A Server-Sent Events stream of one thread's events. Each NOTIFY (from any app instance) makes it
 * read the rows it has not sent yet, in order, so nothing is skipped or sent twice.
 */
export function threadEventStream(threadId: string, from: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  let lastSent = from;
  let pending: Promise<void> = Promise.resolve();
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
      const catchUp = () => {
        pending = pending.then(async () => {
          for (;;) {
            const rows = await eventsAfter(threadId, lastSent);
            for (const row of rows) controller.enqueue(frame(row));
            if (rows.length) lastSent = rows[rows.length - 1].seq;
            if (rows.length < 500) return;
          }
        }).catch(() => {});
      };
      signal.addEventListener('abort', close, { once: true });
      controller.enqueue(encoder.encode(`retry: 2000\nevent: ready\ndata: {"lastEventId":"${from}"}\n\n`));
      unsubscribe = eventListener.subscribe(threadId, catchUp);
      heartbeat = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(': keep-alive\n\n'));
        } catch {
          close();
        }
      }, HEARTBEAT_MS);
      await eventListener.ensureConnected().catch(() => {});
      catchUp();
    },
    cancel() {
      unsubscribe();
      clearInterval(heartbeat);
    },
  });
}
