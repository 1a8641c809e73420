import { expect, type Locator, type Page } from '@playwright/test';
import { ToolbarPage } from './ToolbarPage';

/** The lessons: the list (from the toolbar or its More menu) and the panel beside the canvas. */
export class LessonsPage {
  readonly dialog: Locator;
  readonly panel: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('lessons-dialog');
    this.panel = page.getByTestId('lesson-panel');
    this.results = page.getByTestId('lesson-results');
  }

  /** Opens the list of lessons with the toolbar's Lessons control and waits for the lessons. */
  async openList(): Promise<void> {
    await (await new ToolbarPage(this.page).control('open-lessons')).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.entry('redundancy')).toBeVisible();
  }

  entry(id: string): Locator {
    return this.page.getByTestId(`lesson-${id}`);
  }

  /** Opens a lesson from the list; its panel shows its title. */
  async open(id: string, title: string | RegExp): Promise<void> {
    await this.entry(id).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.panel.getByRole('heading', { name: title })).toBeVisible();
  }

  /** Presses Check and waits for the verdict (the worker runs every seed of the lesson). */
  async check(): Promise<void> {
    await this.page.getByTestId('lesson-check').click();
    await expect(this.results).toBeVisible({ timeout: 60_000 });
  }

  checkRow(id: string): Locator {
    return this.page.getByTestId(`lesson-check-${id}`);
  }
}
