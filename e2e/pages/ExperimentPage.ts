import { expect, type Locator, type Page } from '@playwright/test';

/** A sweep as the form takes it: text typed into each field. */
interface SweepSettings {
  from: string;
  to: string;
  steps: string;
  replications: string;
}

/** Drives the Experiment panel: the sweep form and its curve, the comparison and its results. */
export class ExperimentPage {
  readonly dialog: Locator;
  readonly chart: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('experiment-dialog');
    this.chart = page.getByTestId('sweep-chart');
    this.progress = page.getByTestId('exp-progress');
  }

  /** Adds an SLO through the inspector's editor: its default is p99 of the web client at most 300 ms. */
  async addDefaultSlo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add SLO' }).click();
    await expect(this.page.getByTestId('field-scenario-slos.0.value')).toHaveValue('300');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-experiments').click();
    await expect(this.dialog).toBeVisible();
  }

  async tab(name: 'sweep' | 'replications' | 'compare' | 'capacity'): Promise<void> {
    await this.page.getByTestId(`exp-tab-${name}`).click();
    await expect(this.page.getByTestId(`exp-tab-${name}`)).toHaveAttribute('aria-selected', 'true');
  }

  /** Fills the sweep form (the field to vary keeps its default unless `parameter` is given) and runs it. */
  async sweep(settings: SweepSettings, parameter?: string): Promise<void> {
    if (parameter) await this.page.getByTestId('sweep-parameter').selectOption(parameter);
    await this.page.getByTestId('sweep-from').fill(settings.from);
    await this.page.getByTestId('sweep-to').fill(settings.to);
    await this.page.getByTestId('sweep-steps').fill(settings.steps);
    await this.page.getByTestId('sweep-replications').fill(settings.replications);
    await this.page.getByTestId('sweep-run').click();
  }

  /** Waits for the sweep's curve with `points` points (a sweep's runs are bounded, not timed). */
  async waitForCurve(points: number, timeout = 120_000): Promise<void> {
    await expect(this.chart).toHaveAttribute('data-points', String(points), { timeout });
    await expect(this.progress).toHaveCount(0);
  }

  /** Picks design A or B of a comparison by the option's label. */
  async pickDesign(side: 'a' | 'b', label: string): Promise<void> {
    await this.page.getByTestId(`compare-${side}`).selectOption({ label });
  }

  async compare(replications: string): Promise<void> {
    await this.page.getByTestId('compare-replications').fill(replications);
    await this.page.getByTestId('compare-run').click();
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('dialog-close').click();
    await expect(this.dialog).toHaveCount(0);
  }
}
