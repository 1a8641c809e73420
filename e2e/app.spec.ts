import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';

const ecommerce = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'public', 'examples', 'ecommerce.json'), 'utf8'),
);

test.describe('the app shell', () => {
  test('opens on the e-commerce system, every node on the canvas, and the worker reports ready', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    const expected = (ecommerce.nodes as { id: string }[]).map((n) => n.id).sort();
    await expect.poll(() => editor.nodeIds()).toEqual(expected);
    await expect(editor.edges).toHaveCount(ecommerce.edges.length);
    await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('worker-status')).toContainText(/ready/i);
  });

  test('has the toolbar, palette, inspector, minimap, zoom controls and bottom panel', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await expect(page.getByTestId('palette-service')).toBeVisible();
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    await expect(page.locator('.react-flow__controls')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Events' })).toBeVisible();
    await expect(page.getByText('Inspector', { exact: false }).first()).toBeVisible();
  });
});
