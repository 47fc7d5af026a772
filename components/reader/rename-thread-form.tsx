'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { apiCall } from '@/components/groups/api-call';

interface Props {
  slug: string;
  title: string;
  onDone(): void;
}

/** The title as a field: saved through the API, the page then shows the new one; an error is said beside it. */
export function RenameThreadForm({ slug, title, onDone }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get('title') ?? '');
    setBusy(true);
    setError(null);
    try {
      await apiCall(`/api/threads/${encodeURIComponent(slug)}`, 'PATCH', { title: next });
      onDone();
      router.refresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="space-y-1" aria-label="Rename the thread">
      <h1 className="sr-only">{title}</h1>
      <div className="flex flex-wrap items-center gap-2">
        <label className="grow">
          <span className="sr-only">New title</span>
          <input
            name="title"
            defaultValue={title}
            required
            maxLength={300}
            // biome-ignore lint/a11y/noAutofocus: the reader just asked to rename; the field is what they came for
            autoFocus
            className="w-full rounded border border-line-strong bg-surface px-2 py-1 font-serif text-2xl"
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="min-h-6 rounded border border-line-strong px-3 py-1 text-sm hover:bg-page"
        >
          {busy ? 'Saving…' : 'Save title'}
        </button>
        <button type="button" onClick={onDone} className="min-h-6 text-sm text-link underline">
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
