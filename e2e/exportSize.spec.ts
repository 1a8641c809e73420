import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';

test.describe('image export', () => {
  test('the e-commerce template exports as SVG and as PNG of at most 1 MB each', async ({
    page,
  }, testInfo) => {
    testInfo.setTimeout(120_000);
    const editor = new EditorPage(page);
    await editor.open();
    await editor.viewSettled();
    const svg = await editor.exportImage('svg');
    expect(svg.fileName).toBe('E-commerce order flow.svg');
    expect(svg.bytes).toBeLessThanOrEqual(1024 * 1024);
    const png = await editor.exportImage('png');
    expect(png.fileName).toBe('E-commerce order flow.png');
    expect(png.bytes).toBeLessThanOrEqual(1024 * 1024);
    testInfo.annotations.push({ type: 'sizes', description: `svg ${svg.bytes} B, png ${png.bytes} B` });
    // The export shows the canvas as it was: the zoom's detail level comes back.
    await expect(page.locator('.react-flow')).toHaveAttribute('data-card', 'glance');
  });
});
