import type { QuoteSelector } from '@/lib/anchoring';
import type { Axis } from '@/lib/claims/types';
import { check, jsonPath, type PathSegment, type Problem } from './json-path';
import { readIdIri, readPassageIri } from './w3c-iris';
import { annotationSchema, positionSelectorSchema, quoteSelectorSchema, textualBodySchema } from './w3c-schema';
import { readConfidence, readTag } from './w3c-vocabulary';

/** One imported tag, normalised: where it points and what it says. */
export interface ImportedAnnotation {
  /** The annotation's IRI. */
  id: string;
  /** Ids recovered from the exporting site's IRIs; null where an IRI is not of Crux Reader's form. */
  tagId: string | null;
  claimId: string | null;
  /** The exporting site: what precedes /threads/ in the passage IRI. */
  baseUrl: string;
  threadSlug: string;
  /** 0-based, as in the passage IRI. */
  passageOrdinal: number;
  /** Offsets (code points) only when a TextPositionSelector was given; place it with anchorQuote. */
  selector: QuoteSelector;
  /** "other" when no axis tag was given. */
  axis: Axis;
  confidence: number | null;
  concreteStoryNeeded: boolean;
  crux: boolean;
  labels: string[];
  /** Markdown; several commenting bodies are joined by blank lines. */
  note: string;
  creator: { iri: string | null; userId: string | null; name: string | null };
  created: string | null;
  modified: string | null;
}

type Tagging = Pick<ImportedAnnotation, 'confidence' | 'concreteStoryNeeded' | 'crux' | 'labels' | 'note'> & {
  axis: Axis | null;
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
/** Where item i of a property that may be one value or a list sits. */
const itemPath = (at: PathSegment[], raw: unknown, i: number): PathSegment[] => (Array.isArray(raw) ? [...at, i] : at);
const typeOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;

/** The quote and position selectors; other selector types are skipped, but a quote must remain. */
function readSelectors(raw: unknown, at: PathSegment[], problems: Problem[]): QuoteSelector | null {
  const before = problems.length;
  let quote: QuoteSelector | null = null;
  let position: Pick<QuoteSelector, 'start' | 'end'> = {};
  const skipped: string[] = [];
  asList(raw).forEach((selector, i) => {
    const type = typeOf(selector);
    if (type === 'TextQuoteSelector') {
      const found = check(quoteSelectorSchema, selector, itemPath(at, raw, i), problems);
      if (found && !quote) quote = { exact: found.exact, prefix: found.prefix ?? '', suffix: found.suffix ?? '' };
    } else if (type === 'TextPositionSelector') {
      const found = check(positionSelectorSchema, selector, itemPath(at, raw, i), problems);
      if (found && position.start === undefined) position = { start: found.start, end: found.end };
    } else {
      skipped.push(typeof type === 'string' ? type : 'a selector without a type');
    }
  });
  if (problems.length > before) return null;
  if (!quote) {
    const found = skipped.length ? ` (found ${skipped.join(', ')})` : '';
    problems.push({ path: jsonPath(at), message: `no usable selector${found}: a TextQuoteSelector is required` });
    return null;
  }
  return { ...(quote as QuoteSelector), ...position };
}

function readTagging(tagging: Tagging, value: string, at: PathSegment[], problems: Problem[]) {
  const tag = readTag(value);
  if (tag.kind === 'axis') {
    if (tagging.axis) problems.push({ path: jsonPath(at), message: 'a second axis tag; a tag has one axis' });
    tagging.axis = tag.axis;
  } else if (tag.kind === 'unknown-axis') {
    problems.push({ path: jsonPath(at), message: `unknown axis "${tag.value}" (outer, inner, both or other)` });
  } else if (tag.kind === 'crux') tagging.crux = true;
  else if (tag.kind === 'story') tagging.concreteStoryNeeded = true;
  else tagging.labels.push(tag.label);
}

/** Tagging, assessing and commenting TextualBodies; bodies of other types or purposes are skipped. */
function readBodies(raw: unknown, at: PathSegment[], problems: Problem[]): Tagging {
  const tagging: Tagging = {
    axis: null,
    confidence: null,
    concreteStoryNeeded: false,
    crux: false,
    labels: [],
    note: '',
  };
  const notes: string[] = [];
  asList(raw ?? []).forEach((value, i) => {
    if (typeOf(value) !== 'TextualBody') return;
    const path = itemPath(at, raw, i);
    const body = check(textualBodySchema, value, path, problems);
    if (!body) return;
    if (body.purpose === 'tagging') readTagging(tagging, body.value, [...path, 'value'], problems);
    else if (body.purpose === 'assessing') {
      const confidence = readConfidence(body.value);
      if (confidence === null)
        problems.push({
          path: jsonPath([...path, 'value']),
          message: 'expected a probability from "0" to "1", like "0.85"',
        });
      else if (tagging.confidence !== null)
        problems.push({ path: jsonPath(path), message: 'a second assessing body; a tag has one confidence' });
      else tagging.confidence = confidence;
    } else if (body.purpose === undefined || body.purpose === 'commenting' || body.purpose === 'describing')
      notes.push(body.value);
  });
  return { ...tagging, note: notes.join('\n\n') };
}

/** One annotation at `at`, normalised; null (with problems added) when it cannot be imported. */
export function readAnnotation(value: unknown, at: PathSegment[], problems: Problem[]): ImportedAnnotation | null {
  const annotation = check(annotationSchema, value, at, problems);
  if (!annotation) return null;
  const { target } = annotation;
  const address = readPassageIri(target.source);
  if (!address) {
    problems.push({
      path: jsonPath([...at, 'target', 'source']),
      message: 'not a Crux Reader passage IRI (…/threads/{slug}/passages/{ordinal})',
    });
  }
  const selector = readSelectors(target.selector, [...at, 'target', 'selector'], problems);
  const { axis, ...tagging } = readBodies(annotation.body, [...at, 'body'], problems);
  if (!address || !selector) return null;
  const creator = typeof annotation.creator === 'string' ? { id: annotation.creator } : annotation.creator;
  return {
    id: annotation.id,
    tagId: readIdIri(annotation.id, address.baseUrl, 'annotations'),
    claimId: target.id ? readIdIri(target.id, address.baseUrl, 'claims') : null,
    baseUrl: address.baseUrl,
    threadSlug: address.threadSlug,
    passageOrdinal: address.passageOrdinal,
    selector,
    axis: axis ?? 'other',
    ...tagging,
    creator: {
      iri: creator?.id ?? null,
      userId: creator?.id ? readIdIri(creator.id, address.baseUrl, 'users') : null,
      name: creator?.name ?? null,
    },
    created: annotation.created ?? null,
    modified: annotation.modified ?? null,
  };
}
