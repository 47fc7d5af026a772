import { z } from 'zod';
import { AXES } from '@/lib/claims/types';
import { AXIS_GROUPS } from '@/lib/cruxes/axis-group';

/** Version of the JSON crux summary; raise it on any change a reader of the file would notice. */
export const SUMMARY_SCHEMA_VERSION = 2;

const axis = z.enum(AXES);
const side = z.enum(['agree', 'disagree', 'unsure', 'unrated', 'untagged']);
const unit = z.number().min(0).max(1);
const percent = z.number().min(0).max(100);

const summaryClaim = z.object({
  rank: z.number().int().min(1),
  /** The group the claim is filed under: an axis, or "split" between outer and inner. */
  axis: z.enum(AXIS_GROUPS),
  claim: z.object({
    id: z.string(),
    threadSlug: z.string(),
    threadTitle: z.string(),
    passageId: z.string(),
    passageOrdinal: z.number().int().min(0),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    orphan: z.boolean(),
    url: z.url(),
  }),
  aggregates: z.object({
    taggers: z.number().int().min(0),
    confidence: z.object({
      count: z.number().int().min(0),
      mean: percent.nullable(),
      median: percent.nullable(),
      stddev: z.number().min(0).nullable(),
      histogram: z.array(z.number().int().min(0)).length(10),
    }),
    axes: z.object({
      outer: z.number().int(),
      inner: z.number().int(),
      both: z.number().int(),
      other: z.number().int(),
    }),
    concreteStoryNeeded: z.number().int().min(0),
    crux: z.number().int().min(0),
    labels: z.array(z.object({ label: z.string(), count: z.number().int().min(1) })),
  }),
  scores: z.object({
    spread: unit,
    disagreement: unit,
    axisSplit: unit,
    axisDisagreement: unit,
    cruxShare: unit,
    storyShare: unit,
    cruxScore: unit,
    consensusScore: unit,
  }),
  tags: z.array(
    z.object({
      userId: z.string(),
      userName: z.string(),
      axis,
      confidence: percent.nullable(),
      concreteStoryNeeded: z.boolean(),
      crux: z.boolean(),
      labels: z.array(z.string()),
      /** Markdown as written; render it with a sanitising renderer. */
      note: z.string(),
      updatedAt: z.string(),
    }),
  ),
  /** Replies on the claim, oldest first (absent in summaries written before replies existed). */
  replies: z
    .array(
      z.object({
        id: z.string(),
        authorId: z.string(),
        authorName: z.string(),
        parentId: z.string().nullable(),
        /** Markdown as written; render it with a sanitising renderer. */
        body: z.string(),
        createdAt: z.string(),
        editedAt: z.string().nullable(),
      }),
    )
    .optional(),
});

/** The JSON crux summary, schema version 2 (docs/formats/crux-summary-json.md). */
export const cruxSummarySchema = z.object({
  schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION),
  generator: z.literal('Crux Reader'),
  generatedAt: z.iso.datetime({ offset: true }),
  thread: z.object({ slug: z.string(), title: z.string(), url: z.url() }).nullable(),
  filters: z.object({
    minTaggers: z.number().int().min(0),
    taggers: z.array(z.string()).nullable(),
    threadSlug: z.string().nullable(),
    limit: z.number().int().min(0),
    consensusLimit: z.number().int().min(0),
  }),
  method: z.object({
    priorTaggers: z.number().min(0),
    cruxWeights: z.object({ disagreement: unit, axisDisagreement: unit, cruxShare: unit, storyShare: unit }),
    sideThresholds: z.object({ agree: percent, disagree: percent }),
    histogramBuckets: z.array(z.string()).length(10),
  }),
  cruxes: z.array(summaryClaim),
  consensus: z.array(summaryClaim),
  grid: z.object({
    taggers: z.array(z.object({ userId: z.string(), userName: z.string() })),
    rows: z.array(z.object({ claimId: z.string(), sides: z.array(side) })),
  }),
});

export type CruxSummary = z.infer<typeof cruxSummarySchema>;
export type SummaryClaim = z.infer<typeof summaryClaim>;
