import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { ToolbarPage } from './pages/ToolbarPage';

const sizes = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

test.describe('the page at every common size', () => {
  for (const size of sizes) {
    test(`${size.width}x${size.height}: every toolbar control takes a real click at its centre, and the page never scrolls sideways`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      const editor = new EditorPage(page);
      await editor.open();
      await editor.viewSettled();
      const toolbar = new ToolbarPage(page);
      expect(await toolbar.scrollsSideways()).toBe(false);

      const onBar = await toolbar.clickEachControl(toolbar.bar);
      expect(onBar.length).toBeGreaterThan(5);
      for (const hit of onBar)
        expect(hit, `${hit.name} is under the pointer at its centre`).toMatchObject({
          hit: true,
          target: hit.name,
        });
      await expect(page.getByTestId('run-toggle')).toBeVisible();

      // What does not fit sits in the overflow menu, each control as reachable there.
      if (await toolbar.openMore()) {
        const inMenu = await toolbar.clickEachControl(toolbar.morePanel);
        expect(inMenu.length).toBeGreaterThan(0);
        for (const hit of inMenu)
          expect(hit, `${hit.name} in the menu`).toMatchObject({ hit: true, target: hit.name });
        expect(await toolbar.scrollsSideways()).toBe(false);
        await page.keyboard.press('Escape');
        await expect(toolbar.morePanel).toBeHidden();
      }

      // The minimap scales with the canvas and leaves most of it free.
      const canvas = await page.getByTestId('canvas').boundingBox();
      const minimap = await page.locator('.react-flow__minimap').boundingBox();
      if (!canvas || !minimap) throw new Error('canvas or minimap not shown');
      expect(minimap.width * minimap.height).toBeLessThan(canvas.width * canvas.height * 0.08);
      expect(await toolbar.scrollsSideways()).toBe(false);
    });
  }

  test('the side panels collapse to rails on a narrow window, and open again by their button', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    const editor = new EditorPage(page);
    await editor.open();
    const palette = page.getByTestId('panel-palette');
    await expect(palette).toHaveAttribute('data-collapsed', '');
    // The rail still adds components, by click.
    const before = await editor.nodes.count();
    await page.getByTestId('palette-service').click();
    await expect(editor.nodes).toHaveCount(before + 1);
    await page.getByTestId('panel-toggle-palette').click();
    await expect(palette).not.toHaveAttribute('data-collapsed', '');
    await expect(page.getByText('Generates requests or users')).toBeVisible();
    await page.getByTestId('panel-toggle-inspector').click();
    await expect(page.getByTestId('panel-inspector')).toHaveAttribute('data-collapsed', '');
    const toolbar = new ToolbarPage(page);
    expect(await toolbar.scrollsSideways()).toBe(false);

    // An action chosen in the More menu runs and closes the menu.
    const theme = await page.locator('html').getAttribute('data-theme');
    await toolbar.openMore();
    await page.getByTestId('theme-toggle').click();
    await expect(toolbar.morePanel).toBeHidden();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', theme ?? '');
  });

  test('the bottom panel shows the charts whole at 900 px tall, and resizes by drag and by keyboard', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await page.getByTestId('tab-charts').click();
    const panel = page.getByTestId('bottom-panel');
    const panelBox = await panel.boundingBox();
    const chart = await page.getByTestId('chart-throughput').boundingBox();
    if (!panelBox || !chart) throw new Error('charts not shown');
    expect(chart.y + chart.height).toBeLessThanOrEqual(panelBox.y + panelBox.height);

    const handle = page.getByTestId('bottom-resize');
    const grip = await handle.boundingBox();
    if (!grip) throw new Error('no resize handle');
    await page.mouse.move(grip.x + 200, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + 200, grip.y - 100, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => (await panel.boundingBox())?.height ?? 0)
      .toBeGreaterThan(panelBox.height + 80);
    const dragged = (await panel.boundingBox())?.height ?? 0;
    await handle.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await panel.boundingBox())?.height ?? 0).toBeLessThan(dragged - 10);
  });
});
