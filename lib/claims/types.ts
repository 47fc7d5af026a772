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

/**
 * One user's current tag on a claim as the reader draws, filters and lists it: the reader's
 * compact list of a thread's claims carries these (GET /api/threads/:slug/claims/summary).
 */
export interface TagSummary {
  userId: string;
  userName: string;
  axis: Axis;
  /** The tagger's credence that the claim is true, 0–100; null when not given. */
  confidence: number | null;
  concreteStoryNeeded: boolean;
  crux: boolean;
  /** The note rendered to sanitised HTML by the server ("" when there is none). */
  noteHtml?: string;
  labels: string[];
  /** Grows with each change: a live event older than the tag shown is ignored. */
  version: number;
}

/** One user's current tag on a claim, as every reader sees it. */
export interface TagView extends TagSummary {
  id: string;
  claimId: string;
  /** Markdown, raw (render with the sanitising renderer). */
  note: string;
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

/**
 * A tagged span of a passage as the reader draws and lists it, with every current tag in summary:
 * what the reader's compact list carries. The details (prefix and suffix, times, raw notes) are a
 * ClaimView, one request away.
 */
export interface ClaimSummary {
  id: string;
  passageId: string;
  /** Ordinal (0-based) of the passage in its thread, for "¶n" links. */
  passageOrdinal: number;
  /** Code-point offsets into the passage text, half-open [start, end). */
  start: number;
  end: number;
  exact: string;
  /** True when re-anchoring onto a newer revision of the thread failed. */
  orphan: boolean;
  /** Live replies on the claim. */
  replyCount?: number;
  tags: TagSummary[];
}

/** A tag as the compact list sends it: the tagger by id (the name is in the list's `users`). */
export type TagSummaryWire = Omit<TagSummary, 'userName' | 'noteHtml'> & { noteHtml: string };

/** A thread's tagged claims in summary: GET /api/threads/:slug/claims/summary. */
export interface ClaimSummaryList {
  claims: (Omit<ClaimSummary, 'tags' | 'replyCount'> & { replyCount: number; tags: TagSummaryWire[] })[];
  /** Each tagger's name, once. */
  users: Record<string, string>;
  /** The thread's last event number the list includes: a live stream opened with `since` misses nothing. */
  since: number;
}

/** A tagged span of a passage, with every current tag on it. */
export interface ClaimView extends ClaimSummary, ClaimSelector {
  threadSlug: string;
  threadTitle: string;
  createdAt: string;
  /** The reading circle whose layer the claim is on; null: the public layer. */
  group?: string | null;
  tags: TagView[];
  /** Live replies, oldest first: read only for the exports (claimViews' `replies`). */
  replies?: ClaimReply[];
}
