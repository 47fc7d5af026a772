import type { ImportedAnnotation } from './imported-annotation';
import type { Problem } from './json-path';
import { isObject } from './json-values';
import { isHypothesisDocument, readHypothesisDocument } from './parse-hypothesis';
import { readW3cDocument } from './parse-w3c';

export type AnnotationFormat = 'w3c' | 'hypothesis';

export type AnnotationImport =
  | { ok: true; format: AnnotationFormat; annotations: ImportedAnnotation[] }
  | { ok: false; problems: Problem[] };

function parseJson(input: unknown, problems: Problem[]): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch (error) {
    problems.push({ path: '$', message: `not JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * Reads a document of annotations for import (JSON text or parsed): W3C Web Annotation JSON-LD —
 * an AnnotationCollection, an AnnotationPage or one Annotation — or Hypothesis's API JSON — one
 * annotation or a search response `{total, rows}`. Either every annotation normalised, or every
 * problem, each at its JSON path ("$.first.items[3].created: expected a date and time…"):
 * nothing is imported in part.
 */
export function parseAnnotations(input: unknown): AnnotationImport {
  const problems: Problem[] = [];
  const document = parseJson(input, problems);
  if (problems.length) return { ok: false, problems };
  if (!isObject(document)) {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message:
            'expected a JSON object: W3C Web Annotation JSON-LD (Annotation, AnnotationPage, AnnotationCollection) or Hypothesis JSON (an annotation, or a search response {total, rows})',
        },
      ],
    };
  }
  const format: AnnotationFormat = isHypothesisDocument(document) ? 'hypothesis' : 'w3c';
  const annotations =
    format === 'hypothesis' ? readHypothesisDocument(document, problems) : readW3cDocument(document, problems);
  return problems.length ? { ok: false, problems } : { ok: true, format, annotations };
}
