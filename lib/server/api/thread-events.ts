import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { groupQuery } from '@/lib/groups/group-schema';
import { startingPoint, threadEventStream } from '../events/stream';
import { layerOf } from '../groups/layer';
import { getThreadOrThrow } from '../threads/find-thread';
import type { ApiEnv } from './context';
import { handle, problems } from './define';
import { threadParams } from './params';

export const threadEvents = new OpenAPIHono<ApiEnv>();

handle(
  threadEvents,
  createRoute({
    method: 'get',
    path: '/threads/{slug}/events',
    tags: ['Live events'],
    summary: 'A thread’s live events (Server-Sent Events)',
    description:
      'Events `claim`, `tag`, `revision` and `import`, numbered per thread (`id:`), none skipped or sent twice. A reconnecting client resumes after its Last-Event-ID (or `?since=N`). `group`: that group’s layer (members only) instead of the public one; each stream carries only its layer’s claim, tag and reply events.',
    request: {
      params: threadParams,
      query: z.object({
        since: z.string().optional().openapi({ description: 'Resume after this event number.' }),
        group: groupQuery,
      }),
    },
    responses: {
      200: { description: 'The event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      ...problems(404, 503),
    },
  }),
  async (c) => {
    // The public stream never carries a group's events; a group's stream is its members' alone (404 to others).
    const layer = await layerOf(c.req.valid('query').group, c.get('user'));
    const thread = await getThreadOrThrow(c.req.valid('param').slug);
    const from = await startingPoint(thread.id, c.req.header('last-event-id') ?? c.req.valid('query').since ?? null);
    return c.body(threadEventStream(thread.id, from, c.req.raw.signal, layer), 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
  },
);
