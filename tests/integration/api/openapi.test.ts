import { describe, expect, it } from 'vitest';
import { api } from '@/lib/server/api/app';
import { call } from '../../support/requests';

type Operation = {
  summary?: string;
  responses?: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { enum?: string[] }> } }> };
};

describe('GET /api/openapi.json', () => {
  it('describes every route of the API and nothing else', async () => {
    const response = await call('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    const paths = response.json.paths as Record<string, Record<string, Operation>>;
    const described = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = [
      ...new Set(
        api.routes
          .filter((route) => route.method !== 'ALL')
          .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
      ),
    ];
    expect(served.filter((route) => !described.includes(route))).toEqual([]);
    expect(described.filter((route) => !served.includes(route))).toEqual([]);
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method} ${path}`).toEqual(expect.any(String));
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
  });

  it('takes its inputs from the schemas the routes validate with', async () => {
    const { paths } = (await call('/api/openapi.json')).json;
    const tagBody = paths['/api/claims/{id}/tag'].put.requestBody.content['application/json'].schema;
    expect(tagBody.properties.axis.enum).toEqual(['outer', 'inner', 'both', 'other']);
    const search = paths['/api/claims'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(search).toEqual(expect.arrayContaining(['query:q', 'query:axis', 'query:cursor', 'query:limit']));
    const errors = paths['/api/claims/{id}/tag'].put.responses['409'].content['application/json'].schema;
    expect(errors).toEqual({ $ref: '#/components/schemas/Error' });
  });
});
