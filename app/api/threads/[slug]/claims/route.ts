import { claimInputSchema } from '@/lib/claims/claim-schema';
import { claimViews } from '@/lib/server/claims/claim-views';
import { createClaim } from '@/lib/server/claims/create-claim';
import { readJson } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { getThreadOrThrow } from '@/lib/server/threads/find-thread';

type Params = { slug: string };

/** Every claim of the thread with its live tags; `?orphans=1` lists the claims that lost their anchor. */
export const GET = route<Params>(async ({ params, url }) => {
  const thread = await getThreadOrThrow(params.slug);
  const orphans = url.searchParams.get('orphans') === '1';
  const claims = await claimViews({ threadId: thread.id, orphan: orphans });
  return { claims };
});

export const POST = route<Params>({ auth: 'required' }, async ({ req, params, user }) => {
  const input = await readJson(req, claimInputSchema);
  const { claim, created } = await createClaim(params.slug, user, input);
  return Response.json({ claim }, { status: created ? 201 : 200 });
});
