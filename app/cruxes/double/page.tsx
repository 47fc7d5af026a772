import type { Metadata } from 'next';
import Link from 'next/link';
import { doubleCruxQuerySchema } from '@/lib/cruxes/double-crux-query';
import { claimContextUrl } from '@/lib/export/links';
import { currentUser } from '@/lib/server/auth/current-user';
import { doubleCruxReport, sideName, taggersOf } from '@/lib/server/cruxes/double-crux-report';
import { layerOf } from '@/lib/server/groups/layer';
import { notFoundPage } from '@/lib/server/http/not-found-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compare two readers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
/** A side as the form sends it (one `a=` per reader checked) or as a link does (`a=id,id`). */
const side = (value: string | string[] | undefined) =>
  [value ?? []]
    .flat()
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Two readers (or two sets of readers) side by side: the claims both sides rated, where they stand
 * furthest apart first.
 */
export default async function DoubleCruxPage({ searchParams }: Props) {
  const raw = await searchParams;
  const chosen = { a: side(raw.a), b: side(raw.b) };
  const asked = { a: chosen.a.join(','), b: chosen.b.join(','), thread: one(raw.thread), group: one(raw.group) };
  const user = await currentUser();
  const groupId = await notFoundPage(layerOf(asked.group, user));
  const taggers = await taggersOf(asked.thread, groupId);
  const parsed = asked.a && asked.b ? doubleCruxQuerySchema.safeParse(asked) : null;
  const report = parsed?.success ? await notFoundPage(doubleCruxReport(parsed.data, user)) : null;
  const problem = parsed && !parsed.success ? parsed.error.issues[0].message : null;
  const names = report && { a: sideName(report.readersA), b: sideName(report.readersB) };
  const markdown =
    report &&
    `/api/cruxes/double?${new URLSearchParams(
      Object.entries({ ...asked, format: 'md' }).filter((entry): entry is [string, string] => Boolean(entry[1])),
    )}`;
  const pick = (name: 'a' | 'b', label: string) => (
    <fieldset className="min-w-0 max-w-full">
      <legend className="font-semibold">{label}</legend>
      <div className="flex max-h-40 max-w-md flex-wrap gap-x-3 overflow-y-auto">
        {taggers.map((t) => (
          <label key={t.id} className="inline-flex min-h-6 items-center gap-1">
            <input type="checkbox" name={name} value={t.id} defaultChecked={chosen[name].includes(t.id)} />
            {t.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="font-serif text-3xl font-semibold">Compare two readers</h1>
        <p className="text-sm text-muted">
          The claims both readers gave a confidence on, widest gap first: where a double-crux conversation starts. Pick
          several readers on a side to compare two camps: a side stands at its readers’ mean confidence.
        </p>
      </header>
      <form
        method="get"
        action="/cruxes/double"
        className="no-print flex flex-wrap items-end gap-4 rounded border border-line bg-surface p-3 text-sm"
      >
        {pick('a', 'Side A: one reader or several')}
        {pick('b', 'Side B: one reader or several')}
        {asked.thread && <input type="hidden" name="thread" value={asked.thread} />}
        {asked.group && <input type="hidden" name="group" value={asked.group} />}
        <button type="submit" className="min-h-6 rounded border border-line-strong px-2 py-1">
          Compare
        </button>
        {markdown && (
          <a href={markdown} className="text-link underline">
            Markdown
          </a>
        )}
      </form>
      {problem && (
        <p role="alert" className="text-danger">
          {problem}
        </p>
      )}
      {taggers.length < 2 && <p className="text-muted">Fewer than two readers have tagged here yet.</p>}
      {report && report.claims.length === 0 && (
        <p>
          {names?.a} and {names?.b} have not both rated any claim here yet.
        </p>
      )}
      {report && report.claims.length > 0 && (
        <ol className="space-y-4">
          {report.claims.map((c) => (
            <li key={c.claimId} className="space-y-2 rounded border border-line bg-surface p-3">
              <p className="text-sm text-muted">
                Gap {c.gap} · {c.thread.title}
              </p>
              <blockquote className="border-l-4 border-line-strong pl-3 font-serif">{c.text}</blockquote>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="font-semibold">{names?.a}</dt>
                <dd>
                  {c.confidenceA} %{c.tagsA.length > 1 ? ` (mean of ${c.tagsA.length})` : ''} · {c.axisA}
                  {c.cruxA ? ' · crux' : ''}
                </dd>
                <dt className="font-semibold">{names?.b}</dt>
                <dd>
                  {c.confidenceB} %{c.tagsB.length > 1 ? ` (mean of ${c.tagsB.length})` : ''} · {c.axisB}
                  {c.cruxB ? ' · crux' : ''}
                </dd>
              </dl>
              <Link
                href={claimContextUrl('', {
                  id: c.claimId,
                  threadSlug: c.thread.slug,
                  passageOrdinal: c.passageOrdinal,
                })}
                className="text-sm text-link underline"
              >
                The claim in context
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
