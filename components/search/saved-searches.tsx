'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import type { SavedSearchView } from '@/lib/search/saved-search';

interface Props {
  saved: SavedSearchView[];
  /** The current search's query string (empty on a bare /claims). */
  currentQuery: string;
}

async function problemOf(response: Response): Promise<string> {
  const body = await response.json().catch(() => null);
  return body?.error?.message ?? `The request failed (${response.status}).`;
}

/** The signed-in reader's saved searches: links back to each, delete, and "save this search". */
export function SavedSearches({ saved, currentQuery }: Props) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setBusy(true);
    const response = await fetch('/api/searches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, query: currentQuery }),
    }).catch(() => null);
    setBusy(false);
    if (!response) return setMessage({ kind: 'error', text: 'Could not reach the server; check your connection.' });
    if (!response.ok) return setMessage({ kind: 'error', text: await problemOf(response) });
    form.reset();
    setMessage({ kind: 'ok', text: `Saved as “${name.trim()}”.` });
    router.refresh();
  }

  async function remove(search: SavedSearchView) {
    const response = await fetch(`/api/searches/${search.id}`, { method: 'DELETE' }).catch(() => null);
    if (!response?.ok)
      return setMessage({ kind: 'error', text: response ? await problemOf(response) : 'Could not reach the server.' });
    setMessage({ kind: 'ok', text: `Deleted “${search.name}”.` });
    router.refresh();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border border-line bg-surface p-4 text-sm">
      <h2 id={`${id}-title`} className="font-semibold">
        Your saved searches
      </h2>
      {saved.length === 0 ? (
        <p className="text-muted">None yet: run a search, then save it here to come back to it.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {saved.map((search) => (
            <li key={search.id} className="inline-flex items-center gap-1 rounded-full border border-line pl-3">
              <Link href={`/claims?${search.query}`} className="underline decoration-line-strong hover:decoration-ink">
                {search.name}
              </Link>
              <button
                type="button"
                onClick={() => void remove(search)}
                aria-label={`Delete saved search ${search.name}`}
                className="min-h-6 min-w-6 rounded-full px-2 text-muted hover:text-danger"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={save} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-name`} className="block">
            Save this search as
          </label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            required
            maxLength={80}
            className="rounded border border-line-strong px-2 py-1"
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-action px-3 py-1.5 text-on-action disabled:opacity-60"
        >
          Save
        </button>
      </form>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'text-danger' : 'text-ok'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
