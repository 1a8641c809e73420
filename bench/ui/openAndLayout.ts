import type { Page } from '@playwright/test';
import type { ProbeResult } from './probe';
import { round2 } from './uiStats';

interface OpenHook {
  __archplay: { openDocument(json: unknown): { ok: boolean; errors: string[] } };
  __uiProbe: { start(): void; stop(): ProbeResult };
}

/** Long tasks seen by the probe, rounded, and the longest. */
export interface LongTasks {
  count: number;
  maxMs: number;
  list: { atSec: number; ms: number }[];
}

function longTasksOf(probe: ProbeResult): LongTasks {
  return {
    count: probe.longTasks.length,
    maxMs: round2(Math.max(0, ...probe.longTasks.map((t) => t.ms))),
    list: probe.longTasks.map((t) => ({ atSec: round2(t.at / 1000), ms: round2(t.ms) })),
  };
}

/** How long a document took to open, from the call to the frame that shows every node measured. */
export interface FirstRender {
  ms: number;
  longTasks: LongTasks;
}

/**
 * Runs in the page (a string, so the bundler's helpers stay out of it): opens the document and
 * resolves with the milliseconds until every node is shown, plus the frame that paints them.
 */
const FIRST_RENDER_SCRIPT = `async (doc) => {
  const count = doc.nodes.length;
  const started = performance.now();
  const opened = window.__archplay.openDocument(doc);
  if (!opened.ok) throw new Error(opened.errors.join('; '));
  const shown = () =>
    Array.from(document.querySelectorAll('.react-flow__node')).filter((n) => n.style.visibility !== 'hidden').length;
  await new Promise((resolve) => {
    const check = () => (shown() >= count ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - started;
}`;

/**
 * Opens `doc` in the page (as the File menu's import does) and times its first render: from the
 * call until every node is in the DOM and measured (React Flow keeps a node hidden until then),
 * plus the frame that paints them.
 */
export async function openAndTimeFirstRender(page: Page, doc: Record<string, unknown>): Promise<FirstRender> {
  await page.evaluate(() => (globalThis as unknown as OpenHook).__uiProbe.start());
  const ms = (await page.evaluate(`(${FIRST_RENDER_SCRIPT})(${JSON.stringify(doc)})`)) as number;
  const probe = await page.evaluate(() => (globalThis as unknown as OpenHook).__uiProbe.stop());
  return { ms: round2(ms), longTasks: longTasksOf(probe) };
}

/** One auto-layout: its wall time from the click to the toast that says it is done. */
export interface LayoutRun {
  ms: number;
  longTasks: LongTasks;
}

/**
 * Whether `count` toasts say Arrange is done, checked on each animation frame with the page's own
 * querySelectorAll. Playwright's locators run their selector engines in JavaScript over the whole
 * page on each poll: 50-220 ms a time on the 300-node diagram (60 ms for a test id), long tasks of
 * the bench's own that it counted against the layout.
 */
export const arrangedToasts = (count: number): string =>
  `Array.from(document.querySelectorAll('[data-testid="toast"]')).filter((t) => t.textContent.includes('Arranged left to right')).length === ${count}`;

/**
 * Presses Arrange twice (the first start-up of ELK's worker included, then a warm one) and records
 * the long tasks on the main thread meanwhile.
 */
export async function timeAutoLayout(page: Page): Promise<{ cold: LayoutRun; warm: LayoutRun }> {
  const once = async (): Promise<LayoutRun> => {
    // Arrange sits in the toolbar's More menu when the bar has no room for it.
    const arrange = page.getByTestId('auto-layout');
    if ((await arrange.count()) === 0) {
      await page.getByTestId('toolbar-more').click();
      await arrange.waitFor();
    }
    await page.evaluate(() => (globalThis as unknown as OpenHook).__uiProbe.start());
    const started = Date.now();
    await arrange.click();
    await page.waitForFunction(arrangedToasts(1), undefined, { timeout: 120_000 });
    const ms = Date.now() - started;
    const probe = await page.evaluate(() => (globalThis as unknown as OpenHook).__uiProbe.stop());
    // Let the toast go, so the next run waits for its own.
    await page.waitForFunction(arrangedToasts(0), undefined, { timeout: 30_000 });
    return { ms, longTasks: longTasksOf(probe) };
  };
  const cold = await once();
  const warm = await once();
  return { cold, warm };
}
