import { describe, expect, it } from 'vitest';
import { nodeKinds } from '../../core/model/schema';
import { uiKinds } from '.';
import { kindColorCss } from './kindColors';

/** The declarations of one rule block of the stylesheet, by its selector. */
function block(css: string, selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) return '';
  return css.slice(start, css.indexOf('}', start));
}

describe('kind colours', () => {
  const css = kindColorCss(uiKinds);

  it('declares each kind module’s light colour for the light theme and its dark colour for the dark one', () => {
    const light = block(css, ':root,\n[data-theme="light"]');
    const dark = block(css, '[data-theme="dark"]');
    for (const kind of nodeKinds) {
      expect(light).toContain(`--kind-${kind}: ${uiKinds[kind].color.light};`);
      expect(dark).toContain(`--kind-${kind}: ${uiKinds[kind].color.dark};`);
    }
  });

  it('points the accent of every element marked with a kind at that kind’s colour', () => {
    for (const kind of nodeKinds)
      expect(block(css, `[data-kind="${kind}"]`)).toContain(`--k: var(--kind-${kind});`);
  });

  it('gives no two kinds the same colour in one theme, so cards and minimap blocks tell kinds apart', () => {
    for (const theme of ['light', 'dark'] as const) {
      const colors = nodeKinds.map((k) => uiKinds[k].color[theme].toLowerCase());
      expect(new Set(colors).size).toBe(nodeKinds.length);
    }
  });
});
