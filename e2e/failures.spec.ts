import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { LivePage } from './pages/LivePage';

/**
 * Client -> API gateway -> two services, every node with its kind's defaults, as dragged from the
 * palette: the gateway has no route, so every request fails, and the page must say why.
 */
function unroutedGateway() {
  const node = (id: string, kind: string, label: string, x: number, y: number) => ({
    id,
    kind,
    label,
    position: { x, y },
    config: {},
  });
  return {
    format: 'archplay',
    version: 2,
    name: 'Gateway without routes',
    nodes: [
      node('web', 'client', 'Web shoppers', 0, 100),
      node('gw', 'gateway', 'API gateway', 360, 100),
      node('orders', 'service', 'Orders', 720, 0),
      node('users', 'service', 'Users', 720, 200),
    ],
    edges: [
      { id: 'web-gw', source: 'web', target: 'gw' },
      { id: 'gw-orders', source: 'gw', target: 'orders' },
      { id: 'gw-users', source: 'gw', target: 'users' },
    ],
    scenario: { durationSec: 30 },
  };
}

test.describe('failures by cause', () => {
  let live: LivePage;

  test.beforeEach(async ({ page }) => {
    live = new LivePage(page);
    await live.open();
    await live.openDocument(unroutedGateway());
  });

  test('a gateway without routes: the chart, its inspector and the event log say "no route"', async ({
    page,
  }) => {
    await live.tab('charts');
    await live.speed('max');
    await live.run();
    await live.waitForRunStatus('done');
    const chart = page.getByTestId('chart-failures');
    await expect(chart.locator('.chart-legend')).toHaveText('no route');
    await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBeGreaterThan(1);

    await page.locator('.react-flow__node[data-id="gw"] .arch-node-static').click();
    const block = page.getByTestId('inspector-failures');
    await expect(block).toBeVisible();
    const rows = block.getByTestId('inspector-failure');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-cause', 'noRoute');
    await expect(rows.first()).toContainText('no route');
    await expect(rows.first()).toContainText('100%');
    // The gateway's own chart shows the same cause.
    await expect(page.getByTestId('charts-scope')).toHaveAttribute('data-scope', 'node:gw');
    await expect(chart.locator('.chart-legend')).toHaveText('no route');

    await live.tab('events');
    const cause = page.getByTestId('event-cause');
    await expect(cause.locator('option')).toHaveText(['All causes', 'no route']);
    await cause.selectOption('noRoute');
    const events = page.getByTestId('event-row');
    await expect(events.first()).toBeVisible();
    await expect(events.first()).toContainText('no route');
    for (const type of await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-type'))))
      expect(type).toBe('errors');
  });

  test("the inspector says how many of an edge's calls failed, and nothing before a run", async ({
    page,
  }) => {
    // Click the link once the opening fit has settled (a click during the animation misses it).
    const editor = new EditorPage(page);
    await editor.viewSettled();
    await editor.selectEdge('web-gw');
    await expect(page.getByTestId('inspector-failures')).toHaveCount(0);
    await live.speed('max');
    await live.run();
    await live.waitForRunStatus('done');
    const total = page.getByTestId('inspector-failures-total');
    await expect(total).toHaveText(/^[\d,]+ of [\d,]+ calls failed, by cause:$/);
    const [failed, calls] = ((await total.textContent()) ?? '')
      .match(/[\d,]+/g)!
      .map((n) => Number(n.replaceAll(',', '')));
    expect(failed).toBe(calls);
  });
});
