'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/ui/field';

export function SignInForm({ oauth }: { oauth: { id: string; name: string }[] }) {
  const router = useRouter();
  const next = safeNext(useSearchParams().get('next'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      email: String(form.get('email')),
      password: String(form.get('password')),
      redirect: false,
    });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.push(next);
      router.refresh();
    } else {
      setError(
        result?.status === 429 ? 'Too many attempts; wait a few minutes and try again.' : 'Wrong email or password.',
      );
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4" aria-describedby={error ? 'signin-error' : undefined}>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p id="signin-error" role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-action px-4 py-2 text-on-action disabled:opacity-60"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oauth.map((provider) => (
        <button
          key={provider.id}
          type="button"
          onClick={() => signIn(provider.id, { callbackUrl: next })}
          className="block rounded border border-line px-4 py-2"
        >
          Sign in with {provider.name}
        </button>
      ))}
    </div>
  );
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after signing in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
