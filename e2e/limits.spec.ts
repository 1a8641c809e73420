import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EditorPage, fixtureText } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { LivePage } from './pages/LivePage';
import { ToolbarPage } from './pages/ToolbarPage';

/** The notice's serious or critical axe violations (the rules of e2e/a11y.spec.ts), as rule ids. */
async function noticeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="run-stopped"]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test.describe('run limits in the page', () => {
  test('a runaway design stops with the limit, the node that filled up and the time, and the page stays responsive', async ({
    page,
  }, testInfo) => {
    // Two runs to a stop and two axe passes on a loaded machine.
    testInfo.setTimeout(240_000);
    const live = new LivePage(page);
    await live.open();
    await live.openDocument(JSON.parse(fixtureText('runaway.json')));
    await live.speed('max');
    await live.run();
    // The flood fills the model within a simulated second; a loaded machine gets there later.
    const notice = page.getByTestId('run-stopped');
    await expect(notice).toBeVisible({ timeout: 60_000 });
    await expect(notice).toContainText('The run was stopped');
    await expect(notice).toContainText('Black hole (nodes[1], id "hole")');
    await expect(notice).toContainText(/Stopped at [\d.]+ s of simulated time/);
    await live.waitForRunStatus('done');
    // The clock shows where the run stopped, and the summary is the partial run, marked as stopped.
    const summary = (await live.summary()) as {
      stopped: { atMs: number; nodeId: string };
      simulatedSec: number;
    };
    expect(summary.stopped.nodeId).toBe('hole');
    expect(await live.clockMs()).toBeCloseTo(summary.stopped.atMs, 0);
    // The notice reads in both themes.
    expect(await noticeViolations(page)).toEqual([]);
    await (await new ToolbarPage(page).control('theme-toggle')).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('Escape');
    expect(await noticeViolations(page), 'dark theme').toEqual([]);
    // The page still answers: the state panel opens and a node can be selected and inspected.
    await live.tab('state');
    await expect(page.getByTestId('state-panel')).toBeVisible();
    // The inspector opens on it (it shows the node's id).
    await new EditorPage(page).select('hole');
    await expect(page.getByTestId('inspector-node')).toContainText('hole');
    // Run again starts afresh (new frames arrive) and stops again: nothing is stuck.
    const framesBefore = (await live.stats()).framesReceived;
    await live.run();
    await expect.poll(async () => (await live.stats()).framesReceived).toBeGreaterThan(framesBefore);
    await live.waitForRunStatus('done', 60_000);
    await expect(notice).toBeVisible();
    expect(((await live.summary()) as { stopped: { nodeId: string } }).stopped.nodeId).toBe('hole');
  });
});
