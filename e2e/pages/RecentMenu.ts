import { expect, type Locator, type Page } from '@playwright/test';

/** The File menu's Recent section, and the notice shown while autosave is paused. */
export class RecentMenu {
  readonly items: Locator;
  readonly heldNotice: Locator;

  constructor(readonly page: Page) {
    this.items = page.getByTestId('recent-item');
    this.heldNotice = page.getByTestId('autosave-held');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('file-menu').click();
    await expect(this.page.getByTestId('recent-list')).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('recent-list')).toBeHidden();
  }

  /** The names listed under Recent, newest first (opens and closes the menu). */
  async names(): Promise<string[]> {
    await this.open();
    const names = await this.items.evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? ''));
    await this.close();
    return names;
  }

  /** Restores the newest Recent copy called `name`. */
  async restore(name: string): Promise<void> {
    await this.open();
    await this.page.locator(`[data-testid="recent-item"][data-name="${name}"]`).first().click();
    await expect(this.page.getByTestId('recent-list')).toBeHidden();
  }

  /** The autosaved text, read from the page's storage. */
  autosaved(): Promise<string> {
    return this.page.evaluate(() => localStorage.getItem('archplay.document') ?? '');
  }
}
