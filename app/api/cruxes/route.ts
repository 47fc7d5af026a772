import { cruxExport } from '@/lib/server/cruxes/crux-route';
import { route } from '@/lib/server/http/route';

/** The crux summary across threads (or one, with `thread=slug`): `?format=html|md|json|csv|w3c`. */
export const GET = route(async ({ url }) => cruxExport(url));
