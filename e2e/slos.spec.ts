import { expect, test } from './pages/fixtures';
import { exampleJson, LivePage } from './pages/LivePage';

test('the SLO chips read each SLO while the run goes on and end with the verdicts `run --json` gives', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LivePage(page);
  await live.open();
  const doc = exampleJson('microservices-flow.json');
  doc.scenario = {
    ...doc.scenario,
    durationSec: 20,
    slos: [
      { id: 'errors', target: 'system', metric: 'errorRate', op: '<', value: 0.01 },
      { id: 'late-p99', target: 'web', metric: 'p99Ms', op: '<=', value: 60, fromSec: 10 },
    ],
  };
  await live.openDocument(doc);
  const chips = page.getByTestId('slo-chip');
  const late = page.locator('[data-testid="slo-chip"][data-slo="late-p99"]');

  // Held at its first event: the window that opens at 10 s waits, the other reads from the start.
  await page.getByTestId('step-event').click();
  await expect(chips).toHaveCount(2);
  await expect(late).toHaveAttribute('data-state', 'waiting');
  await expect(late).toContainText('waiting');

  await live.speed('max');
  await live.run();
  await live.waitForRunStatus('done', 90_000);
  await expect(late).toHaveAttribute('data-state', 'final');
  const summary = (await live.summary()) as { slos: { id: string; ok: boolean; observed: number }[] };
  expect(summary.slos.map((s) => s.id)).toEqual(['errors', 'late-p99']);
  for (const slo of summary.slos) {
    const chip = page.locator(`[data-testid="slo-chip"][data-slo="${slo.id}"]`);
    await expect(chip).toHaveAttribute('data-state', 'final');
    await expect(chip).toHaveAttribute('data-ok', String(slo.ok));
    await expect(chip).toHaveClass(slo.ok ? /is-ok/ : /is-failed/);
    await expect(chip).toContainText(String(Number(slo.observed.toPrecision(4))));
  }
  // p99 of the web client is about 100 ms: that SLO fails, and says so in red.
  await expect(late).toHaveAttribute('data-ok', 'false');
});
