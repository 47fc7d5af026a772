import { startingPoint, threadEventStream } from '@/lib/server/events/stream';
import { route } from '@/lib/server/http/route';
import { getThreadOrThrow } from '@/lib/server/threads/find-thread';

export const dynamic = 'force-dynamic';

/** Live events of a thread (Server-Sent Events); reconnecting clients resume from Last-Event-ID. */
export const GET = route<{ slug: string }>(async ({ req, url, params }) => {
  const thread = await getThreadOrThrow(params.slug);
  const from = await startingPoint(thread.id, req.headers.get('last-event-id') ?? url.searchParams.get('since'));
  return new Response(threadEventStream(thread.id, from, req.signal), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
