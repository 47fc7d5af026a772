import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="no-print border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-serif text-lg font-semibold tracking-tight">
          Crux Reader
        </Link>
        <Link href="/" className="text-sm text-stone-700 hover:text-stone-950">
          Threads
        </Link>
      </nav>
    </header>
  );
}
