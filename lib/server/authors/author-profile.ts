import type { Axis } from '@/lib/claims/types';
import { db } from '../db/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many of an author's tags their page lists (newest first); the rest are a search away. */
export const PROFILE_TAGS = 100;

export interface ProfileTag {
  id: string;
  axis: Axis;
  confidence: number | null;
  crux: boolean;
  concreteStoryNeeded: boolean;
  labels: string[];
  noteHtml: string;
  updatedAt: Date;
  claim: { id: string; exact: string; thread: { slug: string; title: string }; passage: { ordinal: number } };
}

export interface AuthorProfile {
  id: string;
  name: string;
  /** Set for an external author: the IRI they are known by elsewhere. */
  externalIri: string | null;
  createdAt: Date;
  tagCount: number;
  tags: ProfileTag[];
}

/**
 * A reader's or external author's public page: their name (never an email), where an external
 * author comes from, and their live tags, newest first, each linking to its claim.
 */
export async function authorProfile(id: string): Promise<AuthorProfile | null> {
  if (!UUID.test(id)) return null;
  const live = { userId: id, deletedAt: null };
  const [user, tagCount, tags] = await Promise.all([
    db.user.findUnique({ where: { id }, select: { id: true, name: true, externalIri: true, createdAt: true } }),
    db.tag.count({ where: live }),
    db.tag.findMany({
      where: live,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: PROFILE_TAGS,
      select: {
        id: true,
        axis: true,
        confidence: true,
        crux: true,
        concreteStoryNeeded: true,
        labels: true,
        noteHtml: true,
        updatedAt: true,
        claim: {
          select: {
            id: true,
            exact: true,
            thread: { select: { slug: true, title: true } },
            passage: { select: { ordinal: true } },
          },
        },
      },
    }),
  ]);
  return user && { ...user, tagCount, tags };
}
