import { type RunningApp, startApp as startServer } from '../../../scripts/lib/app-server';
import { TEST_SECRET } from '../../support/session';

export type { RunningApp };

/** The production app against this test file's database, with the test session secret. */
export function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  return startServer({ DATABASE_URL: process.env.DATABASE_URL as string, NEXTAUTH_SECRET: TEST_SECRET, ...extraEnv });
}
