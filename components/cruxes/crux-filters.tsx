import { DEFAULT_MIN_TAGGERS } from '@/lib/cruxes/rank-cruxes';

interface Props {
  action: string;
  threads?: { slug: string; title: string }[];
  taggers: { id: string; name: string }[];
  /** `group`: the layer shown (a group's id), kept by the form and the downloads; absent: public. */
  selected: { thread?: string; taggers?: string[]; minTaggers?: number; group?: string };
  exportBase: string;
}

/** The query that keeps a crux page's layer (and thread) on the pages it links to. */
export function layerQuery(selected: { thread?: string; group?: string }): string {
  const query = new URLSearchParams();
  if (selected.thread) query.set('thread', selected.thread);
  if (selected.group) query.set('group', selected.group);
  return query.size ? `?${query}` : '';
}

/** Filters (a GET form: the state is in the URL) and the download links for every format; both stay on the layer shown. */
export function CruxFilters({ action, threads, taggers, selected, exportBase }: Props) {
  const query = new URLSearchParams();
  if (selected.thread && threads) query.set('thread', selected.thread);
  if (selected.taggers?.length) query.set('taggers', selected.taggers.join(','));
  if (selected.minTaggers) query.set('minTaggers', String(selected.minTaggers));
  if (selected.group) query.set('group', selected.group);
  const download = (format: string) => `${exportBase}?${new URLSearchParams([...query, ['format', format]])}`;
  return (
    <div className="no-print space-y-3">
      <form
        method="get"
        action={action}
        className="flex flex-wrap items-end gap-4 rounded border border-line bg-surface p-3 text-sm"
      >
        {selected.group && <input type="hidden" name="group" value={selected.group} />}
        {threads && (
          <label className="w-full sm:w-auto">
            Thread{' '}
            <select
              name="thread"
              defaultValue={selected.thread ?? ''}
              className="w-full rounded border border-line-strong sm:w-auto sm:max-w-md"
            >
              <option value="">all threads</option>
              {threads.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset>
          <legend>Tagger group (none checked: everyone)</legend>
          <div className="flex max-w-xl flex-wrap gap-x-3">
            {taggers.map((t) => (
              <label key={t.id} className="inline-flex min-h-6 items-center gap-1">
                <input type="checkbox" name="taggers" value={t.id} defaultChecked={selected.taggers?.includes(t.id)} />
                {t.name}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          Minimum taggers{' '}
          <input
            name="minTaggers"
            type="number"
            min={1}
            defaultValue={selected.minTaggers ?? DEFAULT_MIN_TAGGERS}
            className="w-16 rounded border border-line-strong px-1"
          />
        </label>
        <button type="submit" className="rounded bg-action px-3 py-1 text-on-action">
          Apply
        </button>
      </form>
      <p className="text-sm leading-6">
        Download:{' '}
        {[
          ['md', 'Markdown'],
          ['json', 'JSON'],
          ['csv', 'CSV'],
          ['w3c', 'W3C Web Annotations (JSON-LD)'],
          ['hypothesis', 'Hypothesis JSON'],
        ].map(([format, label], index) => (
          <span key={format}>
            {index > 0 && ' · '}
            <a href={download(format)} className="text-link underline" download>
              {label}
            </a>
          </span>
        ))}
      </p>
    </div>
  );
}
