import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CruxFilters, layerQuery } from '@/components/cruxes/crux-filters';

const GROUP = '0193a0c4-7b7e-7000-8000-000000000001';

const render = (selected: { thread?: string; taggers?: string[]; minTaggers?: number; group?: string }) =>
  renderToStaticMarkup(
    createElement(CruxFilters, {
      action: '/threads/t/cruxes',
      taggers: [{ id: 'u1', name: 'Carol' }],
      selected,
      exportBase: '/api/threads/t/cruxes',
    }),
  );

const downloads = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)"[^>]*download/g)].map((m) => new URL(m[1].replaceAll('&amp;', '&'), 'http://x'));

describe('crux page filters on a group’s layer', () => {
  it('keep the group in the form and in every download link', () => {
    const html = render({ taggers: ['u1'], minTaggers: 3, group: GROUP });
    expect(html).toContain(`<input type="hidden" name="group" value="${GROUP}"/>`);
    const links = downloads(html);
    expect(links).toHaveLength(5);
    for (const link of links) {
      expect(link.searchParams.get('group')).toBe(GROUP);
      expect(link.searchParams.get('minTaggers')).toBe('3');
    }
  });

  it('name no group on the public layer', () => {
    const html = render({ minTaggers: 3 });
    expect(html).not.toContain('name="group"');
    for (const link of downloads(html)) expect(link.searchParams.has('group')).toBe(false);
  });

  it('lead "Compare two readers" to the same layer and thread', () => {
    expect(layerQuery({ thread: 'a-thread', group: GROUP })).toBe(`?thread=a-thread&group=${GROUP}`);
    expect(layerQuery({ group: GROUP })).toBe(`?group=${GROUP}`);
    expect(layerQuery({})).toBe('');
  });
});
