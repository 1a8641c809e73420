import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'examples');

/** A template of public/examples as parsed JSON, for tests that adjust it before opening. */
export function exampleJson(file: string): Record<string, unknown> & {
  nodes: { id: string; kind: string; config: Record<string, unknown> }[];
  edges: { id: string; config: Record<string, unknown> }[];
  scenario: Record<string, unknown>;
} {
  return JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));
}

interface Hook {
  openDocument(json: unknown): { ok: boolean; errors: string[] };
  crashWorker(): void;
  liveStats(): { framesReceived: number; renders: Record<string, number>; timings: { handledMs: number }[] };
  runStatus(): { status: string; nowMs: number; worker: string };
  summary(): Promise<unknown>;
}

type HookWindow = { __archplay: Hook };

/** Drives a live run: toolbar controls, timeline, canvas badges and the run panels. */
export class LivePage {
  readonly runToggle: Locator;
  readonly clock: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.runToggle = page.getByTestId('run-toggle');
    this.clock = page.getByTestId('sim-clock');
    this.timeline = page.getByTestId('timeline');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('canvas')).toBeVisible();
    await expect(this.page.getByTestId('worker-status')).toHaveAttribute('data-status', /ready|paused|done/, {
      timeout: 20_000,
    });
  }

  /** Opens a diagram (validated like an import) and waits for its nodes. */
  async openDocument(json: unknown): Promise<void> {
    const result = await this.page.evaluate(
      (doc) => (window as unknown as HookWindow).__archplay.openDocument(doc),
      json,
    );
    expect(result.errors).toEqual([]);
    const count = (json as { nodes: unknown[] }).nodes.length;
    await expect(this.page.locator('.react-flow__node')).toHaveCount(count);
  }

  async speed(value: '1' | '10' | '100' | 'max'): Promise<void> {
    await this.page.getByTestId(`speed-${value}`).click();
    await expect(this.page.getByTestId(`speed-${value}`)).toHaveAttribute('aria-pressed', 'true');
  }

  async run(): Promise<void> {
    await this.runToggle.click();
  }

  async pause(): Promise<void> {
    await expect(this.runToggle).toHaveAttribute('data-state', 'running');
    await this.runToggle.click();
    await expect(this.page.getByTestId('run-controls-bar')).not.toHaveAttribute('data-run-status', 'running');
  }

  /** The worker's run summary (what `archplay run --json` prints). */
  async summary(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as HookWindow).__archplay.summary());
  }

  async reset(): Promise<void> {
    await this.page.getByTestId('reset').click();
  }

  async waitForRunStatus(status: 'running' | 'paused' | 'done' | 'idle', timeout = 30_000): Promise<void> {
    await expect(this.page.getByTestId('run-controls-bar')).toHaveAttribute('data-run-status', status, {
      timeout,
    });
  }

  async clockMs(): Promise<number> {
    return Number(await this.clock.getAttribute('data-now-ms'));
  }

  async waitForClock(atLeastMs: number, timeout = 30_000): Promise<void> {
    await expect.poll(() => this.clockMs(), { timeout }).toBeGreaterThanOrEqual(atLeastMs);
  }

  async tab(
    name: 'events' | 'charts' | 'traces' | 'logs' | 'state' | 'problems' | 'analysis',
  ): Promise<void> {
    const tab = this.page.getByTestId(`tab-${name}`);
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  nodeLive(id: string): Locator {
    return this.page.getByTestId(`live-${id}`);
  }

  edgeLive(id: string): Locator {
    return this.page.getByTestId(`edge-live-${id}`);
  }

  /** Adds a fault through the timeline's form. */
  async addFault(fault: { kind: string; atSec: number; nodeId?: string; instance?: number }): Promise<void> {
    await this.page.getByTestId('add-fault').click();
    const form = this.page.getByTestId('fault-form');
    await expect(form).toBeVisible();
    await form.getByTestId('fault-kind').selectOption(fault.kind);
    await form.getByTestId('fault-atSec').fill(String(fault.atSec));
    if (fault.nodeId) await form.getByTestId('fault-nodeId').selectOption(fault.nodeId);
    if (fault.instance !== undefined) await form.getByTestId('fault-instance').fill(String(fault.instance));
    await form.getByTestId('fault-save').click();
    await expect(form).toBeHidden();
  }

  async stats(): Promise<{ framesReceived: number; renders: Record<string, number> }> {
    return this.page.evaluate(() => (window as unknown as HookWindow).__archplay.liveStats());
  }

  async crashWorker(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as HookWindow).__archplay.crashWorker());
  }
}
