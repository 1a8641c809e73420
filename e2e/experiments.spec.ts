import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { runCli } from '../src/cli/cliHarness';
import { EditorPage } from './pages/EditorPage';
import { ExperimentPage } from './pages/ExperimentPage';
import { expect, test } from './pages/fixtures';

const RATE = 'nodes.web.config.workload.ratePerSec';

/** Opens a template through the Templates dialog, as a person does. */
async function openTemplate(page: Page, file: string, name: string): Promise<void> {
  await page.getByTestId('open-templates').click();
  await page.getByTestId(`template-${file}`).click();
  await expect(page.getByTestId('document-name')).toHaveValue(name);
}

/** Sets the run's duration in the scenario inspector (nothing is selected). */
async function setDuration(page: Page, seconds: string): Promise<void> {
  const field = page.getByTestId('field-scenario-durationSec');
  await field.fill(seconds);
  await field.press('Enter');
  await expect(field).toHaveValue(seconds);
}

/** The Experiment panel as axe sees it: no violation of serious or critical impact. */
async function expectNoSeriousAxeViolation(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).include('[data-testid="experiment-dialog"]').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
}

/**
 * Downloads the panel's JSON (`<kind>-download`), closes the panel, and saves the diagram as a file
 * the CLI can read: what a person compares the page's result with.
 */
async function downloadAndSave(
  page: Page,
  experiment: ExperimentPage,
  editor: EditorPage,
  kind: string,
): Promise<{ inBrowser: string; file: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(`${kind}-download`).click();
  const inBrowser = readFileSync(await (await download).path(), 'utf8');
  await experiment.close();
  const file = join(mkdtempSync(join(tmpdir(), `archplay-${kind}-`)), 'doc.json');
  writeFileSync(file, (await editor.exportJson()).text);
  return { inBrowser, file };
}

/** The pool workers the page runs now (the live run's worker is another). */
const poolWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('pool.worker'));

