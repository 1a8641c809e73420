import { EditorPage } from './pages/EditorPage';
import { test } from './pages/fixtures';
import { exampleJson, LivePage } from './pages/LivePage';

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`monitoring ${size.width}`, async ({ page }) => {
    await page.setViewportSize(size);
    const live = new LivePage(page);
    const editor = new EditorPage(page);
    await live.open();
    await live.openDocument(exampleJson('monitoring.json'));
    await editor.viewSettled();
    await live.speed('max');
    await live.run();
    await live.waitForRunStatus('done', 90_000);
    await live.tab('state');
    await editor.select('processor');
    await page.mouse.move(5, 5);
    await page.screenshot({ path: `/tmp/k16/shots/mon-state-${size.width}.png` });
    await live.tab('events');
    await page.screenshot({ path: `/tmp/k16/shots/mon-events-${size.width}.png` });
    await live.tab('charts');
    await page.screenshot({ path: `/tmp/k16/shots/mon-charts-${size.width}.png` });
  });
}

test('every kind with the event processor selected', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openFixture('every-kind.json');
  await editor.select('eventprocessor');
  await page.mouse.move(5, 5);
  await page.screenshot({ path: '/tmp/k16/shots/kinds-evproc-1440.png' });
  await editor.select('logprocessor');
  await page.screenshot({ path: '/tmp/k16/shots/kinds-logproc-1440.png' });
});
