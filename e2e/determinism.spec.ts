import { createRun, validateDocument } from '../src/core';
import { expect, test } from './pages/fixtures';
import { exampleJson, LivePage } from './pages/LivePage';

test('a run in the browser worker gives byte-for-byte the summary Node computes for the same document and seed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const json = exampleJson('ecommerce.json');
  json.scenario = { ...json.scenario, durationSec: 12, seed: 4242 };
  const parsed = validateDocument(json);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const inNode = createRun(parsed.document);
  inNode.runToEnd();
  const expected = JSON.stringify(inNode.summary());

  const live = new LivePage(page);
  await live.open();
  await live.openDocument(json);
  await live.speed('max');
  await live.run();
  await live.waitForRunStatus('done', 90_000);
  const inBrowser = JSON.stringify(await live.summary());
  expect(inBrowser.length).toBeGreaterThan(1000);
  expect(inBrowser).toBe(expected);
});
