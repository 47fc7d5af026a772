import { AXIS_GROUP_TITLES, AXIS_GROUPS, type AxisGroup } from '@/lib/cruxes/axis-group';
import { cruxMap, HIT_RADIUS, type MapPoint } from '@/lib/cruxes/crux-map';
import type { CruxRanking } from '@/lib/cruxes/rank-cruxes';

const claimHref = (point: MapPoint) =>
  `/threads/${point.claim.threadSlug}?claim=${point.claim.id}#p-${point.claim.passageOrdinal + 1}`;

const pct = (value: number) => `${Math.round(value)} %`;

function describe(point: MapPoint, rank: number | undefined): string {
  const place = rank === undefined ? '' : `crux #${rank}: `;
  return `${place}“${point.claim.exact}” — mean confidence ${pct(point.meanConfidence)}, crux score ${point.cruxScore.toFixed(2)}, ${point.taggers} taggers, ${AXIS_GROUP_TITLES[point.axis].toLowerCase()}`;
}

/** Whole class names, so that Tailwind finds each one in the source. */
const FILL: Record<Exclude<AxisGroup, 'split'>, string> = {
  outer: 'fill-outer',
  inner: 'fill-inner',
  both: 'fill-both',
  other: 'fill-other',
};

/** A split claim is drawn half outer, half inner, so the two colours say what the group means. */
function Dot({ point }: { point: MapPoint }) {
  const { cx, cy, r } = point;
  if (point.axis !== 'split') return <circle cx={cx} cy={cy} r={r} className={`map-dot ${FILL[point.axis]}`} />;
  return (
    <g className="map-dot">
      <path d={`M${cx},${cy - r} A${r},${r} 0 0 0 ${cx},${cy + r} Z`} className={FILL.outer} />
      <path d={`M${cx},${cy - r} A${r},${r} 0 0 1 ${cx},${cy + r} Z`} className={FILL.inner} />
    </g>
  );
}

/**
 * The crux map, drawn on the server: every claim that has a confidence as a dot linking to it,
 * across by mean confidence and up by crux score. A table under it says the same in words.
 */
export function CruxMapFigure({ ranking }: { ranking: CruxRanking }) {
  const map = cruxMap(ranking.scored);
  if (map.points.length === 0) return null;
  const ranks = new Map(ranking.cruxes.map((entry) => [entry.claim.id, entry.rank]));
  const { plot } = map;
  const groups = AXIS_GROUPS.filter((group) => map.points.some((point) => point.axis === group));
  const notes = [
    map.leftOff > 0 &&
      `The ${map.points.length} claims with the highest crux score are shown; ${map.leftOff} more are not.`,
    map.unrated > 0 && `${map.unrated} claim${map.unrated === 1 ? ' has' : 's have'} no confidence to place by.`,
  ].filter(Boolean);
  return (
    <figure aria-labelledby="crux-map-heading" className="crux-map space-y-2" data-testid="crux-map">
      <h2 id="crux-map-heading" className="font-serif text-2xl font-semibold">
        Crux map
      </h2>
      <p className="max-w-prose text-sm text-ink-soft">
        Each dot is a claim: further right, its taggers think it truer on average; higher up, they disagree more (its
        crux score). Bigger dots have more taggers. Select a dot to read the claim.
      </p>
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        className="w-full max-w-xl"
        aria-label="Crux map: claims by mean confidence and crux score"
      >
        {map.yTicks.map((tick) => (
          <g key={tick.label}>
            <line x1={plot.left} x2={plot.right} y1={tick.at} y2={tick.at} className="stroke-line" />
            <text x={plot.left - 4} y={tick.at + 4} fontSize={11} textAnchor="end" className="fill-ink-soft">
              {tick.label}
            </text>
          </g>
        ))}
        {map.xTicks.map((tick, index) => (
          <g key={tick.label}>
            <line x1={tick.at} x2={tick.at} y1={plot.bottom} y2={plot.bottom + 4} className="stroke-line-strong" />
            {/* The last label ends at its tick, so "100 %" stays inside the figure. */}
            <text
              x={tick.at}
              y={plot.bottom + 16}
              fontSize={11}
              textAnchor={index === map.xTicks.length - 1 ? 'end' : 'middle'}
              className="fill-ink-soft"
            >
              {tick.label}
            </text>
          </g>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="stroke-line-strong" />
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} className="stroke-line-strong" />
        <text
          x={(plot.left + plot.right) / 2}
          y={map.height - 6}
          fontSize={12}
          textAnchor="middle"
          className="fill-ink"
        >
          mean confidence →
        </text>
        <text
          x={0}
          y={0}
          fontSize={12}
          textAnchor="middle"
          transform={`translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
          className="fill-ink"
        >
          crux score (disagreement) →
        </text>
        {[...map.points].reverse().map((point) => {
          const label = describe(point, ranks.get(point.claim.id));
          return (
            <a key={point.claim.id} href={claimHref(point)} aria-label={label} data-claim-id={point.claim.id}>
              <title>{label}</title>
              <circle cx={point.cx} cy={point.cy} r={HIT_RADIUS} className="map-hit" />
              <Dot point={point} />
            </a>
          );
        })}
      </svg>
      <figcaption className="space-y-1 text-sm text-ink-soft">
        <ul className="flex flex-wrap gap-x-4" aria-label="Colours">
          {groups.map((group: AxisGroup) => (
            <li key={group} className="inline-flex items-center gap-1">
              <span className={`axis-swatch axis-${group}`} aria-hidden="true" />
              {AXIS_GROUP_TITLES[group]}
            </li>
          ))}
        </ul>
        {notes.map((note) => (
          <p key={String(note)}>{note}</p>
        ))}
        <details>
          <summary className="cursor-pointer">The map as a table</summary>
          <table className="mt-1 text-xs">
            <thead>
              <tr>
                <th scope="col" className="p-1 text-left">
                  Claim
                </th>
                <th scope="col" className="p-1">
                  Mean confidence
                </th>
                <th scope="col" className="p-1">
                  Crux score
                </th>
                <th scope="col" className="p-1">
                  Taggers
                </th>
                <th scope="col" className="p-1 text-left">
                  Axis
                </th>
              </tr>
            </thead>
            <tbody>
              {map.points.map((point) => (
                <tr key={point.claim.id} className="border-t border-line">
                  <th scope="row" className="p-1 text-left font-normal">
                    <a href={claimHref(point)} className="text-link underline">
                      {ranks.has(point.claim.id) && `#${ranks.get(point.claim.id)} `}
                      {point.claim.exact}
                    </a>
                  </th>
                  <td className="p-1 text-center">{pct(point.meanConfidence)}</td>
                  <td className="p-1 text-center">{point.cruxScore.toFixed(2)}</td>
                  <td className="p-1 text-center">{point.taggers}</td>
                  <td className="p-1">{AXIS_GROUP_TITLES[point.axis]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
