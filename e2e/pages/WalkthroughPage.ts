import { expect, type Locator, type Page } from '@playwright/test';

/** Drives the order walkthrough: its toolbar toggle, the panel's buttons and the hop list. */
export class WalkthroughPage {
  readonly toggle: Locator;
  readonly panel: Locator;
  readonly next: Locator;
  readonly hops: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('walkthrough-open');
    this.panel = page.getByTestId('walkthrough-panel');
    this.next = page.getByTestId('walkthrough-next');
    this.hops = page.getByTestId('walkthrough-hop');
    this.outcome = page.getByTestId('walkthrough-outcome');
  }

  async start(): Promise<void> {
    await this.toggle.click();
    await expect(this.panel).toHaveAttribute('data-state', 'ready');
  }

  /** Presses Next once and waits until the step was shown. */
  async step(): Promise<void> {
    const before = await this.page.getByTestId('walkthrough-caption').textContent();
    await this.next.click();
    await expect(this.panel).toHaveAttribute('data-state', /ready|done/);
    await expect(this.page.getByTestId('walkthrough-caption')).not.toHaveText(before ?? '');
  }

  /**
   * Presses Next until the walkthrough is done; returns how many steps it took. Each step is one
   * round trip to the worker, so a loaded machine makes this slow, never wrong: the wait is for the
   * panel to settle, read in the same poll that says whether it is done.
   */
  async stepToEnd(max = 120): Promise<number> {
    for (let i = 1; i <= max; i++) {
      await this.next.click();
      let state = '';
      await expect
        .poll(async () => {
          state = (await this.panel.getAttribute('data-state')) ?? '';
          return state;
        })
        .toMatch(/^(ready|done)$/);
      if (state === 'done') return i;
    }
    throw new Error(`the walkthrough did not finish in ${max} steps`);
  }

  /** Where each hop went, in order (optionally without log shipping). */
  async hopTargets(skip: readonly string[] = []): Promise<string[]> {
    const targets = await this.hops.evaluateAll((els) => els.map((el) => el.getAttribute('data-to') ?? ''));
    return targets.filter((t) => !skip.includes(t));
  }

  async sagaSteps(): Promise<string[]> {
    const steps = await this.hops.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-saga-step') ?? ''),
    );
    return steps.filter((s) => s !== '');
  }
}
