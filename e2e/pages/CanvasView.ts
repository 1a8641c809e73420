import type { Page } from '@playwright/test';

/** What the canvas shows: its zoom, the size titles reach on screen, and whether the diagram fits. */
export class CanvasView {
  constructor(readonly page: Page) {}

  async zoom(): Promise<number> {
    return this.page.evaluate(() => {
      const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? Number.NaN);
    });
  }

  /** The smallest card title on screen, in CSS px: the rendered font size times the zoom. */
  async smallestTitlePx(): Promise<number> {
    const zoom = await this.zoom();
    const sizes = await this.page.evaluate(() => {
      const glance = document.querySelector<HTMLElement>('.react-flow')?.dataset.card === 'glance';
      const selector = glance ? '.arch-node-glance-title' : '.node-label';
      return [...document.querySelectorAll(selector)].map((el) => parseFloat(getComputedStyle(el).fontSize));
    });
    return Math.min(...sizes) * zoom;
  }

  /** Whether every node lies inside the canvas, and how much of the canvas the diagram spans (0-1). */
  async fit(): Promise<{ inside: boolean; widthShare: number; heightShare: number }> {
    return this.page.evaluate(() => {
      const pane = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
      const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      const top = Math.min(...boxes.map((b) => b.top));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      return {
        inside:
          left >= pane.left - 1 &&
          right <= pane.right + 1 &&
          top >= pane.top - 1 &&
          bottom <= pane.bottom + 1,
        widthShare: (right - left) / pane.width,
        heightShare: (bottom - top) / pane.height,
      };
    });
  }
}
