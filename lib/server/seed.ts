import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestThread, type IngestOutcome } from './threads/ingest-thread';

/** Where the seed threads come from: the shared folder beside the repo if present, else the copy. */
export async function seedDirectory(root: string): Promise<string> {
  const shared = path.resolve(root, '..', 'shared', 'seeds');
  const hasShared = await readdir(shared).then((files) => files.some((f) => f.endsWith('.txt')), () => false);
  return hasShared ? shared : path.join(root, 'prisma', 'seed-data');
}

/** Ingests every .txt seed thread; idempotent, since the same content is the same revision. */
export async function loadSeedThreads(dir: string): Promise<IngestOutcome[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort();
  const outcomes: IngestOutcome[] = [];
  for (const file of files) {
    const bytes = await readFile(path.join(dir, file));
    outcomes.push(await ingestThread({ bytes, format: 'text', sourceName: file }));
  }
  return outcomes;
}
