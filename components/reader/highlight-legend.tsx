import type { CSSProperties } from 'react';
import { markAttributes, markLook } from '@/lib/claims/highlight-look';
import { AXES, type Axis } from '@/lib/claims/types';
import { DISPUTED_AT } from '@/lib/cruxes/disputed';

const noAxes = (): Record<Axis, number> => ({ outer: 0, inner: 0, both: 0, other: 0 });

/** A sample highlight drawn by the same look function as the text's, so the legend cannot drift from it. */
function Sample({
  axes,
  crux = false,
  disputed = false,
  text,
}: {
  axes: Partial<Record<Axis, number>>;
  crux?: boolean;
  disputed?: boolean;
  text: string;
}) {
  const counts = { ...noAxes(), ...axes };
  const taggers = AXES.reduce((sum, axis) => sum + counts[axis], 0);
  const {
    style,
    'data-label': _label,
    ...data
  } = markAttributes(markLook([{ axes: counts, taggers, crux, disputed }]));
  const attributes = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
  const mix = (style ?? '').replace(/^--mix:/, '');
  return (
    <mark className="claim-mark" {...attributes} style={{ '--mix': mix } as CSSProperties}>
      {text}
    </mark>
  );
}

/** What the marks in the text mean: tint, striped underline, dashed frame, diamond. */
export function HighlightLegend() {
  return (
    <details className="text-xs text-ink-soft" open>
      <summary className="min-h-6 cursor-pointer font-semibold">What the highlights mean</summary>
      <ul className="mt-1 space-y-1.5">
        <li>
          Tint: the axis most taggers chose —{' '}
          {AXES.map((axis, index) => (
            <span key={axis}>
              {index > 0 && ' '}
              <Sample axes={{ [axis]: 2 }} text={axis} />
            </span>
          ))}
          ; stronger with more taggers.
        </li>
        <li>
          Underline: each axis’s share of the taggers — <Sample axes={{ outer: 1, inner: 1 }} text="split" /> one outer,
          one inner (split between outer and inner).
        </li>
        <li>
          <Sample axes={{ inner: 2 }} disputed text="Dashed frame" />: disputed — the taggers’ confidences split
          (disagreement {DISPUTED_AT} or more, as two readers at 10 % and 90 %).
        </li>
        <li>
          <Sample axes={{ outer: 1 }} crux text="Diamond" />: someone marked it a crux.
        </li>
      </ul>
    </details>
  );
}
