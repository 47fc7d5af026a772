import type pg from 'pg';
import type { BenchQuery } from './search-queries';

const AXIS_COLUMN: Record<string, string> = {
  outer: 'axisOuter',
  inner: 'axisInner',
  both: 'axisBoth',
  other: 'axisOther',
};
const ORDER: Record<string, string> = {
  disagreement: 'c."disagreement" DESC',
  tagged: 'c."tagCount" DESC',
  newest: 'c."createdAt" DESC',
  relevance: 'c."disagreement" DESC',
};

/**
 * The baseline: the same question answered by a straightforward scan — ILIKE on claim text and
 * notes for each word, the same facet filters, a count for the total, no search index used.
 */
export async function naiveSearch(client: pg.Pool, query: BenchQuery) {
  const p = query.params;
  const where: string[] = ['c."tagCount" > 0'];
  const values: unknown[] = [];
  const add = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  for (const word of (p.q ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = add(`%${word}%`);
    where.push(`(c."exact" ILIKE ${pattern} OR c."notesText" ILIKE ${pattern})`);
  }
  if (p.axis) where.push(`c."${AXIS_COLUMN[p.axis]}" > 0`);
  if (p.crux) where.push('c."cruxCount" > 0');
  if (p.concreteStory) where.push('c."storyCount" > 0');
  if (p.minDisagreement) where.push(`c."disagreement" >= ${add(Number(p.minDisagreement))}`);
  where.push(p.group ? `c."groupId" = ${add(p.group)}` : 'c."groupId" IS NULL');
  if (p.thread) where.push(`t."slug" = ${add(p.thread)}`);
  if (p.minConfidence)
    where.push(`c."confMean" BETWEEN ${add(Number(p.minConfidence))} AND ${add(Number(p.maxConfidence ?? 100))}`);
  const from = `FROM "Claim" c JOIN "Thread" t ON t."id" = c."threadId" WHERE ${where.join(' AND ')}`;
  await client.query(
    `SELECT c."id", c."exact" ${from} ORDER BY ${ORDER[p.sort ?? 'disagreement']}, c."id" DESC LIMIT 21`,
    values,
  );
  await client.query(`SELECT count(*) ${from}`, values);
}
