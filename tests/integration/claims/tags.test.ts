import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';

const createClaim = '/api/threads/{slug}/claims';
const listClaims = createClaim;
const putTag = '/api/claims/{id}/tag';
const deleteTag = putTag;
const restoreTag = '/api/claims/{id}/tag/restore';

const TEXT = 'Inner alignment is the harder problem. 🙂 Outer alignment is mostly about specification gaming.';

let slug: string;
let passageId: string;
let alice: { id: string; name: string };
let bob: { id: string; name: string };

beforeAll(async () => {
  const { thread, passages } = await insertThread([TEXT, 'A second paragraph.']);
  slug = thread.slug;
  passageId = passages[0].id;
  alice = await insertUser({ name: 'Alice' });
  bob = await insertUser({ name: 'Bob' });
});

function span(start: number, end: number) {
  const chars = Array.from(TEXT);
  return { passageId, start, end, exact: chars.slice(start, end).join(''), prefix: '', suffix: '' };
}

async function claimFor(start: number, end: number, user = alice) {
  const response = await call(createClaim, { method: 'POST', params: { slug }, body: span(start, end), user });
  expect(response.status, response.text).toBeLessThan(300);
  return response.json.claim as { id: string };
}

describe('claims', () => {
  it('anchors a span with code-point offsets; the same span by two users is one claim', async () => {
    const first = await call(createClaim, { method: 'POST', params: { slug }, body: span(0, 38), user: alice });
    expect(first.status).toBe(201);
    expect(first.json.claim).toMatchObject({
      start: 0,
      end: 38,
      exact: 'Inner alignment is the harder problem.',
      suffix: expect.stringMatching(/^ 🙂 Outer/),
    });
    const second = await call(createClaim, { method: 'POST', params: { slug }, body: span(0, 38), user: bob });
    expect(second.status).toBe(200);
    expect(second.json.claim.id).toBe(first.json.claim.id);
  });

  it('counts offsets in code points, so a span after an emoji lands on the right text', async () => {
    const start = Array.from(TEXT).indexOf('O');
    const response = await call(createClaim, {
      method: 'POST',
      params: { slug },
      body: span(start, start + 15),
      user: alice,
    });
    expect(response.json.claim.exact).toBe('Outer alignment');
  });

  it('refuses bad selections with 422, unknown passages or threads with 404, anonymous users with 401', async () => {
    expect((await call(createClaim, { method: 'POST', params: { slug }, body: span(5, 5), user: alice })).status).toBe(
      422,
    );
    expect(
      (await call(createClaim, { method: 'POST', params: { slug }, body: span(0, 500), user: alice })).status,
    ).toBe(422);
    const mismatch = await call(createClaim, {
      method: 'POST',
      params: { slug },
      body: { ...span(0, 5), exact: 'Outer' },
      user: alice,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error).toMatchObject({ code: 'unprocessable', field: 'exact' });
    const otherPassage = { ...span(0, 5), passageId: '01890000-0000-7000-8000-000000000000' };
    expect(
      (await call(createClaim, { method: 'POST', params: { slug }, body: otherPassage, user: alice })).status,
    ).toBe(404);
    expect(
      (await call(createClaim, { method: 'POST', params: { slug: 'no-such-thread' }, body: span(0, 5), user: alice }))
        .status,
    ).toBe(404);
    expect((await call(createClaim, { method: 'POST', params: { slug }, body: span(0, 5) })).status).toBe(401);
    const malformed = await call(createClaim, {
      method: 'POST',
      params: { slug },
      rawBody: '{"passageId":',
      headers: { 'content-type': 'application/json' },
      user: alice,
    });
    expect(malformed.status).toBe(400);
  });
});

describe('tags', () => {
  it('creates, edits with the current version, keeps every revision, and refuses a stale version with 409', async () => {
    const claim = await claimFor(0, 5);
    const created = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'inner', confidence: 80, crux: true },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.json.tag).toMatchObject({ axis: 'inner', confidence: 80, crux: true, version: 1 });
    const edited = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'outer', confidence: 20, version: 1 },
    });
    expect(edited.json.tag).toMatchObject({ axis: 'outer', confidence: 20, version: 2 });
    const stale = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'both', version: 1 },
    });
    expect(stale.status).toBe(409);
    const noVersion = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'both' },
    });
    expect(noVersion.status).toBe(409);
    const revisions = await db.tagRevision.findMany({
      where: { tag: { claimId: claim.id } },
      orderBy: { version: 'asc' },
    });
    expect(revisions.map((r) => [r.version, r.axis, r.confidence])).toEqual([
      [1, 'inner', 80],
      [2, 'outer', 20],
    ]);
  });

  it('soft-deletes and restores a tag, and keeps the claim aggregates equal to a recount', async () => {
    const claim = await claimFor(6, 15);
    await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'inner', confidence: 10 },
    });
    await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: bob,
      body: { axis: 'outer', confidence: 90, concreteStoryNeeded: true },
    });
    let row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row).toMatchObject({ tagCount: 2, confCount: 2, confMean: 50, axisInner: 1, axisOuter: 1, storyCount: 1 });
    // spread of 10 % and 90 % is 0.8, shrunk by n/(n+4) for two taggers (docs/formats/scores.md)
    expect(row.disagreement).toBeCloseTo((0.8 * 2) / 6, 10);

    const removed = await call(deleteTag, {
      method: 'DELETE',
      params: { id: claim.id },
      user: bob,
      query: { version: '1' },
    });
    expect(removed.status, removed.text).toBe(200);
    row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row).toMatchObject({ tagCount: 1, axisOuter: 0, storyCount: 0 });
    expect(await db.tag.findFirst({ where: { claimId: claim.id, userId: bob.id } })).toMatchObject({
      deletedAt: expect.any(Date),
    });

    const restored = await call(restoreTag, { method: 'POST', params: { id: claim.id }, user: bob });
    expect(restored.status).toBe(200);
    expect(restored.json.tag).toMatchObject({ axis: 'outer', confidence: 90, version: 3 });
    row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.tagCount).toBe(2);

    // The claim's history: every state of every tag, oldest first, the delete and the restore included.
    const history = await call('/api/claims/{id}/history', { params: { id: claim.id } });
    expect(history.status, history.text).toBe(200);
    const steps = history.json.revisions.map(
      (r: { userName: string; version: number; deleted: boolean; confidence: number }) =>
        `${r.userName} v${r.version}${r.deleted ? ' deleted' : ` ${r.confidence}`}`,
    );
    expect(steps).toEqual(['Alice v1 10', 'Bob v1 90', 'Bob v2 deleted', 'Bob v3 90']);
    const unknown = await call('/api/claims/{id}/history', { params: { id: '00000000-0000-7000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
  });

  it('answers 413 for a note over 10,000 characters, 400 for a bad axis, 401 anonymous, 404 unknown claim', async () => {
    const claim = await claimFor(16, 20);
    const long = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'inner', note: 'x'.repeat(10_001) },
    });
    expect(long.status).toBe(413);
    const badAxis = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'sideways' },
    });
    expect(badAxis.status).toBe(400);
    expect(badAxis.json.error.field).toBe('axis');
    const outOfRange = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'inner', confidence: 101 },
    });
    expect(outOfRange.status).toBe(400);
    expect((await call(putTag, { method: 'PUT', params: { id: claim.id }, body: { axis: 'inner' } })).status).toBe(401);
    expect(
      (
        await call(putTag, {
          method: 'PUT',
          params: { id: '01890000-0000-7000-8000-000000000000' },
          user: alice,
          body: { axis: 'inner' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(putTag, { method: 'PUT', params: { id: 'not-a-uuid' }, user: alice, body: { axis: 'inner' } }))
        .status,
    ).toBe(404);
  });

  it('refuses a cross-site request with 403', async () => {
    const claim = await claimFor(21, 26);
    const response = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      headers: { origin: 'https://evil.example', host: 'localhost' },
      body: { axis: 'inner' },
    });
    expect(response.status).toBe(403);
  });

  it('lists the thread claims with every live tag and the rendered note', async () => {
    const claim = await claimFor(27, 33);
    await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'both', note: 'See **this** <script>alert(1)</script>' },
    });
    const response = await call(listClaims, { params: { slug } });
    const listed = response.json.claims.find((c: { id: string }) => c.id === claim.id);
    expect(listed.tags[0]).toMatchObject({ userName: 'Alice', axis: 'both' });
    expect(listed.tags[0].noteHtml).toContain('<strong>this</strong>');
    expect(listed.tags[0].noteHtml).not.toContain('<script');
  });
});

describe('DELETE /api/tags/:id', () => {
  it('lets the tagger and an admin delete a tag, and answers 403 to anyone else', async () => {
    const DELETE = '/api/tags/{id}';
    const admin = await insertUser({ name: 'Admin', role: 'ADMIN' });
    const claim = await claimFor(34, 40);
    const tagged = await call(putTag, {
      method: 'PUT',
      params: { id: claim.id },
      user: alice,
      body: { axis: 'inner' },
    });
    const tagId = tagged.json.tag.id;
    expect((await call(DELETE, { method: 'DELETE', params: { id: tagId }, user: bob })).status).toBe(403);
    expect((await call(DELETE, { method: 'DELETE', params: { id: tagId }, user: admin })).status).toBe(200);
    expect((await call(DELETE, { method: 'DELETE', params: { id: tagId }, user: admin })).status).toBe(404);
  });
});
