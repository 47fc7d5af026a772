import pg from 'pg';
import { env } from '../env';
import { log } from '../log';
import { EVENTS_CHANNEL, parseNotification, type ThreadEventRow } from './publish';

/**
 * Called with each new event's number and, when the notification carried it, the event itself
 * (one object shared by every stream of the instance); with null after a reconnect: catch up from
 * the table.
 */
type Subscriber = (seq: number | null, event: ThreadEventRow | null) => void;

/**
 * One LISTEN connection per app instance, shared by all of its open event streams. It reconnects
 * by itself after the database restarts; subscribers catch up from ThreadEvent rows meanwhile.
 */
class EventListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  /** Subscribers to every thread's events (the inbox): each event, or null after a reconnect or for one too large to carry. */
  private readonly everywhere = new Set<(event: ThreadEventRow | null) => void>();
  private retryDelay = 500;
  private hadConnection = false;

  subscribe(threadId: string, subscriber: Subscriber): () => void {
    const set = this.subscribers.get(threadId) ?? new Set<Subscriber>();
    this.subscribers.set(threadId, set);
    set.add(subscriber);
    void this.ensureConnected();
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(threadId);
    };
  }

  /** Every thread's events, as they arrive on this instance. */
  subscribeAll(subscriber: (event: ThreadEventRow | null) => void): () => void {
    this.everywhere.add(subscriber);
    void this.ensureConnected().catch(() => {});
    return () => {
      this.everywhere.delete(subscriber);
    };
  }

  /** Resolves once the instance is listening (or rejects when the database is unreachable). */
  ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect() {
    const client = new pg.Client({
      connectionString: env().DATABASE_URL,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    client.on('notification', (message) => this.dispatch(message.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      this.scheduleReconnect();
      throw error;
    }
    const reconnected = this.retryDelay > 500 || this.hadConnection;
    this.client = client;
    this.hadConnection = true;
    this.retryDelay = 500;
    if (reconnected) {
      for (const set of this.subscribers.values()) for (const subscriber of set) subscriber(null, null);
      for (const subscriber of this.everywhere) subscriber(null);
    }
  }

  private dispatch(message: string) {
    const notification = parseNotification(message);
    if (!notification) return;
    for (const subscriber of this.subscribers.get(notification.threadId) ?? [])
      subscriber(notification.seq, notification.event);
    for (const subscriber of this.everywhere) subscriber(notification.event);
  }

  private lost(client: pg.Client, error: Error) {
    if (this.client !== client) return;
    this.client = null;
    log.warn({ err: error.message }, 'live-event listener lost its database connection; reconnecting');
    void client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.subscribers.size === 0 && this.everywhere.size === 0) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, 5_000);
    setTimeout(() => void this.ensureConnected().catch(() => {}), delay).unref();
  }
}

const globalForEvents = globalThis as unknown as { cruxEventListener?: EventListener };

globalForEvents.cruxEventListener ??= new EventListener();

export const eventListener = globalForEvents.cruxEventListener;
