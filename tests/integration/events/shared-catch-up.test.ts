import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/server/db/client';
import { threadEventStream } from '@/lib/server/events/stream';
import { insertThread, insertUser } from '../../support/factories';
import { tagPassage } from '../../support/tagging';

/** Reads a stream's frames until it has sent `count` events (`id:` lines), then stops it. */
async function firstEvents(stream: ReadableStream<Uint8Array>, count: number, stop: AbortController) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while ((text.match(/^id: /gm) ?? []).length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  stop.abort();
  await reader.cancel().catch(() => {});
  return [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
}

afterEach(() => vi.restoreAllMocks());

describe('catching up from the event table', () => {
  it('is one read shared by the streams of a thread that ask at once, each still sent every event once, in order', async () => {
    const reader = await insertUser({ name: 'Fan Out' });
    const { thread, passages } = await insertThread(['One claim.', 'Two claims.', 'Three claims.'], 'fan-out');
    for (const passage of passages) await tagPassage(thread.slug, passage, reader, { axis: 'inner', confidence: 50 });
    const { eventSeq } = await db.thread.findUniqueOrThrow({ where: { id: thread.id }, select: { eventSeq: true } });
    expect(eventSeq).toBeGreaterThanOrEqual(3);

    const reads = vi.spyOn(db.threadEvent, 'findMany');
    // Twelve readers reconnecting from the start at once: each must catch up on every event.
    const streams = Array.from({ length: 12 }, () => {
      const stop = new AbortController();
      return firstEvents(threadEventStream(thread.id, 0, stop.signal), eventSeq, stop);
    });
    const received = await Promise.all(streams);
    for (const ids of received) expect(ids).toEqual(Array.from({ length: eventSeq }, (_, i) => i + 1));
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
