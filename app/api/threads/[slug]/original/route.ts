import { route } from '@/lib/server/http/route';
import { getThreadModel, rebuildOriginal } from '@/lib/server/threads/thread-model';

/** The thread exactly as it was ingested, byte for byte, rebuilt from its stored occurrences. */
export const GET = route<{ slug: string }>(async ({ params }) => {
  const model = await getThreadModel(params.slug);
  const extension =
    model.revision.format === 'lesswrong-json' ? 'json' : model.revision.format === 'markdown' ? 'md' : 'txt';
  return new Response(rebuildOriginal(model.occurrences), {
    headers: {
      'Content-Type': `${extension === 'json' ? 'application/json' : 'text/plain'}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${model.slug}.${extension}"`,
    },
  });
});
