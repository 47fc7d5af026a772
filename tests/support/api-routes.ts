import { api } from '@/lib/server/api/app';

/**
 * Every route of the API app that changes data, as "METHOD /api/path/{param}" — from the app's own
 * route list, so a new one is found without anyone listing it. (Next.js serves only the pages and
 * next-auth, whose sign-in writes no content.)
 */
export function mutatingRoutes(): string[] {
  return api.routes
    .filter((route) => ['POST', 'PUT', 'DELETE', 'PATCH'].includes(route.method))
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
}
