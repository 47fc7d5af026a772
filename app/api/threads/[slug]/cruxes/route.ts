import { cruxExport } from '@/lib/server/cruxes/crux-route';
import { route } from '@/lib/server/http/route';

/** The thread's crux summary: `?format=html|md|json|csv|w3c&taggers=id,id&minTaggers=3`. */
export const GET = route<{ slug: string }>(async ({ url, params }) => cruxExport(url, params.slug));
