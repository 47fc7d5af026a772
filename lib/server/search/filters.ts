import { Prisma } from '@/lib/generated/prisma/client';
import type { SearchParams } from '@/lib/search/search-params';

const AXIS_COLUMN = { outer: 'axisOuter', inner: 'axisInner', both: 'axisBoth', other: 'axisOther' } as const;

/** The facet filters as SQL conditions on "Claim" c, combinable with AND. */
export function facetConditions(params: SearchParams, viewerId: string | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`c."tagCount" > 0`];
  if (params.axis?.length) {
    where.push(
      Prisma.sql`(${Prisma.join(
        params.axis.map((axis) => Prisma.sql`c.${Prisma.raw(`"${AXIS_COLUMN[axis]}"`)} > 0`),
        ' OR ',
      )})`,
    );
  }
  const { minConfidence: min, maxConfidence: max } = params;
  if (min !== undefined || max !== undefined) {
    const low = min ?? 0;
    const high = max ?? 100;
    if (params.confidenceOf === 'mine' && viewerId) {
      where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Tag" m WHERE m."claimId" = c."id" AND m."userId" = ${viewerId}::uuid
        AND m."deletedAt" IS NULL AND m."confidence" BETWEEN ${low} AND ${high})`);
    } else {
      where.push(Prisma.sql`c."confMean" BETWEEN ${low} AND ${high}`);
    }
  }
  if (params.concreteStory !== undefined)
    where.push(params.concreteStory ? Prisma.sql`c."storyCount" > 0` : Prisma.sql`c."storyCount" = 0`);
  if (params.crux !== undefined)
    where.push(params.crux ? Prisma.sql`c."cruxCount" > 0` : Prisma.sql`c."cruxCount" = 0`);
  if (params.tagger) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Tag" g WHERE g."claimId" = c."id" AND g."userId" = ${params.tagger}::uuid AND g."deletedAt" IS NULL)`,
    );
  }
  if (params.thread) where.push(Prisma.sql`c."threadId" = (SELECT "id" FROM "Thread" WHERE "slug" = ${params.thread})`);
  if (params.minTaggers) where.push(Prisma.sql`c."tagCount" >= ${params.minTaggers}`);
  if (params.minDisagreement !== undefined) where.push(Prisma.sql`c."disagreement" >= ${params.minDisagreement}`);
  if (params.label?.length) where.push(Prisma.sql`c."labels" @> ${params.label}::text[]`);
  return where;
}
