import AxeBuilder from '@axe-core/playwright';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { LivePage } from './pages/LivePage';
import { ProblemsPage } from './pages/ProblemsPage';
import { ToolbarPage } from './pages/ToolbarPage';

/** An empty diagram whose run lasts 30 simulated seconds; everything else is the palette's defaults. */
const blank = {
  format: 'archplay',
  version: 2,
  name: 'From scratch',
  nodes: [],
  edges: [],
  scenario: { durationSec: 30 },
};

interface Summary {
  requests: { total: number; ok: number; failed: number };
}

test.describe('wired means working', () => {
  let editor: EditorPage;
  let live: LivePage;
  let problems: ProblemsPage;

  test.beforeEach(async ({ page }) => {
    editor = new EditorPage(page);
    live = new LivePage(page);
    problems = new ProblemsPage(page);
    await live.open();
    await live.openDocument(blank);
    await editor.viewSettled();
  });

  /** Client -> API gateway -> two services, dragged from the palette and wired with the mouse. */
  async function buildFromScratch(): Promise<void> {
    await editor.dragFromPalette('client', { x: 110, y: 210 });
    await editor.dragFromPalette('gateway', { x: 410, y: 210 });
    await editor.dragFromPalette('service', { x: 710, y: 90 });
    await editor.dragFromPalette('service', { x: 710, y: 330 });
    await expect(editor.nodes).toHaveCount(4);
    await editor.connect('client-1', 'gateway-1');
    await expect(editor.toasts.filter({ hasText: 'Client sends GET / to API gateway' })).toBeVisible();
    await editor.connect('gateway-1', 'service-1');
    await expect(editor.toasts.filter({ hasText: 'API gateway routes /services to Service' })).toBeVisible();
    await editor.connect('gateway-1', 'service-2');
    await expect(editor.edges).toHaveCount(3);
    await arrange();
  }

  /** Lays the diagram out (toolbar Arrange) and waits for the view to settle, so handles stay put. */
  async function arrange(): Promise<void> {
    await editor.page.getByTestId('auto-layout').click();
    await expect(editor.toasts.filter({ hasText: 'Arranged left to right' })).toBeVisible();
    await editor.viewSettled();
  }

  test('a design built from the palette with defaults runs: at least 99 % of requests succeed', async ({
    page,
  }) => {
    await buildFromScratch();
    await problems.expectCount(0);
    // The route the link added shows on the link, and opens the gateway that holds it.
    await editor.selectEdge('gateway-1-service-1');
    const carries = page.getByTestId('link-carries');
    await expect(carries).toContainText('API gateway routes /services to Service');
    await page.screenshot({ path: 'test-results/wiring-link-carries.png' });
    await carries.getByRole('button', { name: 'Edit in API gateway' }).click();
    await expect(page.getByTestId('list-config-routes').locator('.list-count')).toHaveText('2');
    await live.speed('max');
    await live.run();
    await live.waitForRunStatus('done', 60_000);
    expect(await live.clockMs()).toBeGreaterThanOrEqual(30_000);
    const { requests } = (await live.summary()) as Summary;
    expect(requests.total).toBeGreaterThan(200);
    expect(requests.ok / requests.total).toBeGreaterThanOrEqual(0.99);
    await page.screenshot({ path: 'test-results/wiring-from-scratch-1440.png' });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: 'test-results/wiring-from-scratch-1024.png' });
  });

  /** Selects the gateway and deletes its first route (to "Service") in the inspector. */
  async function deleteFirstRoute(): Promise<void> {
    await editor.select('gateway-1');
    const routes = editor.page.getByTestId('list-config-routes');
    await expect(routes.locator('.list-count')).toHaveText('2');
    await routes.getByTitle('Remove route').first().click();
    await expect(routes.locator('.list-count')).toHaveText('1');
  }

  test('deleting the gateway route names the gateway in the problems list before Run, and Run fails there for "no route"', async ({
    page,
  }) => {
    await buildFromScratch();
    await problems.expectCount(0);
    await deleteFirstRoute();
    await problems.expectCount(2);
    await expect(problems.badge).toHaveClass(/is-fail/);
    await expect(problems.mark('gateway-1')).toBeVisible();
    await problems.open();
    const noRoute = problems.row('matches no route at API gateway');
    await expect(noRoute).toHaveCount(1);
    await expect(noRoute).toContainText('Will fail');
    await expect(problems.row('Nothing travels from API gateway to Service')).toHaveCount(1);
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="problems-badge"]')
      .include('[data-testid="problems-panel"]')
      .include('[data-testid="problem-mark-gateway-1"]')
      .analyze();
    expect(
      axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary}`)),
    ).toEqual([]);
    await page.screenshot({ path: 'test-results/wiring-problems-1440.png' });
    await (await new ToolbarPage(page).control('theme-toggle')).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: 'test-results/wiring-problems-dark.png' });
    // What the list named fails in the run: the client's requests to /services, about half of them.
    await live.speed('max');
    await live.run();
    await live.waitForRunStatus('done', 60_000);
    const { requests } = (await live.summary()) as Summary;
    expect(requests.failed / requests.total).toBeGreaterThan(0.3);
    expect(requests.failed / requests.total).toBeLessThan(0.7);
    // And the failures chart gives the same reason the list gave before Run.
    await live.tab('charts');
    await expect(page.getByTestId('chart-failures').locator('.chart-legend')).toHaveText('no route');
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: 'test-results/wiring-problems-1024.png' });
  });

  test("a problem's fix is one click and one undo step", async () => {
    await buildFromScratch();
    await deleteFirstRoute();
    await problems.expectCount(2);
    await problems.open();
    await problems.row('matches no route at API gateway').getByTestId('problem-fix').click();
    await problems.expectCount(0);
    await expect(problems.mark('gateway-1')).toHaveCount(0);
    const routes = editor.page.getByTestId('list-config-routes');
    await expect(routes.locator('.list-count')).toHaveText('2');
    await editor.page.getByTestId('undo').click();
    await problems.expectCount(2);
    await expect(routes.locator('.list-count')).toHaveText('1');
  });
});
