import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/auth/sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <div className="max-w-md space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Create an account</h1>
      <SignUpForm />
      <p className="text-sm">
        Have an account?{' '}
        <Link href="/signin" className="text-link underline">
          Sign in
        </Link>
        .
      </p>
    </div>
  );
}
