'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';

// Loaded when the uploader asks to rename, not with every reader's page.
const RenameThreadForm = dynamic(() => import('./rename-thread-form').then((m) => m.RenameThreadForm), {
  ssr: false,
});

interface Props {
  slug: string;
  title: string;
  /** The reader uploaded the thread (or is an admin): the title can be changed here. */
  canRename: boolean;
}

/** The thread's title; its uploader can rename it in place (a title found in the text can be wrong). */
export function ThreadTitle({ slug, title, canRename }: Props) {
  const [editing, setEditing] = useState(false);
  if (editing) return <RenameThreadForm slug={slug} title={title} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-wrap items-baseline gap-x-3">
      <h1 className="font-serif text-3xl font-semibold leading-tight">{title}</h1>
      {canRename && (
        <button
          type="button"
          onClick={() => setEditing(true)}
          className="no-print min-h-6 text-sm text-link underline"
          aria-label={`Rename the thread “${title}”`}
        >
          Rename
        </button>
      )}
    </div>
  );
}