test.describe('the Experiment panel', () => {
  let editor: EditorPage;
  let experiment: ExperimentPage;

  test.beforeEach(async ({ page }) => {
    editor = new EditorPage(page);
    experiment = new ExperimentPage(page);
    await editor.open();
    await openTemplate(page, 'microservices-flow.json', 'Microservices order flow');
    await setDuration(page, '6');
  });

  test('a sweep over the client rate of the microservices template draws the curve with its 95 % band and the SLO line, and gives the bytes `archplay sweep` prints', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await experiment.addDefaultSlo();
    await experiment.open();
    await expect(page.getByTestId('sweep-parameter')).toHaveValue(RATE);
    await expect(page.getByTestId('sweep-metric')).toHaveValue('nodes.web.latencyMs.p99');
    await experiment.sweep({ from: '1000', to: '9000', steps: '5', replications: '2' });
    await experiment.waitForCurve(5);
    await expectNoSeriousAxeViolation(page);
    await expect(experiment.chart.locator('.sweep-band path').first()).toBeVisible();
    await expect(experiment.chart.locator('.sweep-mean path').first()).toBeVisible();
    await expect(experiment.chart.locator('.sweep-slo-line')).toHaveCount(1);
    await expect(experiment.chart).toContainText('slo-1 <= 300');
    // The order service saturates near 5 800 requests/s: p99 passes 300 ms between 5 000 and 9 000.
    await expect(page.getByTestId('sweep-verdict')).toContainText('fail from');

    const { inBrowser, file } = await downloadAndSave(page, experiment, editor, 'sweep');
    const cli = await runCli([
      'sweep',
      file,
      '--vary',
      `${RATE}=1000:9000:5`,
      '--replications',
      '2',
      '--metric',
      'nodes.web.latencyMs.p99',
      '--json',
      '--jobs',
      '1',
    ]);
    expect(cli.stderr).toBe('');
    expect(inBrowser.length).toBeGreaterThan(500);
    expect(inBrowser).toBe(cli.stdout);
  });

  test('Cancel stops a sweep at once: its pool workers are terminated and it says how far it got', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await experiment.open();
    await experiment.sweep({ from: '1000', to: '9000', steps: '20', replications: '5' });
    await expect(experiment.progress).toContainText(/[1-9]\d* \/ 100 runs/, { timeout: 60_000 });
    expect(poolWorkers(page).length).toBeGreaterThan(0);
    const closed = poolWorkers(page).map((w) => new Promise((resolve) => w.on('close', resolve)));
    await page.getByTestId('exp-cancel').click();
    await expect(page.getByTestId('sweep-notice')).toContainText(/Cancelled after \d+ of 100 runs/);
    await expect(experiment.progress).toHaveCount(0);
    await Promise.all(closed);
    expect(poolWorkers(page)).toEqual([]);
    await expect(page.getByTestId('sweep-run')).toBeEnabled();
  });

  test('replications show every node as a mean with its 95 % interval, the SLOs judged on it, and give the bytes `archplay run --replications` prints', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await experiment.addDefaultSlo();
    await experiment.open();
    await experiment.tab('replications');
    await page.getByTestId('replications-count').fill('3');
    await page.getByTestId('replications-run').click();
    const result = page.getByTestId('replications-result');
    await expect(result).toBeVisible({ timeout: 120_000 });
    await expect(experiment.progress).toHaveCount(0);
    const chart = page.getByTestId('replications-chart');
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(chart.locator('.recharts-errorBar').first()).toBeVisible();
    await expect(page.getByTestId('replications-slo')).toContainText(/slo-1 [\d.,]+ ± [\d.,]+ <= 300/);
    await expect(
      page.getByTestId('replications-table').locator('tr[data-path="nodes.web.latencyMs.p99"]'),
    ).toBeVisible();
    await expectNoSeriousAxeViolation(page);

    const { inBrowser, file } = await downloadAndSave(page, experiment, editor, 'replications');
    const cli = await runCli(['run', file, '--replications', '3', '--json', '--jobs', '1']);
    expect(cli.stderr).toBe('');
    expect(JSON.parse(inBrowser).slos[0].id).toBe('slo-1');
    expect(inBrowser).toBe(cli.stdout);
  });

  test('compare mode runs two templates over the same seeds side by side, with overlaid charts', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await experiment.open();
    await experiment.tab('compare');
    await experiment.pickDesign('a', 'Microservices order flow');
    await experiment.pickDesign('b', 'Microservices basics');
    await experiment.compare('3');
    const result = page.getByTestId('compare-result');
    await expect(result).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('compare-side-a')).toContainText('Microservices order flow');
    await expect(page.getByTestId('compare-side-b')).toContainText('Microservices basics');
    await expect(page.getByTestId('compare-structure')).toContainText('Added in B');
    await expect(page.getByTestId('compare-structure')).toContainText('nodes.user');
    const legend = page.getByTestId('compare-legend');
    await expect(legend).toContainText('A: Microservices order flow');
    await expect(legend).toContainText('B: Microservices basics');
    const chart = page.getByTestId('compare-chart');
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(chart.locator('.recharts-errorBar').first()).toBeVisible();
    await expect(page.getByTestId('compare-table').locator('tbody tr').first()).toBeVisible();
    await expectNoSeriousAxeViolation(page);

    // The edited diagram against itself: no structural change and no significant difference.
    await experiment.pickDesign('a', 'Current diagram');
    await experiment.pickDesign('b', 'Current diagram');
    await experiment.compare('3');
    await expect(page.getByTestId('compare-structure')).toHaveAttribute('data-changes', '0', {
      timeout: 120_000,
    });
    await expect(page.getByTestId('compare-significant')).toHaveAttribute('data-count', '0');
  });

  test('a capacity search finds the highest client rate at which the SLO holds, names the bottleneck, and gives the bytes `archplay capacity` prints', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await experiment.addDefaultSlo();
    await experiment.open();
    await experiment.tab('capacity');
    await expect(page.getByTestId('capacity-client')).toHaveValue('web');
    await expect(page.getByTestId('capacity-slo-slo-1')).toBeChecked();
    await page.getByTestId('capacity-replications').fill('2');
    await page.getByTestId('capacity-tolerance').fill('5');
    await page.getByTestId('capacity-run').click();
    await expect(experiment.progress).toContainText(/Step \d+ · [\d.]+\/s/);
    const verdict = page.getByTestId('capacity-verdict');
    await expect(verdict).toBeVisible({ timeout: 180_000 });
    await expect(experiment.progress).toHaveCount(0);
    // In 6 s runs p99 breaks 300 ms between 5 000 and 9 000 requests/s (the sweep above), with the
    // order service saturated.
    const max = Number(await verdict.getAttribute('data-max'));
    expect(max).toBeGreaterThan(5000);
    expect(max).toBeLessThan(9000);
    await expect(verdict).toContainText(
      /web can send at most [\d,.]+ requests\/s with slo-1 holding\. The bottleneck is order/,
    );
    const chart = page.getByTestId('capacity-chart');
    const points = Number(await chart.getAttribute('data-points'));
    await expect(page.getByTestId('capacity-table').locator('tbody tr')).toHaveCount(points);
    await expect(
      page.getByTestId('capacity-table').locator('tbody tr[data-ok="false"]').first(),
    ).toBeVisible();
    await expect(chart.locator('.recharts-reference-line')).toHaveCount(2);
    await expectNoSeriousAxeViolation(page);

    const { inBrowser, file } = await downloadAndSave(page, experiment, editor, 'capacity');
    const cli = await runCli([
      'capacity',
      file,
      '--client',
      'web',
      '--replications',
      '2',
      '--tolerance',
      '0.05',
      '--json',
      '--jobs',
      '1',
    ]);
    expect(cli.stderr).toBe('');
    expect(JSON.parse(inBrowser).maxRatePerSec).toBe(max);
    expect(inBrowser).toBe(cli.stdout);
  });
});
