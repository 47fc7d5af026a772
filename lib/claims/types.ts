/** Which part of the alignment problem a claim bears on. */
export type Axis = 'outer' | 'inner' | 'both' | 'other';

export const AXES = ['outer', 'inner', 'both', 'other'] as const satisfies readonly Axis[];

/** W3C TextQuoteSelector + TextPositionSelector of a span of one passage (offsets in code points). */
export interface ClaimSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Code-point offsets into the passage text, half-open [start, end). */
  start: number;
  end: number;
}

/** One user's current tag on a claim, as every reader sees it. */
export interface TagView {
  id: string;
  claimId: string;
  userId: string;
  userName: string;
  axis: Axis;
  /** The tagger's credence that the claim is true, 0–100; null when not given. */
  confidence: number | null;
  concreteStoryNeeded: boolean;
  crux: boolean;
  /** Markdown, raw (render with the sanitising renderer). */
  note: string;
  /** The note rendered to sanitised HTML by the server, where it was rendered. */
  noteHtml?: string;
  labels: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Read only for the annotation exports (claimViews' provenance): an external author's IRI and own name. */
  externalIri?: string | null;
  externalName?: string | null;
  /** … and where an imported annotation was first published. */
  canonicalIri?: string | null;
}

/** A reply on a claim, as the exports write it. */
export interface ClaimReply {
  id: string;
  authorId: string;
  authorName: string;
  /** The top-level reply this one answers, if any. */
  parentId: string | null;
  /** Markdown as written. */
  body: string;
  createdAt: string;
  editedAt: string | null;
}

/** A tagged span of a passage, with every current tag on it. */
export interface ClaimView extends ClaimSelector {
  id: string;
  threadSlug: string;
  threadTitle: string;
  passageId: string;
  /** Ordinal (0-based) of the passage in its thread, for "¶n" links. */
  passageOrdinal: number;
  /** True when re-anchoring onto a newer revision of the thread failed. */
  orphan: boolean;
  createdAt: string;
  /** The reading circle whose layer the claim is on; null: the public layer. */
  group?: string | null;
  /** Live replies on the claim. */
  replyCount?: number;
  tags: TagView[];
  /** Live replies, oldest first: read only for the exports (claimViews' `replies`). */
  replies?: ClaimReply[];
}
