import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { exampleJson, LivePage } from './pages/LivePage';

interface Summary {
  alerts?: { rule: string; firedAtMs: number; resolvedAtMs: number | null }[];
  nodes: Record<
    string,
    { logProcessor?: { received: number; forwarded: number }; logStore?: { appended: number } }
  >;
}

/** The monitoring template without its processor: the router ships straight to nothing. */
function pipelineWithoutProcessor() {
  const doc = exampleJson('monitoring.json');
  doc.nodes = doc.nodes.filter((n) => n.kind !== 'logProcessor');
  doc.edges = doc.edges.filter((e) => !e.id.includes('processor'));
  doc.scenario = { ...doc.scenario, durationSec: 20, faults: [] };
  return doc;
}

test('a log processor dragged from the palette and wired between router and store processes the run', async ({
  page,
}) => {
  const live = new LivePage(page);
  const editor = new EditorPage(page);
  await live.open();
  await live.openDocument(pipelineWithoutProcessor());
  await editor.viewSettled();
  const box = await editor.pane.boundingBox();
  if (!box) throw new Error('canvas not visible');
  await editor.dragFromPalette('logProcessor', { x: box.width / 2, y: box.height - 60 });
  await expect(editor.nodesOfKind('logProcessor')).toHaveCount(1);
  const id = await editor.nodesOfKind('logProcessor').getAttribute('data-id');
  if (!id) throw new Error('no id on the dropped node');
  await editor.connect('router', id);
  await editor.connect(id, 'logs-1');
  await expect(editor.edges).toHaveCount(pipelineWithoutProcessor().edges.length + 2);

  await live.speed('max');
  await live.run();
  await live.waitForRunStatus('done', 60_000);
  const summary = (await live.summary()) as Summary;
  const processor = summary.nodes[id]!.logProcessor!;
  expect(processor.received).toBeGreaterThan(500);
  expect(processor.forwarded).toBe(processor.received);
  expect(summary.nodes['logs-1']!.logStore!.appended).toBe(processor.forwarded);

  await live.tab('state');
  await expect(page.getByText('Log processor', { exact: true }).first()).toBeVisible();
});

test('the monitoring template fires its alerts during the payment fault and shows them in the event log', async ({
  page,
}) => {
  const live = new LivePage(page);
  await live.open();
  const doc = exampleJson('monitoring.json');
  await live.openDocument(doc);
  await live.speed('max');
  await live.run();
  await live.waitForRunStatus('done', 90_000);
  const summary = (await live.summary()) as Summary;
  const burst = summary.alerts!.find((a) => a.rule === 'error-burst')!;
  // The payment fault starts at 60 s: the rule's 60 s window crosses 50 errors within it.
  expect(burst.firedAtMs).toBeGreaterThan(60_000);
  expect(burst.firedAtMs).toBeLessThanOrEqual(120_000);
  expect(burst.resolvedAtMs).toBeGreaterThan(120_000);
  await live.tab('events');
  await page.getByTestId('event-search').fill('error-burst');
  await expect(
    page.getByTestId('event-row').filter({ hasText: /alert error-burst .*fired: count \d+ > 50 over 60 s/ }),
  ).toHaveCount(1);
  await expect(
    page
      .getByTestId('event-row')
      .filter({ hasText: /alert error-burst .*resolved: count \d+ over 60 s, no longer > 50/ }),
  ).toHaveCount(1);
});
