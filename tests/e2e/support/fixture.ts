import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApp, startApp } from './app';
import { launchBrowser } from './browser';

export interface AppFixture {
  app: RunningApp;
  browser: Browser;
}

/** Per test file: the seed threads in this file's database, the production app, and Chromium. */
export function useApp(options: { seed?: boolean; browser?: boolean } = {}): AppFixture {
  const fixture = {} as AppFixture;
  beforeAll(async () => {
    if (options.seed !== false) {
      const { loadSeedThreads } = await import('@/lib/server/seed');
      await loadSeedThreads(path.resolve(import.meta.dirname, '../../../prisma/seed-data'));
    }
    [fixture.app, fixture.browser] = await Promise.all([
      startApp(),
      options.browser === false ? Promise.resolve(undefined as unknown as Browser) : launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.app?.stop();
  });
  return fixture;
}
