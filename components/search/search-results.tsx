import Link from 'next/link';
import type { SearchResult } from '@/lib/server/search/search-engine';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)} %`);

interface Props {
  result: SearchResult;
  /** This search's address with some parameters set (a value) or dropped (null). */
  linkTo: (changes: Record<string, string | null>) => string;
  /** This is a later page (reached through a cursor): offer the way back to the first. */
  laterPage: boolean;
}

/** A facet's count as a link that narrows the search to it; a zero is plain text. */
function FacetCount({ count, href, label }: { count: number; href: string; label: string }) {
  return count === 0 ? (
    <span className="tabular-nums text-muted">0</span>
  ) : (
    <Link href={href} className="tabular-nums text-link underline" aria-label={`${count} ${label}: show only these`}>
      {count}
    </Link>
  );
}

export function SearchResults({ result, linkTo, laterPage }: Props) {
  const { items, facets, mode, correctedQuery } = result;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <section aria-labelledby="results-heading" className="min-w-0">
        <h2 id="results-heading" className="mb-2 text-sm text-muted">
          {facets.total} claim{facets.total === 1 ? '' : 's'}
        </h2>
        {mode === 'fuzzy' && correctedQuery && (
          <p className="mb-3 text-sm">
            No claim has those words; showing results for{' '}
            <Link href={linkTo({ q: correctedQuery })} className="font-semibold italic text-link underline">
              {correctedQuery}
            </Link>
            .{' '}
            <Link href={linkTo({ verbatim: 'true' })} className="text-link underline">
              Search only for the words as typed
            </Link>
          </p>
        )}
        {items.length === 0 ? (
          <p className="text-muted">No tagged claims match. Try fewer filters or other words.</p>
        ) : (
          <ol className="space-y-3">
            {items.map((hit) => (
              <li key={hit.id} className="rounded border border-line bg-surface p-3" data-testid="search-hit">
                <Link href={hit.href} className="block font-serif text-ink hover:underline">
                  {/* The snippet is the claim text HTML-escaped on the server, with <mark> around matches only. */}
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped by snippetHtml */}
                  <span dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                </Link>
                <p className="mt-1 text-xs text-muted">
                  {hit.thread.title} ¶{hit.passageOrdinal + 1} · {hit.aggregates.taggers} tagger
                  {hit.aggregates.taggers === 1 ? '' : 's'} · mean {percent(hit.aggregates.confidenceMean)} ·
                  disagreement {hit.aggregates.disagreement.toFixed(2)}
                  {hit.aggregates.crux > 0 && ` · crux ×${hit.aggregates.crux}`}
                  {hit.aggregates.concreteStoryNeeded > 0 && ` · story ×${hit.aggregates.concreteStoryNeeded}`}
                  {hit.aggregates.labels.length > 0 && ` · [${hit.aggregates.labels.join(', ')}]`}
                  {hit.orphan && ' · orphaned'}
                </p>
              </li>
            ))}
          </ol>
        )}
        {(laterPage || result.nextCursor) && (
          <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm leading-6">
            {laterPage && (
              <Link href={linkTo({ cursor: null })} className="text-link underline">
                First page
              </Link>
            )}
            {result.nextCursor && (
              <Link href={linkTo({ cursor: result.nextCursor })} className="text-link underline" rel="next">
                Next page
              </Link>
            )}
          </nav>
        )}
      </section>
      <aside aria-label="Result counts" className="min-w-0 space-y-3 text-sm">
        <h2 className="font-semibold">In these results</h2>
        <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
          {Object.entries(facets.axis).map(([axis, count]) => (
            <div key={axis} className="contents">
              <dt>
                <span className={`axis-swatch axis-${axis} mr-1`} aria-hidden="true" />
                {axis}
              </dt>
              <dd className="text-right">
                <FacetCount count={count} href={linkTo({ axis })} label={`${axis} claims`} />
              </dd>
            </div>
          ))}
          <dt>crux marked</dt>
          <dd className="text-right">
            <FacetCount count={facets.crux} href={linkTo({ crux: 'true' })} label="crux-marked claims" />
          </dd>
          <dt>story needed</dt>
          <dd className="text-right">
            <FacetCount
              count={facets.concreteStory}
              href={linkTo({ concreteStory: 'true' })}
              label="claims asking for a concrete story"
            />
          </dd>
        </dl>
        {facets.threads.length > 0 && (
          <>
            <h3 className="font-semibold">Threads</h3>
            <ul className="space-y-1">
              {facets.threads.map((t) => (
                <li key={t.slug} className="flex justify-between gap-2">
                  <span className="truncate">{t.title}</span>
                  <FacetCount count={t.count} href={linkTo({ thread: t.slug })} label={`claims in ${t.title}`} />
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </div>
  );
}
