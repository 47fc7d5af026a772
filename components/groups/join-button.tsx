'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiCall } from './api-call';

/** Joins on a click, not on opening the page: a link preview must not make anyone a member. */
export function JoinButton({ token }: { token: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={busy}
        className="min-h-6 rounded border border-line-strong px-3 py-1"
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          try {
            await apiCall('/api/groups/join', 'POST', { token });
            router.push('/groups');
          } catch (error) {
            setProblem((error as Error).message);
            setBusy(false);
          }
        }}
      >
        Join the group
      </button>
      {problem && (
        <p role="alert" className="text-danger">
          {problem}
        </p>
      )}
    </div>
  );
}
