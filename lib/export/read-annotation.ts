import type { ImportedAnnotation, ImportedTarget } from './imported-annotation';
import { check, jsonPath, type PathSegment, type Problem } from './json-path';
import { isObject } from './json-values';
import { readBodies } from './read-bodies';
import { readSelectors } from './read-selectors';
import { annotationSchema, iri, targetSchema } from './w3c-schema';
import { z } from 'zod';

const creatorObjectSchema = z.looseObject({ id: iri, name: z.string().optional() });

/**
 * The creator: an IRI, or an agent object with an `id` IRI (and a name). One author: the model
 * allows several, but a tag is one reader's. Absent, the annotation is the importer's own.
 */
export function readCreator(raw: unknown, at: PathSegment[], problems: Problem[]): ImportedAnnotation['creator'] {
  const none = { iri: null, name: null, path: jsonPath(at) };
  if (raw === undefined || raw === null) return none;
  let value = raw;
  let path = at;
  if (Array.isArray(raw)) {
    if (raw.length !== 1) {
      problems.push({ path: jsonPath(at), message: `${raw.length} creators; a tag has one author` });
      return none;
    }
    [value] = raw;
    path = [...at, 0];
  }
  if (typeof value === 'string') {
    const found = check(iri, value, path, problems);
    return { iri: found, name: null, path: jsonPath(path) };
  }
  if (!isObject(value)) {
    problems.push({ path: jsonPath(path), message: 'expected an IRI or an agent {id, name}' });
    return none;
  }
  const agent = check(creatorObjectSchema, value, path, problems);
  return { iri: agent?.id ?? null, name: agent?.name ?? null, path: jsonPath([...path, 'id']) };
}

/** The one target (Hypothesis writes it as a list of one): an IRI, or a SpecificResource with source and selectors. */
function readTarget(raw: unknown, at: PathSegment[], problems: Problem[]): ImportedTarget | null {
  let value = raw;
  let path = at;
  if (Array.isArray(raw)) {
    if (raw.length !== 1) {
      problems.push({ path: jsonPath(at), message: `${raw.length} targets; a tag is on one claim` });
      return null;
    }
    [value] = raw;
    path = [...at, 0];
  }
  if (typeof value === 'string') {
    const source = check(iri, value, path, problems);
    return source ? { source, sourcePath: jsonPath(path), id: null, quote: null, fragment: null } : null;
  }
  if (!isObject(value)) {
    problems.push({ path: jsonPath(path), message: 'expected the target: an IRI or {source, selector}' });
    return null;
  }
  const target = check(targetSchema, value, path, problems);
  const selectors = readSelectors(value.selector, [...path, 'selector'], problems);
  if (!target) return null;
  return { source: target.source, sourcePath: jsonPath([...path, 'source']), id: target.id ?? null, ...selectors };
}

/** One W3C annotation at `at`, normalised; null (with problems added) when it cannot be imported. */
export function readAnnotation(value: unknown, at: PathSegment[], problems: Problem[]): ImportedAnnotation | null {
  const before = problems.length;
  const annotation = check(annotationSchema, value, at, problems);
  if (!annotation || !isObject(value)) return null;
  const target = readTarget(value.target, [...at, 'target'], problems);
  const tagging = readBodies(value.body, [...at, 'body'], problems);
  const creator = readCreator(value.creator, [...at, 'creator'], problems);
  if (!target || problems.length > before) return null;
  return {
    path: jsonPath(at),
    id: annotation.id,
    iri: annotation.canonical ?? annotation.id,
    target,
    ...tagging,
    creator,
    created: annotation.created ?? null,
    modified: annotation.modified ?? null,
    replyTo: null,
  };
}
