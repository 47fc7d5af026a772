import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const API = path.resolve(import.meta.dirname, '../../app/api');

/** Every route handler of app/api that changes data, as "METHOD route/path" ("PUT claims/[id]/tag"). */
export function mutatingRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
          if (new RegExp(`export (const|async function) ${method}\\b`).test(source))
            found.push(`${method} ${path.relative(API, dir)}`);
        }
      }
    }
  };
  walk(API);
  return found;
}
