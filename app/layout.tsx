import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { ShortcutsDialog } from '@/components/ui/keyboard-shortcuts';
import { ShortcutList } from '@/components/ui/shortcut-list';
import { SiteHeader } from '@/components/ui/site-header';
import { THEME_COOKIE, themeFromCookie } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Crux Reader', template: '%s · Crux Reader' },
  description: 'Read long argumentative threads together and find where people actually disagree.',
};

async function theme() {
  return themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
}

/** The browser paints its first, empty frame in the chosen scheme too, not only the styled page. */
export async function generateViewport(): Promise<Viewport> {
  const chosen = await theme();
  return { colorScheme: chosen === 'system' ? 'light dark' : chosen };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const chosen = await theme();
  return (
    <html lang="en" data-theme={chosen === 'system' ? undefined : chosen}>
      <body className="min-h-screen bg-page text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-surface focus:p-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <ShortcutsDialog>
          <ShortcutList />
        </ShortcutsDialog>
      </body>
    </html>
  );
}
