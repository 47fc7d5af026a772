import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { LayerSwitch } from '@/components/groups/layer-switch';
import { LAYER_COOKIE } from '@/lib/groups/layer-cookie';
import { listGroups } from '@/lib/server/groups/groups';
import { assertClaimVisible } from '@/lib/server/groups/layer';
import { ReaderShell } from '@/components/reader/reader-shell';
import { OriginalText } from '@/components/reader/original-text';
import { ThreadBody } from '@/components/reader/thread-body';
import { ThreadTitle } from '@/components/reader/thread-title';
import { currentUser } from '@/lib/server/auth/current-user';
import { claimHighlights } from '@/lib/server/claims/highlights';
import { getThreadOrThrow } from '@/lib/server/threads/find-thread';
import { mayRenameThread } from '@/lib/server/threads/rename-thread';
import { getThreadModel } from '@/lib/server/threads/thread-model';
import { notFoundPage } from '@/lib/server/http/not-found-page';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ view?: string; claim?: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const thread = await getThreadOrThrow(slug).catch(() => null);
  return { title: thread?.title ?? 'Thread not found' };
}

const number = new Intl.NumberFormat('en');

export default async function ThreadPage({ params, searchParams }: Props) {
  const [{ slug }, { view, claim }] = await Promise.all([params, searchParams]);
  const model = await notFoundPage(getThreadModel(slug));
  const original = view === 'original';
  const user = await currentUser();
  // A link to one claim (from a crux page, the inbox, a search) opens the layer that claim is on,
  // when the reader may see it; otherwise the remembered layer, if it is still one of the reader's
  // groups; else the public layer.
  const groups = user ? await listGroups(user) : [];
  const linked = claim && UUID.test(claim) ? await assertClaimVisible(claim, user).catch(() => undefined) : undefined;
  const remembered = (await cookies()).get(LAYER_COOKIE)?.value;
  const group = linked !== undefined ? linked : (groups.find((g) => g.id === remembered)?.id ?? null);
  const [highlights, canRename] = await Promise.all([
    original ? [] : claimHighlights(model.threadId, model.revision.id, group),
    mayRenameThread(model.threadId, user),
  ]);
  const { revision } = model;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <ThreadTitle slug={slug} title={model.title} canRename={canRename} />
        <p className="text-sm text-muted">
          {number.format(revision.lineCount)} lines · {number.format(revision.passageCount)} unique passages ·{' '}
          {number.format(revision.repeatCount)} repeats folded · revision {revision.number} ({revision.format})
        </p>
        <nav aria-label="Views" className="no-print flex flex-wrap gap-4 text-sm">
          <Link href={`/threads/${slug}`} aria-current={original ? undefined : 'page'} className="view-link">
            Deduplicated
          </Link>
          <Link
            href={`/threads/${slug}?view=original`}
            aria-current={original ? 'page' : undefined}
            className="view-link"
          >
            Original text
          </Link>
          <a href={`/api/threads/${slug}/original`} className="view-link">
            Download original
          </a>
          <Link href={`/threads/${slug}/cruxes`} className="view-link">
            Cruxes
          </Link>
        </nav>
        {groups.length > 0 && <LayerSwitch groups={groups} selected={group} />}
      </header>
      {original ? (
        <OriginalText occurrences={model.occurrences} />
      ) : (
        <ReaderShell slug={slug} user={user ? { id: user.id, name: user.name } : null} group={group}>
          <ThreadBody model={model} highlights={highlights} />
        </ReaderShell>
      )}
    </div>
  );
}
