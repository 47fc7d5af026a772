import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@/scripts/db/embedded';

// A data directory "served" by another live process: this test's parent (the test runner).
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'crux-owner-'));
  writeFileSync(path.join(dataDir, 'crux-owner'), `${process.ppid} 54999\n`);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded PostgreSQL of a data directory another process is running', () => {
  it('is not stopped from under it: starting again fails and says who holds it', async () => {
    await expect(startEmbeddedPostgres({ dataDir, firstPort: 54990 })).rejects.toThrow(
      new RegExp(
        `is in use by another process \\(pid ${process.ppid}, port 54999\\)\\. Stop that process first, or set DATABASE_URL`,
      ),
    );
  });

  it('can be shared (database scripts beside `npm start`): its port, and stopping leaves it running', async () => {
    const server = await startEmbeddedPostgres({ dataDir, firstPort: 54990, whenInUse: 'reuse' });
    expect(server.port).toBe(54999);
    expect(server.url('crux')).toMatch(/@127\.0\.0\.1:54999\/crux$/);
    await server.stop();
  });
});
