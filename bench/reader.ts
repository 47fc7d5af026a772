/**
 * `npm run bench:reader`: on a generated 2,000-paragraph thread with 10,000 tags, against the
 * production app: the reader page's server response time, the JavaScript it ships (gzip), the tag
 * write throughput with 64 concurrent clients (autocannon), and the write→SSE latency seen by a
 * live reader during that load; then the fan-out to reading circles: 10 groups of 6 readers, every
 * one subscribed to the same thread on the group's layer while the groups tag their own claims on
 * it, each tag's latency from its write to every member's stream (and any event reaching a stream
 * of another layer counted) — in one run. Writes bench/results/reader.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { startApp } from '../scripts/lib/app-server';
import { buildIfNeeded } from '../scripts/lib/build';
import { benchDatabase } from './lib/bench-database';
import { insertUsers } from './lib/generate-claims';
import { storeReaderThread } from './lib/reader-thread';
import { listen } from '../scripts/lib/sse-client';
import { summarise } from './lib/stats';
import { uuidv7 } from '../lib/server/db/uuid';

const PARAGRAPHS = 2_000;
const TAGS = 10_000;
const CLIENTS = 64;
const WRITES = Number(process.env.BENCH_WRITES ?? 6_400);
const SECRET = 'bench-secret-bench-secret-bench-secret';
/**
 * autocannon ends a run at its next sample tick, so the run's duration (and the rate worked out from
 * it) comes in steps of one sample interval: at its default of 1 s, 6,400 writes read as 1,280, 1,067
 * or 914 per second and nothing between. Sampled every 20 ms, the step is under 0.5 %.
 */
const SAMPLE_MS = 20;
const GROUPS = 10;
const GROUP_READERS = 6;
const GROUP_WRITES = Number(process.env.BENCH_GROUP_WRITES ?? 3_000);

