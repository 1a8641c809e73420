import type { NodeKind } from '../../core/model/schema';
import type { UiKind } from './uiKind';

type Colored = { [K in NodeKind]: Pick<UiKind<K>, 'color'> };

/**
 * The stylesheet of the kind colours, from the kind modules: `--kind-<kind>` for the light and the
 * dark theme, and `--k` (the accent cards, palette items and the inspector header read) on every
 * `[data-kind]` element.
 */
export function kindColorCss(kinds: Colored): string {
  const entries = Object.entries(kinds) as [NodeKind, Colored[NodeKind]][];
  const vars = (theme: 'light' | 'dark') =>
    entries.map(([kind, { color }]) => `  --kind-${kind}: ${color[theme]};`).join('\n');
  const accents = entries.map(([kind]) => `[data-kind="${kind}"] {\n  --k: var(--kind-${kind});\n}`);
  return [
    `:root,\n[data-theme="light"] {\n${vars('light')}\n}`,
    `[data-theme="dark"] {\n${vars('dark')}\n}`,
    ...accents,
  ].join('\n');
}

/** Puts the kind colours into the page (once, at start-up). */
export function installKindColors(kinds: Colored, doc: Document): void {
  const style = doc.createElement('style');
  style.dataset.kindColors = '';
  style.textContent = kindColorCss(kinds);
  doc.head.append(style);
}
