import { expect, test } from './pages/fixtures';
import { exampleJson, LivePage } from './pages/LivePage';

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
