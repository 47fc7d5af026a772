import { checkHealth } from '@/lib/server/health';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.db === 'up' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
