import { z } from 'zod';
import { ANNO_CONTEXT, ANNO_CONTEXT_HTTPS } from './w3c-vocabulary';

/**
 * The parts of a W3C Web Annotation document that Crux Reader reads on import. Objects are loose:
 * properties Crux Reader does not use (rights, audience, styleClass…) are allowed and ignored.
 * Properties that may hold one value or a list (body, target, selector, creator) are read item by
 * item elsewhere, so that every problem is reported at its own JSON path.
 */

export const iri = z.string().trim().min(1, 'must not be empty');

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [, year, month, day] = match.map(Number);
  // Date.parse rolls 30 February over into March; a date that does not exist is a mistake.
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** An xsd:dateTime with its time zone, as the model requires of created and modified; stored in UTC. */
export const dateTime = z
  .string()
  .refine(isDateTime, 'expected a date and time like "2025-03-01T10:00:00Z" (ISO 8601, with a time zone)')
  .transform((value) => new Date(value).toISOString());

/** `type` is one value or a list, which must include `name` (the model allows further types). */
const typeIncluding = (name: string) =>
  z.union([z.string(), z.array(z.string())]).refine((type) => (Array.isArray(type) ? type : [type]).includes(name), {
    message: `expected "${name}"`,
  });

export const contextSchema = z
  .union([z.string(), z.array(z.union([z.string(), z.record(z.string(), z.unknown())]))])
  .refine(
    (context) =>
      (Array.isArray(context) ? context : [context]).some((c) => c === ANNO_CONTEXT || c === ANNO_CONTEXT_HTTPS),
    {
      message: `not a Web Annotation document: @context must name ${ANNO_CONTEXT}`,
    },
  );

const page = z.looseObject({
  type: typeIncluding('AnnotationPage'),
  items: z.array(z.unknown()),
  next: z.unknown().optional(),
});

export const collectionSchema = z.looseObject({
  id: iri.optional(),
  type: typeIncluding('AnnotationCollection'),
  generated: dateTime.optional(),
  total: z.number().int().min(0).optional(),
  first: page,
});

export const pageSchema = page;

export const annotationSchema = z.looseObject({
  id: iri,
  type: typeIncluding('Annotation'),
  created: dateTime.optional(),
  modified: dateTime.optional(),
  canonical: iri.optional(),
  target: z.unknown().refine((target) => target !== undefined && target !== null, 'required'),
});

export const targetSchema = z.looseObject({
  id: iri.optional(),
  source: iri,
});

export const textualBodySchema = z.looseObject({
  purpose: z.union([z.string(), z.array(z.string())]).optional(),
  value: z.string(),
  format: z.string().optional(),
});

export const quoteSelectorSchema = z.looseObject({
  exact: z.string().min(1, 'must not be empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

export const positionSelectorSchema = z
  .looseObject({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((selector) => selector.end >= selector.start, { path: ['end'], message: 'must not be before start' });

export const fragmentSelectorSchema = z.looseObject({ value: z.string() });
