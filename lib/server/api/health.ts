import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { checkHealth } from '../health';
import type { ApiEnv } from './context';
import { handle, jsonAnswer } from './define';
import { healthSchema } from './schemas';

export const health = new OpenAPIHono<ApiEnv>();

handle(
  health,
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['Health'],
    summary: 'Is the database up, and every migration applied?',
    responses: {
      200: jsonAnswer(healthSchema, 'The database is up (status "degraded" while migrations are pending).'),
      503: jsonAnswer(healthSchema, 'The database is down.'),
    },
  }),
  async (c) => {
    const report = await checkHealth();
    c.header('Cache-Control', 'no-store');
    return report.db === 'up' ? c.json(report, 200) : c.json(report, 503);
  },
);
