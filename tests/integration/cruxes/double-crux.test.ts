import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

type User = { id: string; name: string };
let ann: User;
let bo: User;
let cy: User;
let slug: string;
let groupId: string;
const route = '/api/cruxes/double';

beforeAll(async () => {
  [ann, bo, cy] = await Promise.all(['Ann Double', 'Bo Double', 'Cy Double'].map((name) => insertUser({ name })));
  const { thread, passages } = await insertThread(
    ['Scaling alone gets to AGI.', 'Interpretability will scale.', 'Evals are enough.', 'Circle-only claim on kelp.'],
    'double-crux-thread',
  );
  slug = thread.slug;
  await tagPassage(slug, passages[0], ann, { axis: 'outer', confidence: 10, crux: true });
  await tagPassage(slug, passages[0], bo, { axis: 'inner', confidence: 90 });
  await tagPassage(slug, passages[1], ann, { axis: 'inner', confidence: 40 });
  await tagPassage(slug, passages[1], bo, { axis: 'inner', confidence: 55 });
  await tagPassage(slug, passages[2], ann, { axis: 'other', confidence: 70 });
  await tagPassage(slug, passages[2], cy, { axis: 'other', confidence: 0 });
  const group = await call('/api/groups', { method: 'POST', body: { name: 'Kelp circle' }, user: ann });
  groupId = group.json.id;
  await db.membership.create({ data: { groupId, userId: bo.id } });
  const claim = await call('/api/threads/{slug}/claims', {
    method: 'POST',
    params: { slug },
    body: { passageId: passages[3].id, start: 0, end: 11, exact: 'Circle-only', group: groupId },
    user: ann,
  });
  for (const [user, confidence] of [
    [ann, 5],
    [bo, 95],
  ] as const) {
    await call('/api/claims/{id}/tag', {
      method: 'PUT',
      params: { id: claim.json.claim.id },
      body: { axis: 'both', confidence },
      user,
    });
  }
});

describe('GET /api/cruxes/double', () => {
  it('ranks the claims both readers rated by the gap between them, widest first', async () => {
    const answer = await call(route, { query: { a: ann.id, b: bo.id, thread: slug } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.a).toEqual({ id: ann.id, name: ann.name });
    expect(answer.json.claims.map((c: { text: string; gap: number }) => [c.text, c.gap])).toEqual([
      ['Scaling alone gets to AGI.', 80],
      ['Interpretability will scale.', 15],
    ]);
    expect(answer.json.claims[0]).toMatchObject({ cruxA: true, cruxB: false, axisA: 'outer', axisB: 'inner' });
    expect(answer.json.claims[0].a.confidence).toBe(10);
  });

  it('reads one layer: a group’s for its members, 404 to anyone else', async () => {
    const circle = await call(route, { query: { a: ann.id, b: bo.id, group: groupId }, user: bo });
    expect(circle.json.claims.map((c: { text: string }) => c.text)).toEqual(['Circle-only']);
    expect((await call(route, { query: { a: ann.id, b: bo.id, group: groupId }, user: cy })).status).toBe(404);
    expect((await call(route, { query: { a: ann.id, b: bo.id, group: groupId } })).status).toBe(404);
    const pub = await call(route, { query: { a: ann.id, b: bo.id } });
    expect(pub.text).not.toContain('Circle-only');
  });

  it('downloads Markdown', async () => {
    const md = await call(route, { query: { a: ann.id, b: bo.id, thread: slug, format: 'md' } });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.text).toContain('# Double cruxes of Ann Double and Bo Double');
    expect(md.text.indexOf('Scaling alone')).toBeLessThan(md.text.indexOf('Interpretability'));
  });

  it('compares two sets of readers (comma-separated ids) by their mean confidences', async () => {
    const answer = await call(route, { query: { a: `${ann.id},${cy.id}`, b: bo.id, thread: slug } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.readersA).toEqual([
      { id: ann.id, name: ann.name },
      { id: cy.id, name: cy.name },
    ]);
    expect(answer.json.a).toEqual({ id: ann.id, name: ann.name });
    // Cy rated only the third claim, which Bo did not: the sets meet on the first two, as Ann alone.
    expect(
      answer.json.claims.map((c: { text: string; confidenceA: number; confidenceB: number; gap: number }) => [
        c.text,
        c.confidenceA,
        c.confidenceB,
        c.gap,
      ]),
    ).toEqual([
      ['Scaling alone gets to AGI.', 10, 90, 80],
      ['Interpretability will scale.', 40, 55, 15],
    ]);
    const camps = await call(route, { query: { a: ann.id, b: `${bo.id},${cy.id}`, thread: slug } });
    expect(
      camps.json.claims.map((c: { text: string; gap: number; tagsB: unknown[] }) => [c.text, c.gap, c.tagsB.length]),
    ).toEqual([
      ['Scaling alone gets to AGI.', 80, 1],
      ['Evals are enough.', 70, 1],
      ['Interpretability will scale.', 15, 1],
    ]);
    const md = await call(route, { query: { a: ann.id, b: `${bo.id},${cy.id}`, thread: slug, format: 'md' } });
    expect(md.text).toContain('# Double cruxes of Ann Double and Bo Double & Cy Double');
    const overlap = await call(route, { query: { a: `${ann.id},${bo.id}`, b: bo.id } });
    expect(overlap.status).toBe(400);
    expect(overlap.json.error.message).toMatch(/no reader on both sides/);
    const twice = await call(route, { query: { a: `${ann.id},${ann.id}`, b: bo.id } });
    expect(twice.json.error.message).toMatch(/names a reader twice/);
  });

  it('says what to fix in a bad query', async () => {
    expect((await call(route, { query: { a: ann.id } })).json.error.field).toBe('b');
    expect((await call(route, { query: { a: ann.id, b: ann.id } })).status).toBe(400);
    expect((await call(route, { query: { a: 'nobody', b: bo.id } })).json.error.message).toMatch(/a must be/);
    const unknown = await call(route, { query: { a: ann.id, b: '01900000-0000-7000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
    expect((await call(route, { query: { a: ann.id, b: bo.id, thread: 'no-such-thread' } })).status).toBe(404);
  });
});
