import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertThread, insertUser } from '../support/factories';
import { sessionCookie } from '../support/session';
import { type RunningApp, startApp } from './support/app';

/** Reads Server-Sent Events from a stream until `until` returns true or the time runs out. */
async function readEvents(url: string, until: (events: { event: string; data: string; id?: string }[]) => boolean, timeoutMs: number) {
  const controller = new AbortController();
  const events: { event: string; data: string; id?: string }[] = [];
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(frame.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
        if (fields.event) events.push({ event: fields.event, data: fields.data, id: fields.id });
        end = buffer.indexOf('\n\n');
      }
      if (until(events)) break;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('live events across app instances', () => {
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApp(), startApp()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('delivers a tag written through one instance to an SSE client of the other within a second, and replays it after a drop', async () => {
    const { thread, passages } = await insertThread(['Deceptive alignment needs a concrete story.'], 'live-thread');
    const user = await insertUser({ name: 'Live Tagger' });
    const cookie = await sessionCookie(user);
    const listening = readEvents(`${b.url}/api/threads/${thread.slug}/events`, (events) => events.some((e) => e.event === 'tag'), 10_000);
    await new Promise((r) => setTimeout(r, 500));

    const claim = await fetch(`${a.url}/api/threads/${thread.slug}/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: a.url },
      body: JSON.stringify({ passageId: passages[0].id, start: 0, end: 19, exact: 'Deceptive alignment', prefix: '', suffix: '' }),
    }).then((r) => r.json());
    const sent = Date.now();
    const put = await fetch(`${a.url}/api/claims/${claim.claim.id}/tag`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, origin: a.url },
      body: JSON.stringify({ axis: 'inner', confidence: 70 }),
    });
    expect(put.status).toBe(200);
    const events = await listening;
    const latency = Date.now() - sent;
    const tagEvent = events.find((e) => e.event === 'tag');
    expect(tagEvent, 'the other instance relayed the tag').toBeDefined();
    expect(latency).toBeLessThan(1_000);
    expect(JSON.parse(tagEvent!.data)).toMatchObject({ claimId: claim.claim.id, tag: { axis: 'inner', confidence: 70 } });

    // A client that lost its connection resumes from Last-Event-ID and gets what it missed.
    const before = Number(tagEvent!.id) - 1;
    const replay = await readEvents(`${b.url}/api/threads/${thread.slug}/events?since=${before}`, (evs) => evs.some((e) => e.event === 'tag'), 5_000);
    expect(replay.find((e) => e.event === 'tag')?.id).toBe(tagEvent!.id);
  });
});
