'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';

type State =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'processing' }
  | { phase: 'done'; slug: string; title: string; created: boolean; repeats: number }
  | { phase: 'error'; message: string };

/** Upload a thread file (text, Markdown or LessWrong JSON) with a progress bar; XHR reports upload progress. */
export function UploadForm() {
  const id = useId();
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: 'idle' });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/threads');
    request.responseType = 'json';
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) setState({ phase: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
    };
    request.upload.onload = () => setState({ phase: 'processing' });
    request.onerror = () => setState({ phase: 'error', message: 'The upload failed; check your connection.' });
    request.onload = () => {
      const body = request.response ?? {};
      if (request.status >= 400) {
        const where = body?.error?.field ? ` (at ${body.error.field})` : '';
        setState({
          phase: 'error',
          message: `${body?.error?.message ?? `Upload failed (${request.status}).`}${where}`,
        });
        return;
      }
      const { thread } = body;
      setState({
        phase: 'done',
        slug: thread.slug,
        title: thread.title,
        created: thread.created,
        repeats: thread.repeats,
      });
      router.refresh();
    };
    setState({ phase: 'uploading', percent: 0 });
    request.send(form);
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-lg border border-line bg-surface p-4"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        Add a thread
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm">
            File (plain text, Markdown, or LessWrong GraphQL JSON; up to 20 MB)
          </label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            required
            accept=".txt,.md,.markdown,.json,text/plain,text/markdown,application/json"
          />
        </div>
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm">
            Title (optional)
          </label>
          <input id={`${id}-name`} name="title" type="text" className="rounded border border-line-strong px-2 py-1" />
        </div>
        <div>
          <label htmlFor={`${id}-format`} className="block text-sm">
            Format
          </label>
          <select
            id={`${id}-format`}
            name="format"
            className="rounded border border-line-strong px-2 py-1"
            defaultValue=""
          >
            <option value="">Detect</option>
            <option value="text">Plain text</option>
            <option value="markdown">Markdown</option>
            <option value="lesswrong-json">LessWrong JSON</option>
          </select>
        </div>
        <button
          type="submit"
          disabled={state.phase === 'uploading' || state.phase === 'processing'}
          className="rounded bg-action px-4 py-1.5 text-on-action disabled:opacity-60"
        >
          Upload
        </button>
      </div>
      {state.phase === 'uploading' && (
        <progress max={100} value={state.percent} className="w-full" aria-label="Upload progress">
          {state.percent}%
        </progress>
      )}
      <p aria-live="polite" className="text-sm">
        {state.phase === 'processing' && 'Finding repeated passages…'}
        {state.phase === 'error' && <span className="text-danger">{state.message}</span>}
        {state.phase === 'done' && (
          <>
            {state.created ? 'Added' : 'Already here'}:{' '}
            <Link href={`/threads/${state.slug}`} className="text-link underline">
              {state.title}
            </Link>
            {state.created && ` (${state.repeats} repeats folded)`}
          </>
        )}
      </p>
    </form>
  );
}
