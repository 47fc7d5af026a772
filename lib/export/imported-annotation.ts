import type { QuoteSelector } from '@/lib/anchoring';
import type { Axis } from '@/lib/claims/types';

/**
 * One annotation read for import — from W3C JSON-LD or Hypothesis JSON alike — before the server
 * decides where it lands and whose it is. Paths name where each part stood in the document, so a
 * refusal later (an unknown thread, a creator naming another reader) points at the right value.
 */
export interface ImportedAnnotation {
  /** JSON path of the annotation: "$.first.items[3]", "$.rows[0]", "$". */
  path: string;
  /** Its id in the document: an IRI in W3C JSON-LD, Hypothesis's own id in its API shape. */
  id: string;
  /** The IRI it is published under (W3C `canonical`, else `id`; Hypothesis `links.html`), if any. */
  iri: string | null;
  target: ImportedTarget;
  /** "other" when no axis tag was given. */
  axis: Axis;
  confidence: number | null;
  concreteStoryNeeded: boolean;
  crux: boolean;
  labels: string[];
  /** Markdown; several commenting bodies are joined by blank lines. */
  note: string;
  /** `iri` null: the document names no creator (the importer's own annotation). */
  creator: { iri: string | null; name: string | null; path: string };
  /** ISO 8601 in UTC, checked. */
  created: string | null;
  modified: string | null;
  /** What a Hypothesis reply answers (its `references`): a reply has no place in the text of its own. */
  replyTo: string | null;
}

export interface ImportedTarget {
  source: string;
  /** JSON path of `source`. */
  sourcePath: string;
  /** The target's own IRI (a Crux Reader claim IRI), if any. */
  id: string | null;
  /** The TextQuoteSelector, with the TextPositionSelector's offsets (code points) when one was given; null when there is none. */
  quote: QuoteSelector | null;
  /** A FragmentSelector's value ("p-4": the reader's paragraph 4), if any. */
  fragment: string | null;
}

/** The fields of a tag an annotation carries, as the bodies or tags spell them. */
export type ImportedTagging = Pick<
  ImportedAnnotation,
  'axis' | 'confidence' | 'concreteStoryNeeded' | 'crux' | 'labels' | 'note'
>;
