import { route } from '@/lib/server/http/route';
import { getThreadModel } from '@/lib/server/threads/thread-model';

/** The deduplicated model: passages `{id, ordinal, text, …}`, every occurrence, repeat blocks. */
export const GET = route<{ slug: string }>(async ({ params }) => getThreadModel(params.slug));
