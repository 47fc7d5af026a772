import type { SessionUser } from '../auth/session';
import { eventListener } from '../events/listener';
import { keepAlive } from '../events/stream';
import { newestInboxReply } from './inbox';

/** Replies arriving together are checked once. */
const SETTLE_MS = 300;
const encoder = new TextEncoder();

/**
 * A reader's inbox, live: an `inbox` event (carrying nothing) whenever a reply reaches their inbox,
 * so the page shows it again. Every reply event on the instance, in any thread, is a cue to look
 * again at the newest reply the inbox holds (one indexed read, at most once per settle time); what
 * the reader sees is read by the page, under its own checks, never sent on this stream.
 */
export function inboxEventStream(user: SessionUser, signal: AbortSignal): ReadableStream<Uint8Array> {
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(timer);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let newest = await newestInboxReply(user).catch(() => null);
      const close = () => {
        stop();
        try {
          controller.close();
        } catch {}
      };
      const check = async () => {
        timer = undefined;
        try {
          const now = await newestInboxReply(user);
          if (now !== null && now !== newest) controller.enqueue(encoder.encode('event: inbox\ndata: {}\n\n'));
          newest = now;
        } catch {
          // The database is away: the next reply looks again.
        }
      };
      signal.addEventListener('abort', close, { once: true });
      controller.enqueue(encoder.encode('retry: 2000\nevent: ready\ndata: {}\n\n'));
      // A reply event, or one too large for its notification (it may be a reply), or a reconnect.
      unsubscribe = eventListener.subscribeAll((event) => {
        if (event && event.type !== 'reply') return;
        timer ??= setTimeout(() => void check(), SETTLE_MS);
      });
      heartbeat = keepAlive(controller, close);
    },
    cancel: stop,
  });
}
