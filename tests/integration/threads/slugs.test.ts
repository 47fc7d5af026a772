import { describe, expect, it } from 'vitest';
import { storeThreads } from '@/lib/server/threads/ingest-thread';
import { prepareThread } from '@/lib/server/threads/prepare-thread';

const thread = (text: string, title: string) => prepareThread({ bytes: Buffer.from(text), format: 'text', title });

describe('slugs of new threads', () => {
  it('are unique among the stored threads and within one batch', async () => {
    const stored = await storeThreads([thread('A first thread.\n', 'Mesa optimizers')]);
    const again = await storeThreads([thread('A second thread.\n', 'Mesa optimizers')]);
    expect([stored[0].slug, again[0].slug]).toEqual(['mesa-optimizers', 'mesa-optimizers-2']);
    const batch = await storeThreads([
      thread('A third thread.\n', 'Mesa optimizers'),
      thread('A fourth thread.\n', 'Mesa optimizers'),
      thread('A fifth thread.\n', 'Mesa'),
      thread('A sixth thread.\n', 'Inner alignment'),
    ]);
    expect(batch.map((outcome) => outcome.slug)).toEqual([
      'mesa-optimizers-3',
      'mesa-optimizers-4',
      'mesa',
      'inner-alignment',
    ]);
  });
});
