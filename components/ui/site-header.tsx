import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentUser } from '@/lib/server/auth/current-user';

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="no-print border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-serif text-lg font-semibold tracking-tight">
          Crux Reader
        </Link>
        <Link href="/" className="text-sm text-stone-700 hover:text-stone-950">
          Threads
        </Link>
        <Link href="/claims" className="text-sm text-stone-700 hover:text-stone-950">
          Search claims
        </Link>
        <Link href="/cruxes" className="text-sm text-stone-700 hover:text-stone-950">
          Cruxes
        </Link>
        <span className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <Link href={`/users/${user.id}`} className="text-stone-700 hover:underline" data-testid="signed-in-as">
                {user.name}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="text-stone-800 underline">
                Sign in
              </Link>
              <Link href="/signup" className="text-stone-800 underline">
                Create account
              </Link>
            </>
          )}
        </span>
      </nav>
    </header>
  );
}
