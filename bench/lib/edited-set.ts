import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepeats } from '../../lib/dedup/find-repeats';
import { lineStatuses } from '../../lib/dedup/line-statuses';
import { type GoldLine, scoreEdited } from '../../lib/dedup/score-edited';
import { scoreLabels } from '../../lib/dedup/score-labels';
import type { LineStatus } from '../../lib/dedup/types';
import { decodeInput } from '../../lib/ingest/decode';
import { parseThread } from '../../lib/ingest/parse-thread';

/**
 * The threads of one edited-quote gold set (tests/fixtures/edited/<set>: NAME.txt and NAME.json),
 * deduplicated and scored as one set: each file's lines moved past the previous file's.
 */
export function scoreEditedSet(dir: string) {
  const engine: LineStatus[] = [];
  const gold: GoldLine[] = [];
  let offset = 0;
  const shift = <T extends LineStatus>(lines: T[]) =>
    lines.map((l) => ({ ...l, line: l.line + offset, ...(l.of ? { of: l.of + offset } : {}) }));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const thread = parseThread(decodeInput(readFileSync(path.join(dir, file))), 'text');
    const labels: GoldLine[] = JSON.parse(readFileSync(path.join(dir, file.replace('.txt', '.json')), 'utf8')).lines;
    engine.push(...shift(lineStatuses(findRepeats(thread.paragraphs), thread.paragraphs)));
    gold.push(...shift(labels));
    offset += labels.length;
  }
  return {
    threads: files.length,
    lines: gold.length,
    editedLines: gold.filter((l) => l.edited).length,
    nearMissLines: gold.filter((l) => l.nearMiss).length,
    edited: scoreEdited(engine, gold),
    allLines: scoreLabels(engine, gold),
  };
}
