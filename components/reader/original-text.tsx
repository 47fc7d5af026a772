import type { OccurrenceModel } from '@/lib/server/threads/thread-model';
import { rebuildOriginal } from '@/lib/server/threads/thread-model';

/** The thread exactly as ingested, line by line with line numbers; nothing folded, nothing hidden. */
export function OriginalText({ occurrences }: { occurrences: OccurrenceModel[] }) {
  const lines = rebuildOriginal(occurrences).split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return (
    <ol className="original-text font-mono text-sm" aria-label="Original text">
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional and never reorder
        <li key={index} id={`line-${index + 1}`}>
          <span className="line-number" aria-hidden="true">
            {index + 1}
          </span>
          <span className="line-text">{line}</span>
        </li>
      ))}
    </ol>
  );
}
