import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type IngestOutcome, storeThreads } from './threads/ingest-thread';
import { prepareThread } from './threads/prepare-thread';

/** Where the seed threads come from: the shared folder beside the repo if present, else the copy. */
export async function seedDirectory(root: string): Promise<string> {
  const shared = path.resolve(root, '..', 'shared', 'seeds');
  const hasShared = await readdir(shared).then(
    (files) => files.some((f) => f.endsWith('.txt')),
    () => false,
  );
  return hasShared ? shared : path.join(root, 'prisma', 'seed-data');
}

/** Ingests every .txt seed thread in one transaction; idempotent, since the same content is the same revision. */
export async function loadSeedThreads(dir: string): Promise<IngestOutcome[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort();
  const prepared = await Promise.all(
    files.map(async (file) =>
      prepareThread({ bytes: await readFile(path.join(dir, file)), format: 'text', sourceName: file }),
    ),
  );
  return storeThreads(prepared);
}
