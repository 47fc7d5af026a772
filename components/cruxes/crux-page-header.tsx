import Link from 'next/link';
import type { ReactNode } from 'react';
import { layerQuery } from './crux-filters';

interface Props {
  title: string;
  /** The reading circle whose layer is shown; null: the public layer. */
  layer: { name: string } | null;
  generatedAt: string;
  /** The filters as chosen: "Compare two readers" keeps their thread and layer. */
  selected: { thread?: string; group?: string };
  /** Above the title (a way back to the thread). */
  before?: ReactNode;
}

/** A crux page's title, its layer and time, and the way to compare two readers. */
export function CruxPageHeader({ title, layer, generatedAt, selected, before }: Props) {
  return (
    <header>
      {before}
      <h1 className="font-serif text-3xl font-semibold">{title}</h1>
      <p className="text-sm text-muted">
        {layer ? `On the layer of “${layer.name}” · ` : ''}Generated {new Date(generatedAt).toUTCString()}
      </p>
      <Link href={`/cruxes/double${layerQuery(selected)}`} className="text-sm text-link underline">
        Compare two readers
      </Link>
    </header>
  );
}
