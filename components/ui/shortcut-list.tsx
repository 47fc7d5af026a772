import type { ReactNode } from 'react';

type Shortcut = [keys: string[], what: ReactNode];

const GROUPS: { id: string; title: string; where: string; shortcuts: Shortcut[] }[] = [
  {
    id: 'anywhere',
    title: 'Anywhere',
    where: 'except while typing in a field',
    shortcuts: [[['?'], 'Show this list']],
  },
  {
    id: 'reader',
    title: 'Reading a thread',
    where: 'with the thread text focused (Tab to it, or click it)',
    shortcuts: [
      [['j', '↓'], 'Next sentence'],
      [['k', '↑'], 'Previous sentence'],
      [['→', '←'], 'Next / previous word'],
      [['Shift+→', 'Shift+←'], 'Extend / shrink the selection by a word, to tag part of a sentence'],
      [['t'], 'Tag the selected text or sentence'],
      [['n', 'p'], 'Next / previous crux, in the crux page’s order'],
      [['Esc'], 'Clear the selection'],
      [['Tab'], '“Skip to claims panel” before the text; “Back to the text” at the top of the panel'],
    ],
  },
  {
    id: 'tag-box',
    title: 'In the tag box',
    where: 'letter and number keys work when the focus is not in a text field',
    shortcuts: [
      [['o', 'i', 'b', 'x'], 'Axis: outer, inner, both, other'],
      [['1', '…', '9'], 'Confidence 10 % … 90 %'],
      [['0'], 'No opinion on confidence'],
      [['c'], 'Concrete story needed, on or off'],
      [['k'], 'Crux, on or off'],
      [['Enter'], 'Save, from any field but the note'],
      [['Ctrl+Enter', '⌘+Enter'], 'Save, from the note'],
      [['Esc'], 'Cancel; the focus goes back where it was'],
    ],
  },
];

/** Every keyboard shortcut, grouped by where it works. */
export function ShortcutList() {
  return (
    <div className="mt-3 space-y-5">
      {GROUPS.map((group) => (
        <section key={group.id} aria-labelledby={`shortcuts-${group.id}`}>
          <h3 id={`shortcuts-${group.id}`} className="font-semibold">
            {group.title} <span className="text-sm font-normal text-muted">({group.where})</span>
          </h3>
          <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[11rem_1fr]">
            {group.shortcuts.map(([keys, what]) => (
              <div key={keys.join()} className="contents">
                <dt className="flex flex-wrap items-start gap-1 max-sm:mt-1">
                  {keys.map((key) => (
                    <kbd
                      key={key}
                      className="rounded border border-line-strong bg-surface-muted px-1.5 font-mono text-xs leading-5"
                    >
                      {key}
                    </kbd>
                  ))}
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
