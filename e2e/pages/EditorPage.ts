import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The text of a fixture diagram in e2e/fixtures. */
export function fixtureText(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8');
}

/** Drives the archplay editor the way a person does: palette, canvas, inspector, menus. */
export class EditorPage {
  readonly pane: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.pane = page.locator('.react-flow__pane');
    this.nodes = page.locator('.react-flow__node');
    this.edges = page.locator('.react-flow__edge');
    this.toasts = page.getByTestId('toast');
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitForDiagram();
  }

  async waitForDiagram(): Promise<void> {
    await expect(this.page.getByTestId('canvas')).toBeVisible();
    await expect(this.nodes.first()).toBeVisible();
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  nodesOfKind(kind: string): Locator {
    return this.page.locator(`.react-flow__node-${kind}`);
  }

  async nodeIds(): Promise<string[]> {
    const ids = await this.nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
    return ids.sort();
  }

  async edgeIds(): Promise<string[]> {
    const ids = await this.edges.evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
    return ids.sort();
  }

  /** Drags a palette kind onto the canvas at `at` (pixels from the pane's top-left corner). */
  async dragFromPalette(kind: string, at: { x: number; y: number }): Promise<void> {
    await this.page.getByTestId(`palette-${kind}`).dragTo(this.pane, { targetPosition: at });
  }

  /** The part of a card a click lands on: its full detail, or its glance when zoomed out. */
  cardBody(id: string): Locator {
    return this.node(id).locator('.arch-node-static');
  }

  /** The name on a card as shown: the full card's label, or the glance's title when zoomed out. */
  shownName(id: string): Locator {
    return this.node(id).locator('.node-label:visible, .arch-node-glance-title:visible').first();
  }

  async select(id: string): Promise<void> {
    await this.cardBody(id).click();
    await expect(this.page.getByTestId('inspector-node')).toBeVisible();
  }

  /** Clicks a link (its wide, invisible hit path) and waits for the edge inspector. */
  async selectEdge(id: string): Promise<void> {
    // The mouse goes to the middle of the link's path: a straight link's box has no height, which
    // Playwright's element click takes for being off screen.
    const path = this.page.locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-interaction`);
    const middle = await path.evaluate((el) => {
      const line = el as SVGPathElement;
      const p = line.getPointAtLength(line.getTotalLength() / 2);
      const m = line.getScreenCTM();
      if (!m) throw new Error('the link is not rendered');
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    await this.page.mouse.click(middle.x, middle.y);
    await expect(this.page.getByTestId('inspector-edge')).toBeVisible();
  }

  /** Draws a link by dragging from the source node's output handle to the target's input. */
  async connect(sourceId: string, targetId: string): Promise<void> {
    const from = await this.node(sourceId).locator('[data-handleid="out"]').boundingBox();
    const to = await this.node(targetId).locator('[data-handleid="in"]').boundingBox();
    if (!from || !to) throw new Error('handles not visible');
    const mouse = this.page.mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
    await mouse.up();
  }

  configField(path: string): Locator {
    return this.page.getByTestId(`field-config-${path}`);
  }

  configError(path: string): Locator {
    return this.page.getByTestId(`error-config-${path}`);
  }

  /** Types into an inspector field and leaves it, which is when an edit is committed. */
  async setConfig(path: string, value: string): Promise<void> {
    const field = this.configField(path);
    await field.fill(value);
    await field.press('Enter');
  }

  async shortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** Clicks on empty canvas, so keyboard shortcuts go to the editor rather than a field. */
  /**
   * Clicks an empty spot of the canvas (the pane itself, not a node, an edge, the zoom controls or
   * the minimap), so the canvas has the focus and nothing else changes.
   */
  async focusCanvas(): Promise<void> {
    const spot = await this.page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const xs = [0.5, 0.25, 0.75, 0.1, 0.9].map((f) => pane.left + f * pane.width);
      const ys = [pane.bottom - 12, pane.top + 12, pane.top + pane.height / 2];
      for (const y of ys) {
        for (const x of xs) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      return null;
    });
    if (!spot) throw new Error('no empty spot of the canvas to click');
    await this.page.mouse.click(spot.x, spot.y);
  }

  async importText(name: string, text: string): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text, 'utf8'),
    });
  }

  /** Imports a fixture and waits until its nodes are on the canvas. */
  async openFixture(name: string): Promise<void> {
    const text = fixtureText(name);
    await this.importText(name, text);
    const ids = (JSON.parse(text) as { nodes: { id: string }[] }).nodes.map((n) => n.id).sort();
    await expect.poll(() => this.nodeIds()).toEqual(ids);
    await this.viewSettled();
  }

  /** Waits until the canvas is done fitting the view, so nodes stay where a test finds them. */
  async viewSettled(): Promise<void> {
    await expect(this.page.locator('html')).not.toHaveAttribute('data-viewport-fitting');
  }

  /** Exports JSON through the File menu and returns the downloaded file's name and text. */
  async exportJson(): Promise<{ fileName: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId('menu-export-json').click();
    const file = await download;
    const path = await file.path();
    return { fileName: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  async exportImage(format: 'png' | 'svg'): Promise<{ fileName: string; bytes: number }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId(`menu-export-${format}`).click();
    const file = await download;
    return { fileName: file.suggestedFilename(), bytes: readFileSync(await file.path()).length };
  }

  async shareUrl(): Promise<string> {
    await this.page.getByTestId('share').click();
    const url = await this.page.getByTestId('share-url').inputValue();
    await this.page.getByTestId('dialog-close').click();
    return url;
  }
}
