#!/usr/bin/env node
// Runs after `npm install` and before `npm start` and `npm test`, with nothing but Node built-ins: installs dependencies
// when node_modules is missing or older than package-lock.json, then generates the Prisma client
// when prisma/schema.prisma changed since the last generation.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const schema = path.join(root, 'prisma', 'schema.prisma');
const generated = path.join(root, 'lib', 'generated', 'prisma');
const stamp = path.join(generated, '.schema-hash');

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const missing = !existsSync(installed);
const stale = !missing && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000;
if (missing || stale) {
  console.log(missing ? 'Installing dependencies (first run)…' : 'package-lock.json changed: updating dependencies…');
  // `npm install`, not `npm ci`: registries that serve only this platform's optional packages
  // (as mirrors often do) leave the others out of the lock file, which `npm ci` refuses.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

const schemaHash = createHash('sha256').update(readFileSync(schema)).digest('hex');
const force = process.argv.includes('--generate');
if (force || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== schemaHash) {
  console.log('Generating the Prisma client…');
  // The CLI wants a native schema engine only to validate; generation itself does not use it,
  // and its download cannot be reached offline. Any existing file satisfies the check.
  run('npx', ['--no-install', 'prisma', 'generate'], {
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  });
  writeFileSync(stamp, schemaHash);
}
