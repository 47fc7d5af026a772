import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertThread, insertUser } from '../support/factories';
import { sessionCookie } from '../support/session';
import { listen } from '../../scripts/lib/sse-client';
import { type RunningApp, startApp } from './support/app';

type Received = { event: string; data: string; id?: string };

/** Listens to a thread's events until `until` holds or the time runs out. */
function readEvents(url: string, until: (events: Received[]) => boolean, timeoutMs: number) {
  const events: Received[] = [];
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const stream = listen(url, (event, data, id) => {
    events.push({ event, data, id });
    if (until(events)) done();
  });
  const timer = setTimeout(done, timeoutMs);
  void finished.then(() => {
    clearTimeout(timer);
    stream.close();
  });
  return { events, connected: stream.ready, finished };
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
    const listening = readEvents(
      `${b.url}/api/threads/${thread.slug}/events`,
      (events) => events.some((e) => e.event === 'tag'),
      10_000,
    );
    await listening.connected;

    const claim = await fetch(`${a.url}/api/threads/${thread.slug}/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: a.url },
      body: JSON.stringify({
        passageId: passages[0].id,
        start: 0,
        end: 19,
        exact: 'Deceptive alignment',
        prefix: '',
        suffix: '',
      }),
    }).then((r) => r.json());
    const sent = Date.now();
    const put = await fetch(`${a.url}/api/claims/${claim.claim.id}/tag`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, origin: a.url },
      body: JSON.stringify({ axis: 'inner', confidence: 70 }),
    });
    expect(put.status).toBe(200);
    await listening.finished;
    const { events } = listening;
    const latency = Date.now() - sent;
    const tagEvent = events.find((e) => e.event === 'tag');
    expect(tagEvent, 'the other instance relayed the tag').toBeDefined();
    expect(latency).toBeLessThan(1_000);
    expect(JSON.parse(tagEvent!.data)).toMatchObject({
      claimId: claim.claim.id,
      tag: { axis: 'inner', confidence: 70 },
    });

    // A client that lost its connection resumes from Last-Event-ID and gets what it missed.
    const before = Number(tagEvent!.id) - 1;
    const replay = readEvents(
      `${b.url}/api/threads/${thread.slug}/events?since=${before}`,
      (evs) => evs.some((e) => e.event === 'tag'),
      5_000,
    );
    await replay.finished;
    expect(replay.events.find((e) => e.event === 'tag')?.id).toBe(tagEvent!.id);
  });

  it('sends a burst of events in number order, none twice, including one too large to ride in its notification', async () => {
    const { thread, passages } = await insertThread(
      ['Mesa-optimisers are a crux.', 'Outer alignment is the easier half.'],
      'live-burst',
    );
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => insertUser({ name: `Burst ${i}` })));
    const cookies = await Promise.all(users.map((u) => sessionCookie(u)));
    const claim = await fetch(`${a.url}/api/threads/${thread.slug}/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies[0], origin: a.url },
      body: JSON.stringify({
        passageId: passages[1].id,
        start: 0,
        end: 16,
        exact: 'Outer alignment ',
        prefix: '',
        suffix: '',
      }),
    }).then((r) => r.json());
    const listening = readEvents(
      `${b.url}/api/threads/${thread.slug}/events`,
      (events) => events.filter((e) => e.event === 'tag').length >= users.length,
      15_000,
    );
    await listening.connected;
    const statuses = await Promise.all(
      users.map((_, i) =>
        fetch(`${a.url}/api/claims/${claim.claim.id}/tag`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: cookies[i], origin: a.url },
          // One note of 9,000 characters: its event is announced by number only and read from the table.
          body: JSON.stringify({
            axis: i % 2 ? 'outer' : 'inner',
            confidence: i * 8,
            note: i === 5 ? 'long '.repeat(1_800) : `note ${i}`,
          }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(users.map(() => 200));
    await listening.finished;
    const tags = listening.events.filter((e) => e.event === 'tag');
    expect(tags).toHaveLength(users.length);
    const ids = tags.map((e) => Number(e.id));
    expect(ids).toEqual(ids.map((_, k) => ids[0] + k));
    expect(new Set(tags.map((e) => JSON.parse(e.data).userId))).toEqual(new Set(users.map((u) => u.id)));
    expect(tags.some((e) => JSON.parse(e.data).tag.note.length === 9_000)).toBe(true);
  });
});
