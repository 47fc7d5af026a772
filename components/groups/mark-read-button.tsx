'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiCall } from './api-call';

/** Marks the inbox read on a click (opening the page changes nothing), then shows it again. */
export function MarkReadButton() {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className="min-h-6 rounded border border-line-strong px-2 py-1 text-sm"
        onClick={async () => {
          try {
            await apiCall('/api/inbox/seen', 'POST');
            router.refresh();
          } catch (error) {
            setProblem((error as Error).message);
          }
        }}
      >
        Mark all as read
      </button>
      {problem && (
        <p role="alert" className="text-danger">
          {problem}
        </p>
      )}
    </div>
  );
}
