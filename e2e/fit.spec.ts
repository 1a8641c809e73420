import { CanvasView } from './pages/CanvasView';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';

test.describe('a readable fit', () => {
  test('the e-commerce template opens fitted at 1440x900 with card titles of 11 CSS px or more', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await page.getByTestId('open-templates').click();
    await page.getByTestId('template-ecommerce.json').click();
    await editor.viewSettled();
    const view = new CanvasView(page);
    const fit = await view.fit();
    expect(fit.inside).toBe(true);
    expect(await view.smallestTitlePx()).toBeGreaterThanOrEqual(11);
  });

  test('Arrange fits the diagram again, and so does a window resize', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.viewSettled();
    const view = new CanvasView(page);
    // Zoomed in past the diagram, then Arrange: the whole diagram is in view again.
    for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();
    expect((await view.fit()).inside).toBe(false);
    await editor.focusCanvas();
    await page.keyboard.press('l');
    await expect(page.getByText('Arranged left to right')).toBeVisible({ timeout: 15_000 });
    await editor.viewSettled();
    expect((await view.fit()).inside).toBe(true);
    expect(await view.smallestTitlePx()).toBeGreaterThanOrEqual(11);

    const before = await view.zoom();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => view.zoom(), { timeout: 15_000 }).toBeGreaterThan(before * 1.1);
    await editor.viewSettled();
    const fit = await view.fit();
    expect(fit.inside).toBe(true);
    expect(Math.max(fit.widthShare, fit.heightShare)).toBeGreaterThan(0.7);
  });

  test('a node added on a canvas zoomed far out lands at a readable zoom', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.viewSettled();
    const view = new CanvasView(page);
    const zoomOut = page.locator('.react-flow__controls-zoomout');
    // Out as far as the canvas goes (the button is disabled at the least zoom).
    for (let i = 0; i < 8 && (await zoomOut.isEnabled()); i++) await zoomOut.click();
    await expect.poll(() => view.zoom()).toBeLessThan(0.3);
    await page.getByTestId('palette-service').click();
    await expect.poll(() => view.zoom(), { timeout: 15_000 }).toBeGreaterThanOrEqual(0.5);
    expect(await view.smallestTitlePx()).toBeGreaterThanOrEqual(11);
  });
});
