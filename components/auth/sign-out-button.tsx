'use client';

import { useState } from 'react';

/**
 * Signs out through next-auth's own endpoints (CSRF token, then the sign-out POST) without
 * shipping next-auth's client library on every page.
 */
async function signOut() {
  const { csrfToken } = await fetch('/api/auth/csrf').then((r) => r.json());
  await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  window.location.href = '/';
}

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut().finally(() => setBusy(false));
      }}
      className="min-h-6 text-sm text-ink-soft underline"
    >
      Sign out
    </button>
  );
}
