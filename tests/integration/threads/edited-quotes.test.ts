import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { parseText } from '@/lib/ingest/parse-text';
import { ingestThread } from '@/lib/server/threads/ingest-thread';
import { getThreadModel, rebuildOriginal } from '@/lib/server/threads/thread-model';

const TEXT = [
  'Once deployed, it would pursue its own objective regardless of what we intended during training. That is the worry.',
  '[The policy] would pursue its own objective regardless of what we intended durnig training. Only if training failed.',
  'Once deployed, it would pursue its own objective regardless of what we intended during training.',
  '',
].join('\n');

describe('edited quotes in storage', () => {
  it('stores and serves each quote’s edits as the dedup found them, and the original still rebuilds', async () => {
    const outcome = await ingestThread({ bytes: Buffer.from(TEXT), format: 'text', sourceName: 'edited.txt' });
    const model = await getThreadModel(outcome.slug);
    expect(rebuildOriginal(model.occurrences)).toBe(TEXT);
    const expected = findRepeats(parseText(TEXT)).occurrences.map((o) => o.edits ?? null);
    expect(model.occurrences.map((o) => o.edits)).toEqual(expected);
    const edited = model.occurrences.find((o) => o.edits);
    expect(edited?.edits?.map((e) => [e.kind, edited.text.slice(e.start, e.end)])).toEqual([
      ['substitution', '[The policy]'],
      ['typo', 'durnig'],
    ]);
    expect(model.occurrences.find((o) => o.line === 3)).toMatchObject({ kind: 'partial', edits: null });
  });
});
