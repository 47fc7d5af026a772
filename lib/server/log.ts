import pino from 'pino';

/** Structured JSON logs, one line an event. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'crux-reader' },
  redact: ['password', 'passwordHash', 'req.headers.cookie', 'req.headers.authorization'],
});
