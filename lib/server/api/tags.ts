import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { MAX_NOTE_LENGTH, tagInputSchema } from '@/lib/claims/tag-schema';
import { deleteTag, putTag, restoreTag } from '../claims/put-tag';
import { db } from '../db/client';
import { assertClaimVisible } from '../groups/layer';
import { notFound, payloadTooLarge } from '../http/errors';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, jsonBody, problems, SIGNED_IN } from './define';
import { signedIn } from './guards';
import { claimParams, tagParams, versionQuery } from './params';
import { tagDeletedSchema, tagWriteSchema } from './schemas';

/** The caller's tag on a claim (create, edit, delete, restore) and an admin's delete of anyone's. */
export const tags = new OpenAPIHono<ApiEnv>();

handle(
  tags,
  createRoute({
    method: 'put',
    path: '/claims/{id}/tag',
    tags: ['Tags'],
    summary: 'Tag a claim, or edit your tag',
    description:
      'Creates or edits the caller’s tag on the claim. An edit names the `version` it is based on: a stale one is a 409, never a silent overwrite. Every state is kept.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: claimParams, body: jsonBody(tagInputSchema, 'What the tagger says about the claim.') },
    responses: {
      200: jsonAnswer(tagWriteSchema, 'The tag as stored, and the claim’s aggregates after it.'),
      ...problems(400, 401, 403, 404, 409, 413, 415, 503),
    },
  }),
  async (c) => {
    const input = c.req.valid('json');
    if (input.note.length > MAX_NOTE_LENGTH) {
      throw payloadTooLarge(`The note is ${input.note.length} characters; the limit is ${MAX_NOTE_LENGTH}.`, 'note');
    }
    // A group's claim is tagged only by its members; to anyone else it does not exist.
    await assertClaimVisible(c.req.valid('param').id, c.get('user'));
    const { tag, aggregates } = await putTag(c.req.valid('param').id, c.get('user'), input);
    return c.json({ tag, aggregates }, 200);
  },
);

handle(
  tags,
  createRoute({
    method: 'delete',
    path: '/claims/{id}/tag',
    tags: ['Tags'],
    summary: 'Delete your tag on a claim',
    description:
      'A soft delete: `POST …/tag/restore` undoes it. With `?version=N`, only if the tag is still at that version.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: claimParams, query: versionQuery },
    responses: {
      200: jsonAnswer(tagDeletedSchema, 'The tag as deleted.'),
      ...problems(400, 401, 403, 404, 409, 503),
    },
  }),
  async (c) => {
    const { version } = c.req.valid('query');
    await assertClaimVisible(c.req.valid('param').id, c.get('user'));
    const { tag } = await deleteTag({ claimId: c.req.valid('param').id }, c.get('user'), version);
    return c.json({ tag, deleted: true as const }, 200);
  },
);

handle(
  tags,
  createRoute({
    method: 'post',
    path: '/claims/{id}/tag/restore',
    tags: ['Tags'],
    summary: 'Undo the delete of your tag on a claim',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: claimParams },
    responses: {
      200: jsonAnswer(tagWriteSchema, 'The tag as it was, as a new version.'),
      ...problems(401, 403, 404, 409, 503),
    },
  }),
  async (c) => {
    await assertClaimVisible(c.req.valid('param').id, c.get('user'));
    const { tag, aggregates } = await restoreTag(c.req.valid('param').id, c.get('user'));
    return c.json({ tag, aggregates }, 200);
  },
);

handle(
  tags,
  createRoute({
    method: 'delete',
    path: '/tags/{id}',
    tags: ['Tags'],
    summary: 'Delete a tag by its id',
    description: 'Its tagger, or an admin moderating; anyone else gets 403.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: tagParams, query: versionQuery },
    responses: {
      200: jsonAnswer(tagDeletedSchema, 'The tag as deleted.'),
      ...problems(400, 401, 403, 404, 409, 503),
    },
  }),
  async (c) => {
    const { version } = c.req.valid('query');
    const { id } = c.req.valid('param');
    const found = await db.tag.findUnique({ where: { id }, select: { claimId: true } });
    if (!found) throw notFound(`No tag ${id}.`);
    // On a group's layer even an admin moderates only as a member: to others the tag does not exist.
    await assertClaimVisible(found.claimId, c.get('user')).catch(() => {
      throw notFound(`No tag ${id}.`);
    });
    const { tag } = await deleteTag({ tagId: id }, c.get('user'), version);
    return c.json({ tag, deleted: true as const }, 200);
  },
);
