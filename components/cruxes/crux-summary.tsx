import { AXIS_GROUP_TITLES } from '@/lib/cruxes/axis-group';
import { PRIOR_TAGGERS } from '@/lib/cruxes/smoothing';
import type { CruxReport } from '@/lib/server/cruxes/crux-report';
import { CruxCard } from './crux-card';
import { CruxMapFigure } from './crux-map';
import { TaggerGridTable } from './tagger-grid';

/** The crux summary: top cruxes by axis, the consensus claims beside them, and who stands where. */
export function CruxSummaryView({ report }: { report: CruxReport }) {
  const { ranking } = report;
  // Groups in the order of their best crux, so the page reads from #1 down as far as grouping allows.
  const axes = ranking.byAxis
    .filter((group) => group.cruxes.length > 0)
    .sort((a, b) => a.cruxes[0].rank - b.cruxes[0].rank);
  return (
    <div className="space-y-8">
      <CruxMapFigure ranking={ranking} />
      <p className="max-w-prose text-sm text-ink-soft">
        A claim is a crux when its taggers’ confidences split (10 % against 90 % counts as a split, not as a shared 50
        %), when they file it under different problems (those split between outer and inner have a group of their own),
        mark it a crux or ask for a concrete story. Scores are shrunk as if {PRIOR_TAGGERS} agreeing taggers had joined,
        so one or two readers cannot top the list. Claims need at least {ranking.options.minTaggers} taggers here.
      </p>
      {ranking.scored.length === 0 ? (
        <p className="text-muted">No claim has enough taggers yet. Tag claims in the reader, or lower the minimum.</p>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="cruxes-heading" className="space-y-6">
            <h2 id="cruxes-heading" className="font-serif text-2xl font-semibold">
              Where readers disagree
            </h2>
            {axes.length === 0 && <p className="text-muted">No disagreement among these claims.</p>}
            {axes.map((group) => (
              <section key={group.axis} aria-labelledby={`axis-${group.axis}`} className="space-y-3">
                <h3 id={`axis-${group.axis}`} className="flex items-center gap-2 text-lg font-semibold">
                  <span className={`axis-swatch axis-${group.axis}`} aria-hidden="true" />
                  {AXIS_GROUP_TITLES[group.axis]}
                </h3>
                {group.cruxes.map((entry) => (
                  <CruxCard key={entry.claim.id} entry={entry} kind="crux" />
                ))}
              </section>
            ))}
          </section>
          <section aria-labelledby="consensus-heading" className="space-y-3">
            <h2 id="consensus-heading" className="font-serif text-2xl font-semibold">
              Where they agree
            </h2>
            {ranking.consensus.length === 0 && <p className="text-muted">No settled claims yet.</p>}
            {ranking.consensus.map((entry) => (
              <CruxCard key={entry.claim.id} entry={entry} kind="consensus" />
            ))}
          </section>
        </div>
      )}
      {ranking.cruxes.length > 0 && (
        <section aria-labelledby="grid-heading" className="space-y-2">
          <h2 id="grid-heading" className="font-serif text-2xl font-semibold">
            Who stands where
          </h2>
          <TaggerGridTable grid={ranking.grid} cruxes={ranking.cruxes} />
        </section>
      )}
    </div>
  );
}
