import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { inbox, markInboxSeen } from '../replies/inbox';
import { inboxEventStream } from '../replies/inbox-stream';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, problems, SIGNED_IN } from './define';
import { signedIn } from './guards';

/** Each reader's inbox: new replies on the claims they tagged or replied to. */
export const inboxRoutes = new OpenAPIHono<ApiEnv>();

const inboxSchema = z
  .object({
    seenAt: z.string().nullable().openapi({ description: 'When the inbox was last marked read.' }),
    items: z.array(
      z.object({
        id: z.uuid(),
        body: z.string(),
        bodyHtml: z.string(),
        createdAt: z.string(),
        author: z.object({ id: z.uuid(), name: z.string() }),
        unread: z.boolean(),
        claim: z.object({
          id: z.uuid(),
          text: z.string(),
          thread: z.object({ slug: z.string(), title: z.string() }),
          group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
          href: z.string(),
        }),
      }),
    ),
  })
  .openapi('Inbox');

handle(
  inboxRoutes,
  createRoute({
    method: 'get',
    path: '/inbox',
    tags: ['Replies'],
    summary: 'New replies on the claims I tagged or replied to',
    description:
      'Replies by others, newest first (at most 100), on layers I can see; `unread` since I last marked it read.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    responses: { 200: jsonAnswer(inboxSchema, 'My inbox.'), ...problems(401, 503) },
  }),
  async (c) => c.json(await inbox(c.get('user')), 200),
);

handle(
  inboxRoutes,
  createRoute({
    method: 'post',
    path: '/inbox/seen',
    tags: ['Replies'],
    summary: 'Mark my inbox read',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    responses: { 200: jsonAnswer(z.object({ seenAt: z.string() }), 'As of now.'), ...problems(401, 403, 503) },
  }),
  async (c) => c.json({ seenAt: await markInboxSeen(c.get('user')) }, 200),
);

handle(
  inboxRoutes,
  createRoute({
    method: 'get',
    path: '/inbox/events',
    tags: ['Replies'],
    summary: 'My inbox, live (Server-Sent Events)',
    description:
      'An `inbox` event, carrying nothing, whenever a new reply reaches my inbox: read `GET /api/inbox` again. The stream never carries a reply itself.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    responses: {
      200: { description: 'The event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      ...problems(401, 503),
    },
  }),
  async (c) =>
    c.body(inboxEventStream(c.get('user'), c.req.raw.signal), 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    }),
);
