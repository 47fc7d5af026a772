import type { ImportedTagging } from './imported-annotation';
import { check, jsonPath, type PathSegment, type Problem } from './json-path';
import { asList, hasType, isObject, itemPath } from './json-values';
import { TaggingReader } from './read-tagging';
import { textualBodySchema } from './w3c-schema';
import { readConfidence } from './w3c-vocabulary';

/** The purposes a body may have, in the order one is chosen when a body lists several. */
const PURPOSES = ['tagging', 'assessing', 'commenting', 'describing'] as const;

function purposeOf(purpose: string | string[] | undefined): string | undefined {
  if (!Array.isArray(purpose)) return purpose;
  return PURPOSES.find((known) => purpose.includes(known)) ?? purpose[0];
}

/**
 * Tagging, assessing and commenting TextualBodies (a body without `type` but with a string `value`
 * is one too, as Hypothesis writes them); other bodies (IRIs, images) are skipped.
 */
export function readBodies(raw: unknown, at: PathSegment[], problems: Problem[]): ImportedTagging {
  const tagging = new TaggingReader(problems);
  if (raw !== undefined && raw !== null) {
    asList(raw).forEach((value, i) => {
      const path = itemPath(at, raw, i);
      const textual =
        hasType(value, 'TextualBody') || (isObject(value) && value.type === undefined && 'value' in value);
      if (!textual) return;
      const body = check(textualBodySchema, value, path, problems);
      if (!body) return;
      const purpose = purposeOf(body.purpose);
      if (purpose === 'tagging') tagging.tag(body.value, [...path, 'value']);
      else if (purpose === 'assessing') {
        const confidence = readConfidence(body.value);
        if (confidence === null)
          problems.push({
            path: jsonPath([...path, 'value']),
            message: 'expected a probability from "0" to "1", like "0.85"',
          });
        else tagging.setConfidence(confidence, [...path, 'value']);
      } else if (purpose === undefined || purpose === 'commenting' || purpose === 'describing')
        tagging.note(body.value);
    });
  }
  return tagging.finish(at);
}
