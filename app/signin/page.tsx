import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { SignInForm } from '@/components/auth/sign-in-form';
import { env } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  const { GITHUB_ID, GOOGLE_CLIENT_ID } = env();
  const oauth = [
    ...(GITHUB_ID ? [{ id: 'github', name: 'GitHub' }] : []),
    ...(GOOGLE_CLIENT_ID ? [{ id: 'google', name: 'Google' }] : []),
  ];
  return (
    <div className="max-w-md space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Sign in</h1>
      <p className="text-muted">Reading is open to everyone; tagging claims needs an account.</p>
      <Suspense>
        <SignInForm oauth={oauth} />
      </Suspense>
      <p className="text-sm">
        No account yet?{' '}
        <Link href="/signup" className="text-link underline">
          Create one
        </Link>
        .
      </p>
    </div>
  );
}
