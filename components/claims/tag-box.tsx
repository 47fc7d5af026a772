'use client';

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_NOTE_LENGTH } from '@/lib/claims/limits';
import { AXES, type Axis } from '@/lib/claims/types';
import type { TagDraft } from './tag-draft';
import { isTextEntry } from '@/components/ui/text-entry';

const AXIS_LABEL: Record<Axis, string> = {
  outer: 'Outer alignment',
  inner: 'Inner alignment',
  both: 'Both',
  other: 'Other',
};
const AXIS_KEY: Record<string, Axis> = { o: 'outer', i: 'inner', b: 'both', x: 'other' };

interface Props {
  quote: string;
  initial: TagDraft;
  editing: boolean;
  busy: boolean;
  error: string | null;
  onSave(draft: TagDraft): void;
  onCancel(): void;
  onDelete?(): void;
  /** The frame: a card in the side panel by default; the bottom sheet passes its own. */
  className?: string;
}

/**
 * The tag box. Keys when focus is not in a text field: o/i/b/x axis, 1–9 confidence 10–90 %,
 * 0 no opinion, c concrete story, k crux. Enter saves from every field but the note, where
 * Ctrl/⌘+Enter does; Esc cancels from anywhere.
 */
export function TagBox({
  quote,
  initial,
  editing,
  busy,
  error,
  onSave,
  onCancel,
  onDelete,
  className = 'rounded-lg border border-line bg-surface p-4 shadow-lg',
}: Props) {
  const [draft, setDraft] = useState<TagDraft>(initial);
  const [labelText, setLabelText] = useState(initial.labels.join(', '));
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => box.current?.focus(), []);

  const set = (patch: Partial<TagDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () => onSave({ ...draft, labels: splitLabels(labelText) });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && target.tagName !== 'BUTTON') {
      // In the note Enter is a new line; Ctrl/⌘+Enter saves from there, plain Enter from anywhere else.
      if (target.tagName === 'TEXTAREA' && !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      save();
      return;
    }
    if (isTextEntry(target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key in AXIS_KEY) set({ axis: AXIS_KEY[key] });
    else if (/^[1-9]$/.test(key)) set({ confidence: Number(key) * 10 });
    else if (key === '0') set({ confidence: null });
    else if (key === 'c') set({ concreteStoryNeeded: !draft.concreteStoryNeeded });
    else if (key === 'k') set({ crux: !draft.crux });
    else return;
    event.preventDefault();
  }

  return (
    <div
      ref={box}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className={`tag-box space-y-3 focus-visible:outline-2 focus-visible:outline-focus ${className}`}
      data-testid="tag-box"
    >
      <h2 id={`${id}-title`} className="text-sm font-semibold">
        {editing ? 'Edit your tag' : 'Tag this claim'}
      </h2>
      <blockquote className="max-h-24 overflow-auto border-l-4 border-line pl-3 font-serif text-sm text-ink-soft">
        {quote}
      </blockquote>
      <fieldset>
        <legend className="text-xs font-medium text-ink-soft">Axis (o / i / b / x)</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {AXES.map((axis) => (
            <label key={axis} className="flex min-h-6 items-center gap-1.5 text-sm">
              <input
                type="radio"
                name={`${id}-axis`}
                value={axis}
                checked={draft.axis === axis}
                onChange={() => set({ axis })}
              />
              {AXIS_LABEL[axis]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-confidence`} className="text-xs font-medium text-ink-soft">
          Confidence it is true (1–9 → 10–90 %, 0 = no opinion):{' '}
          <output className="font-semibold">
            {draft.confidence === null ? 'no opinion' : `${draft.confidence} %`}
          </output>
        </label>
        <input
          id={`${id}-confidence`}
          type="range"
          min={0}
          max={100}
          step={5}
          value={draft.confidence ?? 50}
          onChange={(e) => set({ confidence: Number(e.target.value) })}
          className="block w-full"
          aria-valuetext={draft.confidence === null ? 'no opinion' : `${draft.confidence} percent`}
        />
      </div>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex min-h-6 items-center gap-1.5">
          <input
            type="checkbox"
            checked={draft.concreteStoryNeeded}
            onChange={(e) => set({ concreteStoryNeeded: e.target.checked })}
          />
          Concrete story needed (c)
        </label>
        <label className="flex min-h-6 items-center gap-1.5">
          <input type="checkbox" checked={draft.crux} onChange={(e) => set({ crux: e.target.checked })} />
          Crux (k)
        </label>
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="text-xs font-medium text-ink-soft">
          Note (Markdown; Ctrl+Enter or ⌘+Enter saves)
        </label>
        <textarea
          id={`${id}-note`}
          value={draft.note}
          maxLength={MAX_NOTE_LENGTH}
          onChange={(e) => set({ note: e.target.value })}
          rows={3}
          className="block w-full rounded border border-line-strong p-2 text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${id}-labels`} className="text-xs font-medium text-ink-soft">
          Labels (comma-separated; Enter saves)
        </label>
        <input
          id={`${id}-labels`}
          type="text"
          value={labelText}
          onChange={(e) => setLabelText(e.target.value)}
          className="block w-full rounded border border-line-strong p-1 text-sm"
        />
      </div>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          onClick={save}
          disabled={busy}
          className="rounded bg-action px-3 py-1.5 text-sm text-on-action disabled:opacity-60"
        >
          {busy ? 'Saving…' : 'Save (Enter)'}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-line-strong px-3 py-1.5 text-sm">
          Cancel (Esc)
        </button>
        {onDelete && (
          <button
            type="button"
            onClick={onDelete}
            className="ml-auto rounded px-3 py-1.5 text-sm text-danger underline"
          >
            Delete my tag
          </button>
        )}
      </div>
    </div>
  );
}

function splitLabels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}
