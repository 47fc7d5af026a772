import { AXES } from '@/lib/claims/types';
import type { SearchParams } from '@/lib/search/search-params';

interface Props {
  params: Partial<SearchParams>;
  threads: { slug: string; title: string }[];
  taggers: { id: string; name: string }[];
  signedIn: boolean;
}

const boolValue = (value: boolean | undefined) => (value === undefined ? '' : String(value));

/** A plain GET form: the search lives in the URL, so it can be shared, bookmarked and gone back to. */
export function SearchForm({ params, threads, taggers, signedIn }: Props) {
  return (
    <search>
      <form method="get" action="/claims" className="space-y-3 rounded-lg border border-line bg-surface p-4">
        <div className="flex gap-2">
          <label htmlFor="search-q" className="sr-only">
            Search claims and notes
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={params.q ?? ''}
            maxLength={500}
            placeholder='Search claims and notes, e.g. inner alignment -"reward model"'
            className="flex-1 rounded border border-line-strong px-3 py-2"
          />
          <button type="submit" className="rounded bg-action px-4 py-2 text-on-action">
            Search
          </button>
        </div>
        <div className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <fieldset>
            <legend className="font-medium">Axis</legend>
            {AXES.map((axis) => (
              <label key={axis} className="mr-3 inline-flex min-h-6 items-center gap-1">
                <input type="checkbox" name="axis" value={axis} defaultChecked={params.axis?.includes(axis)} />
                {axis}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="font-medium">Confidence (%)</legend>
            <label className="mr-2">
              from{' '}
              <input
                name="minConfidence"
                type="number"
                min={0}
                max={100}
                defaultValue={params.minConfidence}
                className="w-16 rounded border border-line-strong px-1"
              />
            </label>
            <label>
              to{' '}
              <input
                name="maxConfidence"
                type="number"
                min={0}
                max={100}
                defaultValue={params.maxConfidence}
                className="w-16 rounded border border-line-strong px-1"
              />
            </label>
            <label className="mt-1 block">
              of{' '}
              <select
                name="confidenceOf"
                defaultValue={params.confidenceOf ?? 'mean'}
                className="rounded border border-line-strong"
              >
                <option value="mean">everyone (mean)</option>
                {signedIn && <option value="mine">mine</option>}
              </select>
            </label>
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="font-medium">Flags</legend>
            <label className="block">
              Crux{' '}
              <select name="crux" defaultValue={boolValue(params.crux)} className="rounded border border-line-strong">
                <option value="">any</option>
                <option value="true">marked</option>
                <option value="false">not marked</option>
              </select>
            </label>
            <label className="block">
              Concrete story{' '}
              <select
                name="concreteStory"
                defaultValue={boolValue(params.concreteStory)}
                className="rounded border border-line-strong"
              >
                <option value="">any</option>
                <option value="true">needed</option>
                <option value="false">not asked</option>
              </select>
            </label>
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="font-medium">Who and where</legend>
            <label className="block">
              Thread{' '}
              <select
                name="thread"
                defaultValue={params.thread ?? ''}
                className="max-w-40 rounded border border-line-strong"
              >
                <option value="">all</option>
                {threads.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              Tagger{' '}
              <select
                name="tagger"
                defaultValue={params.tagger ?? ''}
                className="max-w-40 rounded border border-line-strong"
              >
                <option value="">anyone</option>
                {taggers.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <label>
            At least{' '}
            <input
              name="minTaggers"
              type="number"
              min={1}
              defaultValue={params.minTaggers}
              className="w-14 rounded border border-line-strong px-1"
            />{' '}
            taggers
          </label>
          <label>
            Disagreement ≥{' '}
            <input
              name="minDisagreement"
              type="number"
              min={0}
              max={1}
              step={0.05}
              defaultValue={params.minDisagreement}
              className="w-16 rounded border border-line-strong px-1"
            />
          </label>
          <label>
            Label{' '}
            <input
              name="label"
              type="text"
              defaultValue={params.label?.join(',') ?? ''}
              className="w-32 rounded border border-line-strong px-1"
            />
          </label>
          <label>
            Sort{' '}
            <select name="sort" defaultValue={params.sort ?? ''} className="rounded border border-line-strong">
              <option value="">{params.q ? 'relevance' : 'disagreement'} (default)</option>
              <option value="relevance">relevance</option>
              <option value="disagreement">disagreement</option>
              <option value="tagged">most tagged</option>
              <option value="newest">newest</option>
            </select>
          </label>
        </div>
      </form>
    </search>
  );
}
