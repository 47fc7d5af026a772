import { cookies } from 'next/headers';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentUser } from '@/lib/server/auth/current-user';
import { THEME_COOKIE, themeFromCookie } from '@/lib/theme';
import { ShortcutsButton } from './keyboard-shortcuts';
import { SiteMenu } from './site-menu';
import { ThemeSwitch } from './theme-switch';

const LINK = 'inline-flex min-h-6 items-center text-ink-soft hover:text-ink';

export async function SiteHeader() {
  const [user, jar] = await Promise.all([currentUser(), cookies()]);
  return (
    <header className="no-print border-b border-line bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="font-serif text-lg font-semibold tracking-tight">
          Crux Reader
        </Link>
        <SiteMenu>
          <Link href="/" className={LINK}>
            Threads
          </Link>
          <Link href="/claims" className={LINK}>
            Search claims
          </Link>
          <Link href="/cruxes" className={LINK}>
            Cruxes
          </Link>
          <Link href="/groups" className={LINK}>
            Groups
          </Link>
          {user && (
            <Link href="/inbox" className={LINK}>
              Inbox
            </Link>
          )}
          <span className="flex flex-col gap-3 lg:ml-auto lg:flex-row lg:items-center lg:gap-4">
            <ShortcutsButton className="min-h-6 text-ink-soft" />
            <ThemeSwitch initial={themeFromCookie(jar.get(THEME_COOKIE)?.value)} />
            {user ? (
              <span className="flex items-center gap-3">
                <Link
                  href={`/users/${user.id}`}
                  className="inline-flex min-h-6 items-center text-ink-soft hover:underline"
                  data-testid="signed-in-as"
                >
                  {user.name}
                </Link>
                <SignOutButton />
              </span>
            ) : (
              <span className="flex items-center gap-4">
                <Link href="/signin" className="inline-flex min-h-6 items-center text-ink underline">
                  Sign in
                </Link>
                <Link href="/signup" className="inline-flex min-h-6 items-center text-ink underline">
                  Create account
                </Link>
              </span>
            )}
          </span>
        </SiteMenu>
      </nav>
    </header>
  );
}
