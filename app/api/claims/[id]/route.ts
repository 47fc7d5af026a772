import { claimView } from '@/lib/server/claims/claim-views';
import { notFound } from '@/lib/server/http/errors';
import { idParam } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

export const GET = route<{ id: string }>(async ({ params }) => {
  const claim = await claimView(idParam(params.id, 'claim'));
  if (!claim) throw notFound(`No claim ${params.id}.`);
  return { claim };
});
