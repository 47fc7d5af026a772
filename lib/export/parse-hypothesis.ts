import { z } from 'zod';
import type { ImportedAnnotation } from './imported-annotation';
import { check, jsonPath, type PathSegment, type Problem } from './json-path';
import { isObject } from './json-values';
import { readCreator } from './read-annotation';
import { readSelectors } from './read-selectors';
import { TaggingReader } from './read-tagging';
import { dateTime, iri } from './w3c-schema';

/**
 * Hypothesis's API shape (h's AnnotationJSONPresenter; https://h.readthedocs.io/en/latest/api-reference/):
 * `{id, created, updated, user: "acct:…", uri, text, tags, target: [{source, selector: […]}],
 * user_info: {display_name}, links: {html, incontext}, references?, group, permissions, document}`.
 * Loose: fields Crux Reader does not use are allowed and ignored.
 */
const hypothesisAnnotationSchema = z.looseObject({
  id: z.string().min(1, 'must not be empty'),
  created: dateTime.optional(),
  updated: dateTime.optional(),
  user: iri,
  uri: iri,
  text: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  target: z
    .array(z.looseObject({ source: iri.optional() }))
    .max(1, 'one target: a tag is on one claim')
    .optional(),
  user_info: z.looseObject({ display_name: z.string().nullable().optional() }).nullable().optional(),
  links: z.looseObject({ html: iri.optional(), incontext: iri.optional() }).optional(),
  references: z.array(z.string()).optional(),
  /** Not Hypothesis's own: Crux Reader writes its creator IRI here when `user` cannot hold it (docs/formats/hypothesis.md). */
  creator: iri.optional(),
});

export const searchResponseSchema = z.looseObject({
  rows: z.array(z.unknown()),
  replies: z.array(z.unknown()).optional(),
});

/**
 * Hypothesis has no place for a claim's IRI, but Crux Reader's in-context link names the claim
 * (`…/threads/{slug}?claim={id}`): read back as `{origin}/claims/{id}`, which the importer honours
 * only when it is its own.
 */
function claimOf(incontext: string | undefined): string | null {
  if (!incontext || !URL.canParse(incontext)) return null;
  const url = new URL(incontext);
  const claim = url.searchParams.get('claim');
  const base = url.pathname.replace(/\/threads\/[^/]+$/, '');
  return claim && base !== url.pathname ? `${url.origin}${base}/claims/${encodeURIComponent(claim)}` : null;
}

/** Whether a JSON object is Hypothesis's (an annotation or a search response) rather than W3C JSON-LD. */
export function isHypothesisDocument(document: Record<string, unknown>): boolean {
  if (document['@context'] !== undefined) return false;
  return Array.isArray(document.rows) || ('user' in document && 'uri' in document);
}

/** One annotation of Hypothesis's API at `at`, normalised; null (with problems added) when it cannot be imported. */
export function readHypothesisAnnotation(
  value: unknown,
  at: PathSegment[],
  problems: Problem[],
): ImportedAnnotation | null {
  const before = problems.length;
  const row = check(hypothesisAnnotationSchema, value, at, problems);
  if (!row || !isObject(value)) return null;
  const [target] = row.target ?? [];
  const targetAt = [...at, 'target', 0];
  const selectors = target
    ? readSelectors((value.target as Record<string, unknown>[])[0].selector, [...targetAt, 'selector'], problems)
    : { quote: null, fragment: null };
  const tagging = new TaggingReader(problems);
  (row.tags ?? []).forEach((tag, i) => {
    tagging.tag(tag, [...at, 'tags', i]);
  });
  tagging.note(row.text ?? '');
  const fields = tagging.finish(at);
  const creator = readCreator(row.creator ?? row.user, [...at, row.creator ? 'creator' : 'user'], problems);
  if (problems.length > before) return null;
  return {
    path: jsonPath(at),
    id: row.id,
    iri: row.links?.html ?? null,
    target: {
      source: target?.source ?? row.uri,
      sourcePath: jsonPath(target?.source ? [...targetAt, 'source'] : [...at, 'uri']),
      id: claimOf(row.links?.incontext),
      ...selectors,
    },
    ...fields,
    creator: { ...creator, name: row.user_info?.display_name ?? null },
    created: row.created ?? null,
    modified: row.updated ?? null,
    replyTo: row.references?.length ? row.references[row.references.length - 1] : null,
  };
}

/** A Hypothesis document: one annotation, or a search response `{total, rows, replies?}`. */
export function readHypothesisDocument(document: Record<string, unknown>, problems: Problem[]): ImportedAnnotation[] {
  if (!Array.isArray(document.rows)) return [readHypothesisAnnotation(document, [], problems) ?? []].flat();
  const response = check(searchResponseSchema, document, [], problems);
  if (!response) return [];
  const lists: [string, unknown[]][] = [
    ['rows', response.rows],
    ['replies', response.replies ?? []],
  ];
  return lists.flatMap(([key, items]) =>
    items.flatMap((item, i) => readHypothesisAnnotation(item, [key, i], problems) ?? []),
  );
}
