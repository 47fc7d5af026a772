'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** Keeps the inbox page current: a new reply in it shows the page again, without a reload. */
export function InboxLive() {
  const router = useRouter();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/inbox/events');
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('inbox', () => router.refresh());
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [router]);
  return (
    <p className="text-xs text-muted" data-testid="inbox-status" data-status={live ? 'live' : 'connecting'}>
      {live ? 'Live: new replies appear as they are written.' : 'Connecting…'}
    </p>
  );
}
