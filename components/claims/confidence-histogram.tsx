import { bucketLabel } from '@/lib/cruxes/histogram';

/** A small SVG bar chart of the taggers' confidences in ten buckets (0–9 % … 90–100 %), coloured from the theme. */
export function ConfidenceHistogram({
  counts,
  width = 120,
  height = 28,
}: {
  counts: number[];
  width?: number;
  height?: number;
}) {
  const max = Math.max(1, ...counts);
  const bar = width / counts.length;
  const label = counts
    .map((count, bucket) => (count ? `${count} at ${bucketLabel(bucket)} %` : null))
    .filter(Boolean)
    .join(', ');
  return (
    <svg
      width={width}
      height={height + 12}
      role="img"
      aria-label={`Confidences: ${label || 'none given'}`}
      className="histogram"
    >
      <title>{`Confidences: ${label || 'none given'}`}</title>
      {counts.map((count, bucket) => {
        const h = (count / max) * height;
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: buckets are fixed positions
            key={bucket}
            x={bucket * bar + 1}
            y={height - h}
            width={bar - 2}
            height={h}
            className={bucket < 4 ? 'fill-false' : bucket > 5 ? 'fill-true' : 'fill-between'}
          />
        );
      })}
      <line x1={0} x2={width} y1={height + 0.5} y2={height + 0.5} className="stroke-line-strong" />
      <text x={0} y={height + 11} fontSize={10} className="fill-muted">
        0
      </text>
      <text x={width} y={height + 11} fontSize={10} className="fill-muted" textAnchor="end">
        100 %
      </text>
    </svg>
  );
}
