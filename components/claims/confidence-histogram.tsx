import { bucketLabel } from '@/lib/cruxes/histogram';

/** A small SVG bar chart of the taggers' confidences in ten buckets (0–9 % … 90–100 %). */
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
      height={height + 10}
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
            fill={bucket < 4 ? '#b91c1c' : bucket > 5 ? '#15803d' : '#78716c'}
          />
        );
      })}
      <line x1={0} x2={width} y1={height + 0.5} y2={height + 0.5} stroke="#a8a29e" />
      <text x={0} y={height + 9} fontSize={8} fill="#57534e">
        0
      </text>
      <text x={width} y={height + 9} fontSize={8} fill="#57534e" textAnchor="end">
        100 %
      </text>
    </svg>
  );
}
