'use client';

import { AXIS_GROUP_TITLES, AXIS_GROUPS, type AxisGroup } from '@/lib/cruxes/axis-group';
import { filterIsActive, type HighlightFilter, NO_FILTER } from '@/lib/claims/highlight-filter';
import { HighlightLegend } from './highlight-legend';

interface Props {
  filter: HighlightFilter;
  setFilter(filter: HighlightFilter): void;
  /** Everyone who tagged a claim here, by display name. */
  taggers: { id: string; name: string }[];
  signedIn: boolean;
  cruxCount: number;
  /** Place of the current claim among the cruxes (0-based), or null. */
  cruxAt: number | null;
  onStepCrux(step: 1 | -1): void;
}

/** The legend, the filter that fades the other highlights, and the buttons that step from crux to crux. */
export function HighlightControls({ filter, setFilter, taggers, signedIn, cruxCount, cruxAt, onStepCrux }: Props) {
  const set = (part: Partial<HighlightFilter>) => setFilter({ ...filter, ...part });
  return (
    <section aria-label="Highlights" className="space-y-2 rounded border border-line bg-surface p-2 text-sm">
      <HighlightLegend />
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <legend className="sr-only">Show highlights of</legend>
        <label>
          Axis{' '}
          <select
            value={filter.axis ?? ''}
            onChange={(e) => set({ axis: (e.target.value || null) as AxisGroup | null })}
            className="rounded border border-line px-1 py-0.5"
          >
            <option value="">any</option>
            {AXIS_GROUPS.map((group) => (
              <option key={group} value={group}>
                {AXIS_GROUP_TITLES[group].toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tagger{' '}
          <select
            value={filter.tagger ?? ''}
            onChange={(e) => set({ tagger: e.target.value || null })}
            className="max-w-40 rounded border border-line px-1 py-0.5"
          >
            <option value="">anyone</option>
            {taggers.map((tagger) => (
              <option key={tagger.id} value={tagger.id}>
                {tagger.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-flex min-h-6 items-center gap-1">
          <input type="checkbox" checked={filter.crux} onChange={(e) => set({ crux: e.target.checked })} />
          crux
        </label>
        <label className="inline-flex min-h-6 items-center gap-1">
          <input type="checkbox" checked={filter.disputed} onChange={(e) => set({ disputed: e.target.checked })} />
          disputed only
        </label>
        {signedIn && (
          <label className="inline-flex min-h-6 items-center gap-1">
            <input type="checkbox" checked={filter.mine} onChange={(e) => set({ mine: e.target.checked })} />
            mine
          </label>
        )}
        {filterIsActive(filter) && (
          <button type="button" onClick={() => setFilter(NO_FILTER)} className="min-h-6 text-link underline">
            Show all
          </button>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button
          type="button"
          onClick={() => onStepCrux(-1)}
          disabled={cruxCount === 0}
          className="min-h-6 rounded border border-line-strong px-2 disabled:opacity-60"
        >
          ← Previous crux (<kbd className="font-mono">p</kbd>)
        </button>
        <button
          type="button"
          onClick={() => onStepCrux(1)}
          disabled={cruxCount === 0}
          className="min-h-6 rounded border border-line-strong px-2 disabled:opacity-60"
        >
          Next crux (<kbd className="font-mono">n</kbd>) →
        </button>
        <span className="text-muted" aria-live="polite">
          {cruxCount === 0
            ? 'No cruxes yet'
            : cruxAt === null
              ? `${cruxCount} crux${cruxCount === 1 ? '' : 'es'}`
              : `Crux ${cruxAt + 1} of ${cruxCount}`}
        </span>
      </div>
    </section>
  );
}