const database = await benchDatabase('crux_bench_reader');
process.env.DATABASE_URL = database.url;
try {
  const { closeDatabase, db } = await import('../lib/server/db/client');
  const { thread, tagged } = await storeReaderThread(database.url, PARAGRAPHS, TAGS);

  await buildIfNeeded();
  const app = await startApp({ DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET, DB_POOL_SIZE: '32' });
  try {
    // 1. The reader page: server response time (full HTML), and the JavaScript it loads.
    const page = `${app.url}/threads/${thread.slug}`;
    for (let i = 0; i < 3; i++) await (await fetch(page)).text();
    const times: number[] = [];
    let html = '';
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      html = await (await fetch(page)).text();
      times.push(performance.now() - started);
    }
    // Scripts a current browser loads: `nomodule` ones (legacy polyfills) are skipped by it.
    const scripts = [
      ...new Set(
        [...html.matchAll(/<script([^>]*)src="([^"]+\.js[^"]*)"([^>]*)>/g)]
          .filter((m) => !/nomodule/i.test(m[1] + m[3]))
          .map((m) => m[2]),
      ),
    ];
    let jsGzipBytes = 0;
    for (const src of scripts)
      jsGzipBytes += gzipSync(Buffer.from(await (await fetch(new URL(src, app.url))).arrayBuffer())).byteLength;
    // The list the reader's panel loads (the summary), and the full list other tools read.
    const claimsApi: number[] = [];
    const claimsFullApi: number[] = [];
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      await (await fetch(`${app.url}/api/threads/${thread.slug}/claims/summary`)).arrayBuffer();
      claimsApi.push(performance.now() - started);
      started = performance.now();
      await (await fetch(`${app.url}/api/threads/${thread.slug}/claims`)).arrayBuffer();
      claimsFullApi.push(performance.now() - started);
    }

    // 2. Tag writes: 64 clients, each a different reader, each write a new tag on a claim.
    const writers = await insertUsers(database.url, CLIENTS, 'Writer');
    const cookies = await Promise.all(
      writers.map(
        async (w) =>
          `next-auth.session-token=${await encode({ token: { uid: w.id, name: w.name, role: 'USER' }, secret: SECRET })}`,
      ),
    );
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    const sse = listen(`${app.url}/api/threads/${thread.slug}/events`, (event, data) => {
      if (event !== 'tag') return;
      const { claimId, userId } = JSON.parse(data) as { claimId: string; userId: string };
      const at = sent.get(`${claimId}:${userId}`);
      if (at !== undefined) latencies.push(performance.now() - at);
    });
    await sse.ready;
    let next = 0;
    const result = await autocannon({
      url: app.url,
      connections: CLIENTS,
      amount: WRITES,
      sampleInt: SAMPLE_MS,
      requests: [
        {
          method: 'PUT',
          setupRequest: (request) => {
            const n = next++;
            const writer = n % CLIENTS;
            const claimId = tagged.claimIds[Math.floor(n / CLIENTS) % tagged.claimIds.length];
            sent.set(`${claimId}:${writers[writer].id}`, performance.now());
            return {
              ...request,
              path: `/api/claims/${claimId}/tag`,
              headers: { 'content-type': 'application/json', cookie: cookies[writer] },
              body: JSON.stringify({ axis: 'inner', confidence: (n * 37) % 101 }),
            };
          },
        },
      ],
    });
    await new Promise((r) => setTimeout(r, 1500));

    // The framework's own floor on this machine: the same PUT, signed in, read and validated, but
    // refused by validation (an unknown axis) before any database work.
    const floor = await autocannon({
      url: `${app.url}/api/claims/${tagged.claimIds[0]}/tag`,
      connections: CLIENTS,
      amount: WRITES,
      sampleInt: SAMPLE_MS,
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: cookies[0] },
      body: JSON.stringify({ axis: 'sideways', confidence: 50 }),
    });

    // 3. The same path without a queue in front of it: one write at a time, from sending it to its event.
    const paced: number[] = [];
    for (let k = 0; k < 200; k++) {
      const claimId = tagged.claimIds[(k * 7) % tagged.claimIds.length];
      const writer = writers[k % CLIENTS];
      const key = `${claimId}:${writer.id}`;
      const before = latencies.length;
      const current = await db.tag.findUnique({
        where: { claimId_userId: { claimId, userId: writer.id } },
        select: { version: true },
      });
      sent.set(key, performance.now());
      await fetch(`${app.url}/api/claims/${claimId}/tag`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: cookies[k % CLIENTS] },
        body: JSON.stringify({ axis: 'outer', confidence: k % 101, version: current?.version }),
      });
      const deadline = performance.now() + 5_000;
      while (latencies.length === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      if (latencies.length > before) paced.push(latencies[latencies.length - 1]);
    }
    sse.close();
    const stored = await db.tag.count({ where: { userId: { in: writers.map((w) => w.id) } } });

    // 4. Fan-out to reading circles: 10 groups of 6 members each, all 60 subscribed to this thread on
    // their group's layer (and one reader on the public layer), while every member tags the group's
    // own claims on it (60 clients, each write a new tag). A group's claims sit on the spans of public ones.
    const members = await insertUsers(database.url, GROUPS * GROUP_READERS, 'Circle member');
    const claimsPerGroup = Math.ceil(GROUP_WRITES / members.length);
    const groupOf = (m: number) => Math.floor(m / GROUP_READERS);
    const groups = Array.from({ length: GROUPS }, () => ({ id: uuidv7(), claimIds: [] as string[] }));
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    await sql.query(
      `INSERT INTO "Group" ("id", "name", "ownerId") SELECT id, name, owner FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS g(id, name, owner)`,
      [
        groups.map((g) => g.id),
        groups.map((_, g) => `Circle ${g + 1}`),
        groups.map((_, g) => members[g * GROUP_READERS].id),
      ],
    );
    await sql.query(
      `INSERT INTO "Membership" ("groupId", "userId", "role") SELECT g, u, r::"MemberRole" FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS m(g, u, r)`,
      [
        members.map((_, m) => groups[groupOf(m)].id),
        members.map((u) => u.id),
        members.map((_, m) => (m % GROUP_READERS === 0 ? 'owner' : 'member')),
      ],
    );
    const sources: string[] = [];
    for (const [g, group] of groups.entries())
      for (let k = 0; k < claimsPerGroup; k++) {
        group.claimIds.push(uuidv7());
        sources.push(tagged.claimIds[(g * claimsPerGroup + k) % tagged.claimIds.length]);
      }
    await sql.query(
      `INSERT INTO "Claim" ("id", "threadId", "passageId", "start", "end", "exact", "prefix", "suffix", "groupId", "updatedAt")
       SELECT n.id, c."threadId", c."passageId", c."start", c."end", c."exact", c."prefix", c."suffix", n.g, now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS n(id, source, g) JOIN "Claim" c ON c."id" = n.source`,
      [groups.flatMap((g) => g.claimIds), sources, groups.flatMap((g) => g.claimIds.map(() => g.id))],
    );
    await sql.end();
    const memberCookies = await Promise.all(
      members.map(
        async (m) =>
          `next-auth.session-token=${await encode({ token: { uid: m.id, name: m.name, role: 'USER' }, secret: SECRET })}`,
      ),
    );
    const groupOfClaim = new Map(groups.flatMap((g, n) => g.claimIds.map((id) => [id, n] as const)));
    const fanSent = new Map<string, number>();
    const fanLatencies: number[] = [];
    let otherLayer = 0;
    let publicSaw = 0;
    const streams = members.map((_, at) =>
      listen(
        `${app.url}/api/threads/${thread.slug}/events?group=${groups[groupOf(at)].id}`,
        (event, data) => {
          if (event !== 'tag') return;
          const { claimId, userId } = JSON.parse(data) as { claimId: string; userId: string };
          if (groupOfClaim.get(claimId) !== groupOf(at)) otherLayer++;
          const sentAt = fanSent.get(`${claimId}:${userId}`);
          if (sentAt !== undefined) fanLatencies.push(performance.now() - sentAt);
        },
        { cookie: memberCookies[at] },
      ),
    );
    const publicStream = listen(`${app.url}/api/threads/${thread.slug}/events`, (event, data) => {
      if (event === 'tag' && groupOfClaim.has((JSON.parse(data) as { claimId: string }).claimId)) publicSaw++;
    });
    await Promise.all([...streams.map((s) => s.ready), publicStream.ready]);
    let nextGroupWrite = 0;
    const fanWrites = await autocannon({
      url: app.url,
      connections: members.length,
      amount: GROUP_WRITES,
      sampleInt: SAMPLE_MS,
      requests: [
        {
          method: 'PUT',
          setupRequest: (request) => {
            const n = nextGroupWrite++;
            const writer = n % members.length;
            const claims = groups[groupOf(writer)].claimIds;
            const claimId = claims[Math.floor(n / members.length) % claims.length];
            fanSent.set(`${claimId}:${members[writer].id}`, performance.now());
            return {
              ...request,
              path: `/api/claims/${claimId}/tag`,
              headers: { 'content-type': 'application/json', cookie: memberCookies[writer] },
              body: JSON.stringify({ axis: 'outer', confidence: (n * 53) % 101 }),
            };
          },
        },
      ],
    });
    await new Promise((r) => setTimeout(r, 1500));
    for (const stream of streams) stream.close();
    publicStream.close();

    const report = {
      generatedAt: new Date().toISOString(),
      thread: { paragraphs: thread.lines, passages: thread.passages, claims: tagged.claims, tags: tagged.tags },
      readerResponseMs: summarise(times),
      claimsApiMs: summarise(claimsApi),
      claimsFullApiMs: summarise(claimsFullApi),
      jsShippedGzipKb: Math.round(jsGzipBytes / 102.4) / 10,
      scripts: scripts.length,
      writes: {
        clients: CLIENTS,
        requests: result.requests.total,
        writesPerSecond: Math.round(result.requests.total / result.duration),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
        storedTags: stored,
      },
      requestFloor: {
        what: 'the same PUT refused by validation before any database work',
        requestsPerSecond: Math.round(floor.requests.total / floor.duration),
        status400: floor.non2xx,
        latencyMs: { p50: floor.latency.p50, p99: floor.latency.p99 },
      },
      writeToSseMs: { ...summarise(latencies.slice(0, WRITES)), received: Math.min(latencies.length, WRITES) },
      writeToSseMsOneAtATime: summarise(paced),
      groupFanOut: {
        groups: GROUPS,
        readersPerGroup: GROUP_READERS,
        writes: fanWrites.requests.total,
        writesPerSecond: Math.round(fanWrites.requests.total / fanWrites.duration),
        non2xx: fanWrites.non2xx,
        errors: fanWrites.errors,
        /** One sample per tag event per member's stream: each write reaches its group's 6 readers. */
        writeToSseMs: { ...summarise(fanLatencies), expected: fanWrites.requests.total * GROUP_READERS },
        /** Events of another group's claims on a member's stream, and of any group's on the public stream: both must be 0. */
        eventsOfAnotherLayer: otherLayer,
        groupEventsOnPublicStream: publicSaw,
      },
      targets: { responseMs: 300, jsGzipKb: 150, writesPerSecond: 1000, sseP95Ms: 250, groupFanOutP95Ms: 250 },
    };
    console.log(JSON.stringify(report, null, 2));
    writeFileSync(path.resolve(import.meta.dirname, 'results/reader.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await app.stop();
    await closeDatabase();
  }
} finally {
  await database.stop();
}
