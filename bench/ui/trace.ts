import { readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { resolveChromium, SYSTEM_CHROMIUM_ARGS } from '../../e2e/browser';
import { bigDiagram } from './bigDiagram';
import { arrangedToasts } from './openAndLayout';
import { PROBE_SCRIPT } from './probe';
import { summarizeTrace, type TraceEvent } from './traceSummary';

/**
 * `tsx bench/ui/trace.ts [--only 300|100|shop] [--phase run|open|layout] [--seconds N] [--out FILE]`
 * against a running `vite preview` on PW_PORT: records a Chromium performance trace (with the JS
 * sampling profiler) of one phase of a bench:ui scenario and prints where the main thread's time
 * went: the long tasks with what filled them, and the JavaScript functions with the most self time.
 * A build with `--minify false` gives readable function names. More switches: `--arrange` (run
 * phase: Arrange first, as bench:ui does for 300 nodes), `--cold` (layout phase: the first Arrange),
 * `--tab events` (another bottom tab than the charts), `--css RULES` (a style injected before the
 * run, to see what a part costs by hiding it), `--invalidations` (who dirtied style and layout),
 * `--shot FILE`, `--width`/`--height`. Tracing itself costs: the first task of the window is its
 * start-up, and JavaScript runs slower under the profiler; compare traces with traces.
 */

const PORT = Number(process.env.PW_PORT ?? 4179);
const BASE = `http://127.0.0.1:${PORT}`;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
  'blink.user_timing',
  ...(process.argv.includes('--invalidations')
    ? ['disabled-by-default-devtools.timeline.invalidationTracking']
    : []),
].join(',');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function scenarioDoc(only: string): Record<string, unknown> {
  if (only === 'shop') {
    const shop = JSON.parse(readFileSync('public/examples/ecommerce.json', 'utf8')) as Record<
      string,
      unknown
    >;
    shop.scenario = { ...(shop.scenario as object), durationSec: 86_400 };
    return shop;
  }
  return bigDiagram(Number(only));
}

async function traced(page: Page, body: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await body();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

async function arrange(page: Page): Promise<void> {
  const button = page.getByTestId('auto-layout');
  if ((await button.count()) === 0) {
    await page.getByTestId('toolbar-more').click();
    await button.waitFor();
  }
  await button.click();
  await page.waitForFunction(arrangedToasts(1), undefined, { timeout: 120_000 });
}

async function main(): Promise<void> {
  const only = arg('only', '300');
  const seconds = Number(arg('seconds', '6'));
  const phase = arg('phase', 'run');
  const out = arg('out', '');
  const width = Number(arg('width', '1440'));
  const height = Number(arg('height', '900'));
  const info = resolveChromium();
  const browser = await chromium.launch(
    info.executablePath ? { executablePath: info.executablePath, args: SYSTEM_CHROMIUM_ARGS } : {},
  );
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForFunction(() => (globalThis as { __archplay?: unknown }).__archplay !== undefined);
  const doc = scenarioDoc(only);
  const open = () =>
    page.evaluate((d) => {
      (
        globalThis as unknown as { __archplay: { openDocument(x: unknown): unknown } }
      ).__archplay.openDocument(d);
    }, doc);
  let events: TraceEvent[];
  if (phase === 'open') {
    events = await traced(page, async () => {
      await open();
      await page.waitForTimeout(seconds * 1000);
    });
  } else {
    await open();
    await page.waitForTimeout(1500);
    if (phase === 'layout') {
      if (!process.argv.includes('--cold')) {
        await arrange(page);
        await page.waitForFunction(arrangedToasts(0), undefined, { timeout: 30_000 });
      }
      events = await traced(page, () => arrange(page));
    } else {
      // As bench:ui does for the 300-node diagram: arrange it (twice) before the run.
      if (process.argv.includes('--arrange')) {
        await arrange(page);
        await page.waitForFunction(arrangedToasts(0), undefined, { timeout: 30_000 });
        await arrange(page);
      }
      await page.getByTestId(`tab-${arg('tab', 'charts')}`).click();
      await page.getByTestId('speed-max').click();
      const css = arg('css', '');
      if (css) await page.addStyleTag({ content: css });
      await page.waitForTimeout(1000);
      events = await traced(page, async () => {
        await page.getByTestId('run-toggle').click();
        await page.waitForTimeout(seconds * 1000);
      });
      const shot = arg('shot', '');
      if (shot) await page.screenshot({ path: shot });
      await page.getByTestId('run-toggle').click();
    }
  }
  await browser.close();
  if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));
  for (const line of summarizeTrace(events)) console.log(line);
}

void main();
