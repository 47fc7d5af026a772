/**
 * A production app server (scripts/serve.ts) on a free port, as `npm start` serves it; used by the
 * browser tests and the benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { firstFreePort } from '../db/embedded';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningApp {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

let nextPort = 3100 + Math.floor(Math.random() * 500);

/** The command line (after node and its flags) that serves the built app on `port`. */
export function serverArgs(port: number): string[] {
  return ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts'), '-p', String(port)];
}

export async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const port = await firstFreePort(nextPort);
  nextPort = port + 1;
  const url = `http://localhost:${port}`;
  // APP_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") runs the server under node with those flags, for profiling.
  const nodeArgs = process.env.APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...serverArgs(port)], {
    cwd: ROOT,
    stdio: ['ignore', process.env.CRUX_APP_LOG ? 'inherit' : 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXTAUTH_URL: url,
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the app server did not become healthy in 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
