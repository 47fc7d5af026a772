import type { RankedClaim } from '@/lib/cruxes/rank-cruxes';
import type { Side } from '@/lib/cruxes/sides';
import type { TaggerGrid } from '@/lib/cruxes/tagger-grid';

const SIDE: Record<Side, { mark: string; label: string; className: string }> = {
  agree: { mark: '✓', label: 'thinks it true (≥ 60 %)', className: 'bg-agree text-agree-ink' },
  disagree: { mark: '✗', label: 'thinks it false (≤ 40 %)', className: 'bg-disagree text-disagree-ink' },
  unsure: { mark: '~', label: 'unsure (41–59 %)', className: 'bg-surface-muted text-ink-soft' },
  unrated: { mark: '•', label: 'tagged without a confidence', className: 'text-muted' },
  untagged: { mark: '', label: 'did not tag it', className: '' },
};

/** Who holds which side of each top crux. */
export function TaggerGridTable({ grid, cruxes }: { grid: TaggerGrid; cruxes: RankedClaim[] }) {
  if (grid.taggers.length === 0 || grid.rows.length === 0) return null;
  const byId = new Map(cruxes.map((entry) => [entry.claim.id, entry]));
  return (
    // A wide grid scrolls inside its own box (focusable, so the keyboard can scroll it too).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="overflow-x-auto" aria-label="Who stands where, by tagger" tabIndex={0}>
      <table className="border-collapse text-xs" data-testid="tagger-grid">
        <caption className="mb-1 text-left text-muted">
          {Object.values(SIDE)
            .filter((s) => s.mark)
            .map((s) => `${s.mark} ${s.label}`)
            .join(' · ')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="p-1 text-left">
              Crux
            </th>
            {grid.taggers.map((tagger) => (
              <th key={tagger.userId} scope="col" className="p-1 font-medium">
                {tagger.userName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => {
            const entry = byId.get(row.claimId);
            return (
              <tr key={row.claimId} className="border-t border-line">
                <th scope="row" className="max-w-64 truncate p-1 text-left font-normal">
                  #{entry?.rank} {entry?.claim.exact}
                </th>
                {row.sides.map((side, index) => (
                  <td key={grid.taggers[index].userId} className={`p-1 text-center ${SIDE[side].className}`}>
                    <span aria-hidden="true">{SIDE[side].mark}</span>
                    <span className="sr-only">{SIDE[side].label}</span>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
