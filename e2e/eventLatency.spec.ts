import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { exampleJson, LivePage } from './pages/LivePage';

test('a subscription link shows its events end-to-end p99, and a producer link does not', async ({
  page,
}) => {
  const live = new LivePage(page);
  const editor = new EditorPage(page);
  await live.open();
  await live.openDocument(exampleJson('event-driven-cqrs.json'));
  await editor.viewSettled();
  await live.speed('10');
  await live.run();
  await live.waitForClock(4000);
  await expect(page.getByTestId('edge-e2e-bus-analytics')).toHaveText(/^e2e p99 [\d.]+ ?(ms|s)$/);
  // The producer's link to the bus carries no end-to-end time.
  await expect(page.getByTestId('edge-e2e-commands-bus')).toBeHidden();
  await page.screenshot({ path: 'test-results/event-latency.png' });
  await live.pause();
});
