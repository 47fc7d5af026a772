import type { ClaimView } from '@/lib/claims/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db/client';
import { tagSelect, toTagView } from './tag-view';

const claimSelect = {
  id: true,
  passageId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  orphan: true,
  createdAt: true,
  thread: { select: { slug: true, title: true } },
  passage: { select: { ordinal: true } },
  tags: {
    where: { deletedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { ...tagSelect, user: { select: { name: true } } },
  },
} satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

function toClaimView(row: ClaimRow): ClaimView {
  return {
    id: row.id,
    threadSlug: row.thread.slug,
    threadTitle: row.thread.title,
    passageId: row.passageId,
    passageOrdinal: row.passage.ordinal,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    orphan: row.orphan,
    createdAt: row.createdAt.toISOString(),
    tags: row.tags.map((tag) => toTagView(tag, tag.user.name)),
  };
}

/** Claims with every live tag (notes rendered to sanitised HTML), in reading order. */
export async function claimViews(where: Prisma.ClaimWhereInput): Promise<ClaimView[]> {
  const rows = await db.claim.findMany({
    where,
    select: claimSelect,
    orderBy: [{ passage: { ordinal: 'asc' } }, { start: 'asc' }, { end: 'asc' }],
  });
  return rows.map(toClaimView);
}

export async function claimView(id: string): Promise<ClaimView | null> {
  const row = await db.claim.findUnique({ where: { id }, select: claimSelect });
  return row ? toClaimView(row) : null;
}
