/**
 * `npm test`: the whole suite — unit, integration (real Postgres: embedded, or TEST_DATABASE_URL)
 * and browser tests (real Chromium against the production build). Extra arguments go to Vitest:
 * `npm test -- tests/unit`, `npm test -- --project integration`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureChromium } from './lib/chromium';
import { ROOT } from './lib/build';
import { fail, step } from './lib/console';

const args = process.argv.slice(2);
// The load and fault runs (project "stress") are `npm run test:stress`; plain `npm test` runs the rest.
const projects = args.some((arg) => arg === '--project' || arg.startsWith('--project='))
  ? []
  : ['--project', 'unit', '--project', 'integration', '--project', 'e2e'];
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const needsBrowser = !args.length || args.some((arg) => arg.includes('e2e'));
if (process.env.SKIP_BROWSER_TESTS === '1') {
  step('SKIP_BROWSER_TESTS=1: the browser tests are skipped.');
} else if (needsBrowser) {
  try {
    env.CHROMIUM_PATH = ensureChromium(step);
  } catch (error) {
    fail((error as Error).message);
  }
}

const vitest = path.join(ROOT, 'node_modules', '.bin', 'vitest');
const child = spawn(vitest, ['run', ...projects, ...args], { cwd: ROOT, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
