'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/ui/field';
import { signUpSchema } from '@/lib/users/sign-up-schema';

type Errors = Partial<Record<'email' | 'name' | 'password' | 'form', string>>;

export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signUpSchema.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setErrors({ [String(issue.path[0] ?? 'form')]: issue.message });
      return;
    }
    setBusy(true);
    setErrors({});
    const response = await fetch('/api/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(parsed.data),
    });
    if (!response.ok) {
      const { error } = await response.json().catch(() => ({ error: { message: 'Sign-up failed; try again.' } }));
      setErrors({ [error.field ?? 'form']: error.message });
      setBusy(false);
      return;
    }
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
    router.push('/');
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password (at least 8 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={errors.password}
      />
      {errors.form && (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded bg-action px-4 py-2 text-on-action disabled:opacity-60">
        {busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
