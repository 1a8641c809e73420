import { expect, type Locator, type Page } from '@playwright/test';

/** A toolbar control and where its centre is on screen. */
export interface ControlHit {
  name: string;
  /** What the browser found under the pointer at the control's centre. */
  target: string;
  /** Whether that was the control itself or inside it. */
  hit: boolean;
}

/**
 * The top bar: its controls, the overflow menu they move into when they do not fit, and a check
 * that a real click at each control's centre lands on that control.
 */
export class ToolbarPage {
  readonly bar: Locator;
  readonly more: Locator;
  readonly morePanel: Locator;

  constructor(readonly page: Page) {
    this.bar = page.locator('header.toolbar');
    this.more = page.getByTestId('toolbar-more');
    this.morePanel = page.getByTestId('toolbar-more-panel');
  }

  /** Whether the page scrolls sideways: its content is wider than the window. */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  }

  /**
   * Clicks every enabled control in `scope` at its centre with the real mouse, catching each click
   * before the app sees it (so nothing runs), and reports what received it.
   */
  async clickEachControl(scope: Locator): Promise<ControlHit[]> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __hits: string[]; __hitCatcher?: (e: MouseEvent) => void };
      w.__hits = [];
      w.__hitCatcher = (e: MouseEvent) => {
        const target = e.target as Element;
        w.__hits.push(target.closest('[data-testid]')?.getAttribute('data-testid') ?? target.tagName);
        e.stopImmediatePropagation();
        e.preventDefault();
      };
      window.addEventListener('click', w.__hitCatcher, true);
    });
    const controls = scope.locator('button:visible, input:visible, select:visible');
    const hits: ControlHit[] = [];
    for (const control of await controls.all()) {
      if (await control.isDisabled()) continue;
      const box = await control.boundingBox();
      if (!box) continue;
      const name =
        (await control.getAttribute('data-testid')) ??
        (await control.getAttribute('aria-label')) ??
        (await control.textContent()) ??
        '';
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const hit = await control.evaluate(
        (el, [px, py]) => {
          const under = document.elementFromPoint(px as number, py as number);
          return under !== null && (under === el || el.contains(under));
        },
        [x, y],
      );
      await this.page.mouse.click(x, y);
      const target = await this.page.evaluate(
        () => (window as unknown as { __hits: string[] }).__hits.pop() ?? '',
      );
      hits.push({ name, target, hit });
    }
    await this.page.evaluate(() => {
      const w = window as unknown as { __hitCatcher?: (e: MouseEvent) => void };
      if (w.__hitCatcher) window.removeEventListener('click', w.__hitCatcher, true);
    });
    return hits;
  }

  /** Opens the overflow menu when there is one; false when every control is on the bar. */
  async openMore(): Promise<boolean> {
    if ((await this.more.count()) === 0) return false;
    await this.more.click();
    await expect(this.morePanel).toBeVisible();
    return true;
  }

  /** A control by test id, opening the overflow menu first when it sits there. */
  async control(testId: string): Promise<Locator> {
    const control = this.page.getByTestId(testId);
    if ((await control.count()) === 0) await this.openMore();
    await expect(control).toBeVisible();
    return control;
  }
}
