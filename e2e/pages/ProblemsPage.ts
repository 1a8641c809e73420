import { expect, type Locator, type Page } from '@playwright/test';

/** The problems badge in the toolbar, the Problems tab and the marks on the cards. */
export class ProblemsPage {
  readonly badge: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('problems-badge');
    this.rows = page.getByTestId('problem');
  }

  /** Waits until the badge shows `count` problems (the list reruns a moment after an edit). */
  async expectCount(count: number): Promise<void> {
    await expect(this.badge.locator('.problems-count')).toHaveText(String(count));
  }

  /** Opens the Problems tab from the badge. */
  async open(): Promise<void> {
    await this.badge.click();
    await expect(this.page.getByTestId('tab-problems')).toHaveAttribute('aria-selected', 'true');
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  mark(nodeId: string): Locator {
    return this.page.getByTestId(`problem-mark-${nodeId}`);
  }
}
