interface Props {
  action: string;
  threads?: { slug: string; title: string }[];
  taggers: { id: string; name: string }[];
  selected: { thread?: string; taggers?: string[]; minTaggers?: number };
  exportBase: string;
}

/** Filters (a GET form: the state is in the URL) and the download links for every format. */
export function CruxFilters({ action, threads, taggers, selected, exportBase }: Props) {
  const query = new URLSearchParams();
  if (selected.thread && threads) query.set('thread', selected.thread);
  if (selected.taggers?.length) query.set('taggers', selected.taggers.join(','));
  if (selected.minTaggers) query.set('minTaggers', String(selected.minTaggers));
  const download = (format: string) => `${exportBase}?${new URLSearchParams([...query, ['format', format]])}`;
  return (
    <div className="no-print space-y-3">
      <form
        method="get"
        action={action}
        className="flex flex-wrap items-end gap-4 rounded border border-stone-300 bg-white p-3 text-sm"
      >
        {threads && (
          <label>
            Thread{' '}
            <select name="thread" defaultValue={selected.thread ?? ''} className="rounded border border-stone-400">
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
              <label key={t.id} className="inline-flex items-center gap-1">
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
            defaultValue={selected.minTaggers ?? 3}
            className="w-16 rounded border border-stone-400 px-1"
          />
        </label>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1 text-white">
          Apply
        </button>
      </form>
      <p className="text-sm">
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
            <a href={download(format)} className="text-blue-800 underline" download>
              {label}
            </a>
          </span>
        ))}
      </p>
    </div>
  );
}
