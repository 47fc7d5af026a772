import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { replyCreateSchema, replyEditSchema } from '@/lib/replies/reply-schema';
import { createReply, deleteReply, editReply, listReplies } from '../replies/replies';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, jsonBody, problems, SIGNED_IN } from './define';
import { signedIn } from './guards';
import { claimParams, replyParams } from './params';

/** Replies on a claim: in the claim's layer, Markdown sanitised like notes, editable and deletable by their author. */
export const replies = new OpenAPIHono<ApiEnv>();

const replySchema = z
  .object({
    id: z.uuid(),
    claimId: z.uuid(),
    authorId: z.uuid(),
    authorName: z.string(),
    parentId: z.uuid().nullable().openapi({ description: 'The top-level reply this one answers, if any.' }),
    body: z.string().openapi({ description: 'Markdown, as written.' }),
    bodyHtml: z.string().openapi({ description: 'The body rendered to sanitised HTML.' }),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .openapi('Reply');

handle(
  replies,
  createRoute({
    method: 'get',
    path: '/claims/{id}/replies',
    tags: ['Replies'],
    summary: 'The replies on a claim, oldest first',
    description: 'A claim on a group’s layer is a 404 to anyone but its members.',
    request: { params: claimParams },
    responses: { 200: jsonAnswer(z.object({ replies: z.array(replySchema) }), 'Live replies.'), ...problems(404, 503) },
  }),
  async (c) => c.json({ replies: await listReplies(c.req.valid('param').id, c.get('user')) }, 200),
);

handle(
  replies,
  createRoute({
    method: 'post',
    path: '/claims/{id}/replies',
    tags: ['Replies'],
    summary: 'Reply on a claim (or answer a reply, one level deep)',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: claimParams, body: jsonBody(replyCreateSchema, '`{body, parentId?}`: Markdown.') },
    responses: {
      201: jsonAnswer(z.object({ reply: replySchema }), 'The reply as stored.'),
      ...problems(400, 401, 403, 404, 413, 415, 422, 503),
    },
  }),
  async (c) => c.json({ reply: await createReply(c.req.valid('param').id, c.get('user'), c.req.valid('json')) }, 201),
);

handle(
  replies,
  createRoute({
    method: 'patch',
    path: '/replies/{id}',
    tags: ['Replies'],
    summary: 'Edit your reply (the earlier body is kept)',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: replyParams, body: jsonBody(replyEditSchema, '`{body}`: Markdown.') },
    responses: {
      200: jsonAnswer(z.object({ reply: replySchema }), 'The reply as edited.'),
      ...problems(400, 401, 403, 404, 413, 415, 503),
    },
  }),
  async (c) =>
    c.json({ reply: await editReply(c.req.valid('param').id, c.get('user'), c.req.valid('json').body) }, 200),
);

handle(
  replies,
  createRoute({
    method: 'delete',
    path: '/replies/{id}',
    tags: ['Replies'],
    summary: 'Delete your reply',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: replyParams },
    responses: {
      200: jsonAnswer(z.object({ deleted: z.literal(true) }), 'Deleted (kept, hidden).'),
      ...problems(401, 403, 404, 503),
    },
  }),
  async (c) => {
    await deleteReply(c.req.valid('param').id, c.get('user'));
    return c.json({ deleted: true as const }, 200);
  },
);
