import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { LessonsPage } from './pages/LessonsPage';
import { exampleJson, LivePage } from './pages/LivePage';
import { ToolbarPage } from './pages/ToolbarPage';
import { WalkthroughPage } from './pages/WalkthroughPage';

/** The violations of impact serious or critical, as "rule: selectors" lines that read in a failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${theme} theme`, () => {
    test.beforeEach(async ({ page }, testInfo) => {
      // Each axe pass reads the whole page: several in a test take minutes on a loaded machine.
      testInfo.setTimeout(240_000);
      const editor = new EditorPage(page);
      await editor.open();
      await editor.viewSettled();
      if (theme === 'dark') {
        await (await new ToolbarPage(page).control('theme-toggle')).click();
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await page.keyboard.press('Escape');
      }
    });

    test('the main page, and a selected node, have no serious or critical violation; one h1', async ({
      page,
    }) => {
      await expect(page.locator('h1')).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
      await new EditorPage(page).select('order');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the log and event processors in the inspector have no serious or critical violation', async ({
      page,
    }) => {
      const editor = new EditorPage(page);
      await editor.openFixture('every-kind.json');
      for (const [id, name] of [
        ['logprocessor', 'Log processor'],
        ['eventprocessor', 'Event processor'],
      ] as const) {
        await editor.select(id);
        await expect(page.getByTestId('inspector-node')).toContainText(name);
        expect(await seriousViolations(page), id).toEqual([]);
      }
    });

    test('each bottom tab has no serious or critical violation', async ({ page }) => {
      for (const tab of ['events', 'charts', 'traces', 'logs', 'state', 'analysis']) {
        const button = page.getByTestId(`tab-${tab}`);
        // A click on the open tab folds the panel; only the others are clicked.
        if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
        expect(await seriousViolations(page), tab).toEqual([]);
      }
    });

    test('after a run, the failures-by-cause chart, a Failures block and the cause filter have no serious or critical violation', async ({
      page,
    }) => {
      const live = new LivePage(page);
      const doc = exampleJson('ecommerce.json');
      doc.scenario = { ...doc.scenario, durationSec: 20 };
      await live.openDocument(doc);
      await live.tab('charts');
      await live.speed('max');
      await live.run();
      await live.waitForRunStatus('done', 120_000);
      await expect(page.getByTestId('chart-failures').locator('.chart-legend-item').first()).toBeVisible();
      await new EditorPage(page).select('gateway');
      await expect(page.getByTestId('inspector-failures')).toBeVisible();
      expect(await seriousViolations(page), 'charts').toEqual([]);
      await live.tab('events');
      await expect(page.getByTestId('event-cause').locator('option').nth(1)).toBeAttached();
      expect(await seriousViolations(page), 'events').toEqual([]);
    });

    test("after a mesh run, the State tab with a sidecar's route chart has no serious or critical violation", async ({
      page,
    }) => {
      const live = new LivePage(page);
      const doc = exampleJson('service-mesh-canary.json');
      doc.scenario = { ...doc.scenario, durationSec: 20 };
      await live.openDocument(doc);
      await live.speed('max');
      await live.run();
      await live.waitForRunStatus('done', 120_000);
      await live.tab('state');
      await expect(
        page.getByTestId('route-chart-reviews-proxy').getByRole('img', { name: /canary-split: / }),
      ).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the File menu with its formats, the SLO editor and each tab of the Experiment panel have no serious or critical violation', async ({
      page,
    }) => {
      await (await new ToolbarPage(page).control('file-menu')).click();
      await expect(page.getByTestId('menu-export-k8s')).toBeVisible();
      expect(await seriousViolations(page), 'File menu').toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Add SLO' }).click();
      await expect(page.getByTestId('field-scenario-slos.0.value')).toBeVisible();
      expect(await seriousViolations(page), 'SLO editor').toEqual([]);
      await page.getByTestId('open-experiments').click();
      for (const tab of ['sweep', 'replications', 'compare']) {
        await page.getByTestId(`exp-tab-${tab}`).click();
        await expect(page.getByTestId(`exp-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
        expect(await seriousViolations(page), tab).toEqual([]);
      }
    });

    test('the templates dialog and the walkthrough have no serious or critical violation', async ({
      page,
    }) => {
      await page.getByTestId('open-templates').click();
      await expect(
        page.getByTestId('templates-dialog').locator('.template-card:not([disabled])').nth(2),
      ).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      const walkthrough = new WalkthroughPage(page);
      await walkthrough.start();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the lesson list, and a lesson judged with a hint open, have no serious or critical violation', async ({
      page,
    }) => {
      const lessons = new LessonsPage(page);
      await lessons.openList();
      expect(await seriousViolations(page)).toEqual([]);
      await lessons.open('redundancy', /add redundancy/);
      await lessons.check();
      await page.getByTestId('lesson-hint').click();
      await expect(page.getByTestId('lesson-hint-0')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
