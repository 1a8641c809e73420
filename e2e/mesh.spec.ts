import { expect, test } from './pages/fixtures';
import { exampleJson, LivePage } from './pages/LivePage';
import { ToolbarPage } from './pages/ToolbarPage';

test('a mesh run labels its links like Kiali, lists route and instance numbers, and marks a gray failure', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LivePage(page);
  await live.open();
  const doc = exampleJson('service-mesh-canary.json');
  doc.scenario = {
    ...doc.scenario,
    faults: [{ kind: 'grayFailure', atSec: 1, nodeId: 'reviews-v1', instance: 0, share: 0.5, factor: 5 }],
  };
  await live.openDocument(doc);
  await live.speed('10');
  await live.run();
  await live.waitForClock(4000, 60_000);
  await live.pause();
  // The canary split reads as shares of the proxy's requests, with rates and error rates.
  await expect(page.getByTestId('edge-share-proxy-v1')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId('edge-share-proxy-v2')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId('edge-label-proxy-v1')).toContainText('err');
  await expect(page.locator('.react-flow__node[data-id="reviews-v1"]')).toHaveAttribute(
    'data-fault',
    /Gray failure/,
  );
  await live.tab('state');
  await expect(page.getByTestId('state-route-reviews-proxy-0')).toContainText('requests');
  await expect(page.getByTestId('state-instances-reviews-v1')).toContainText('#2');
  if (process.env.SCREENSHOTS) {
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(page.getByTestId('state-instances-reviews-v1')).toBeVisible();
      await page.screenshot({ path: `test-results/mesh-${width}x${height}.png` });
    }
  }
});

test("after a mesh canary run, the State tab charts the sidecar's routes with its cards' numbers", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const live = new LivePage(page);
  await live.open();
  await page.getByTestId('open-templates').click();
  await page.getByTestId('template-service-mesh-canary.json').click();
  await expect(page.getByTestId('document-name')).toHaveValue('Service mesh canary');
  await live.speed('max');
  await live.run();
  await live.waitForRunStatus('done', 150_000);
  await live.tab('state');

  const chart = page.getByTestId('route-chart-reviews-proxy');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.chart-title')).toHaveText('reviews sidecar');
  await expect(chart).toHaveAttribute('data-routes', 'canary-header,canary-split');
  // One bar per route and series (requests, errors, mean): a bar of zero height is not drawn.
  await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(6);

  // The chart's numbers are the summary's, and its accessible name reads as the cards do.
  const summary = (await live.summary()) as {
    nodes: Record<string, { proxy: { routes: { name: string; count: number; errors: number }[] } }>;
  };
  const routes = summary.nodes['reviews-proxy']!.proxy.routes;
  await expect(chart).toHaveAttribute('data-requests', routes.map((r) => r.count).join(','));
  await expect(chart).toHaveAttribute('data-errors', routes.map((r) => r.errors).join(','));
  // The chart is one image to assistive technology, named by every route's numbers.
  const image = chart.getByRole('img', { name: /^Routes of reviews sidecar\. / });
  const name = (await image.getAttribute('aria-label')) ?? '';
  for (const [i, route] of routes.entries()) {
    const card = page.getByTestId(`state-route-reviews-proxy-${i}`);
    const fact = (label: string) =>
      card.locator('.state-fact', { hasText: label }).locator('dd').textContent();
    expect(name).toContain(
      `${route.name}: ${await fact('requests')} requests, ${await fact('errors')} errors`,
    );
    expect(name).toContain(`mean ${await fact('mean')}`);
  }
  const meanMs = (await chart.getAttribute('data-mean-ms'))!.split(',');
  for (const [i] of routes.entries()) {
    await expect(
      page
        .getByTestId(`state-route-reviews-proxy-${i}`)
        .locator('.state-fact', { hasText: 'mean' })
        .locator('dd'),
    ).toHaveText(`${meanMs[i]} ms`);
  }

  if (process.env.SCREENSHOTS) {
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await chart.scrollIntoViewIfNeeded();
      await expect(chart).toBeInViewport();
      await page.screenshot({ path: `test-results/mesh-routes-${width}x${height}.png` });
    }
    await (await new ToolbarPage(page).control('theme-toggle')).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('Escape');
    await expect(chart).toBeInViewport();
    await page.screenshot({ path: 'test-results/mesh-routes-1440x900-dark.png' });
  }
});
