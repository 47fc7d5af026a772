'use client';

import { LAYER_COOKIE } from '@/lib/groups/layer-cookie';

/**
 * Public or one of my groups: the reader's highlights, panel, tagging and live events follow the
 * choice, remembered in a cookie (a year) so every thread opens on the same layer.
 */
export function LayerSwitch({ groups, selected }: { groups: { id: string; name: string }[]; selected: string | null }) {
  return (
    <label className="no-print flex items-center gap-2 text-sm">
      Layer
      <select
        value={selected ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          const secure = window.location.protocol === 'https:' ? '; Secure' : '';
          // document.cookie, not the Cookie Store API: that one exists only on https (and localhost).
          // biome-ignore lint/suspicious/noDocumentCookie: see above
          document.cookie = `${LAYER_COOKIE}=${encodeURIComponent(value)}; Max-Age=31536000; Path=/; SameSite=Lax${secure}`;
          // Reopened without a claim link's `claim`, which would choose that claim's layer again.
          const url = new URL(window.location.href);
          if (!url.searchParams.has('claim')) return window.location.reload();
          url.searchParams.delete('claim');
          window.location.assign(url);
        }}
        className="rounded border border-line-strong bg-surface"
        data-testid="layer-switch"
      >
        <option value="">Public</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}
