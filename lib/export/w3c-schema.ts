import { z } from 'zod';
import { ANNO_CONTEXT, ANNO_CONTEXT_HTTPS } from './w3c-vocabulary';

/**
 * The parts of a W3C Web Annotation document that Crux Reader reads on import. Objects are loose:
 * properties Crux Reader does not use (rights, audience, styleClass…) are allowed and ignored.
 */

const iri = z.string().min(1);

export const contextSchema = z
  .union([z.string(), z.array(z.union([z.string(), z.record(z.string(), z.unknown())]))])
  .refine(
    (context) =>
      (Array.isArray(context) ? context : [context]).some((c) => c === ANNO_CONTEXT || c === ANNO_CONTEXT_HTTPS),
    {
      message: `not a Web Annotation document: @context must name ${ANNO_CONTEXT}`,
    },
  );

const page = z.looseObject({ type: z.literal('AnnotationPage'), items: z.array(z.unknown()) });

export const collectionSchema = z.looseObject({
  id: iri.optional(),
  type: z.literal('AnnotationCollection'),
  generated: z.string().optional(),
  total: z.number().int().min(0).optional(),
  first: page,
});

export const pageSchema = page;

const body = z.union([iri, z.looseObject({ type: z.string().optional() })]);

export const annotationSchema = z.looseObject({
  id: iri,
  type: z.literal('Annotation'),
  creator: z.union([iri, z.looseObject({ id: iri.optional(), name: z.string().optional() })]).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: z.union([body, z.array(body)]).optional(),
  target: z.looseObject({
    id: iri.optional(),
    source: iri,
    selector: z.union([z.looseObject({ type: z.string() }), z.array(z.unknown()).min(1)]),
  }),
});

export const textualBodySchema = z.looseObject({
  type: z.literal('TextualBody'),
  purpose: z.string().optional(),
  value: z.string(),
  format: z.string().optional(),
});

export const quoteSelectorSchema = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'must not be empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

export const positionSelectorSchema = z
  .looseObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((selector) => selector.end >= selector.start, { path: ['end'], message: 'must not be before start' });
