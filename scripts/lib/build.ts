/**
 * Builds the production app when its sources changed since the last build, so `npm start` and
 * the browser tests serve exactly the code in the tree without rebuilding every time.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const STAMP = path.join(ROOT, '.next', 'crux-source-hash');
const SOURCES = ['app', 'components', 'lib', 'public'];
const FILES = [
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'postcss.config.mjs',
  'package-lock.json',
  'tsconfig.json',
  'prisma/schema.prisma',
];

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [...SOURCES.flatMap((dir) => [...walk(path.join(ROOT, dir))]), ...FILES.map((f) => path.join(ROOT, f))];
  for (const file of files.sort()) {
    if (!existsSync(file)) continue;
    const { size, mtimeMs } = statSync(file);
    hash.update(`${path.relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function isBuildCurrent(): boolean {
  return (
    existsSync(path.join(ROOT, '.next', 'BUILD_ID')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === sourceHash()
  );
}

export async function buildIfNeeded(log: (line: string) => void = console.log): Promise<void> {
  if (isBuildCurrent()) return;
  const hash = sourceHash();
  log('Building the app (first start or sources changed; takes a minute)…');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see the output above.`);
  writeFileSync(STAMP, hash);
}
