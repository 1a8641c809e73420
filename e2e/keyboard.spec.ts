import { EditorPage, fixtureText } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { LivePage } from './pages/LivePage';

test.describe('the editor by keyboard', () => {
  test('Space starts a run and pauses it, but types a space in a field', async ({ page }) => {
    const live = new LivePage(page);
    await live.open();
    const doc = JSON.parse(fixtureText('small-shop.json'));
    doc.scenario = { ...doc.scenario, durationSec: 3600 };
    await live.openDocument(doc);
    await live.speed('1');
    const bar = page.getByTestId('run-controls-bar');
    await page.getByTestId('canvas').focus();
    await page.keyboard.press('Space');
    await expect(bar).toHaveAttribute('data-run-status', 'running');
    await page.keyboard.press('Space');
    await expect(bar).toHaveAttribute('data-run-status', 'paused');
    const name = page.getByTestId('document-name');
    await name.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    await expect(name).toHaveValue(/ $/);
    await expect(bar).toHaveAttribute('data-run-status', 'paused');
  });

  test('the canvas is one tab stop: arrows move between nodes without moving them, Enter selects, Delete removes', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.openFixture('small-shop.json');
    const canvas = page.getByTestId('canvas');
    await canvas.focus();
    const focused = page.locator('.react-flow__node[data-kbd-focus]');
    await expect(focused).toHaveCount(1);
    const first = await focused.getAttribute('data-id');
    const before = await focused.boundingBox();
    await page.keyboard.press('ArrowRight');
    await expect(focused).not.toHaveAttribute('data-id', first ?? '');
    const second = await focused.getAttribute('data-id');
    // Arrows move the focus ring, never a node.
    expect(await editor.node(first ?? '').boundingBox()).toEqual(before);
    await expect(canvas).toHaveAttribute('aria-activedescendant', `node-card-${second}`);
    await page.keyboard.press('ArrowLeft');
    await expect(focused).toHaveAttribute('data-id', first ?? '');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('inspector-node')).toBeVisible();
    await expect(editor.node(first ?? '').locator('.arch-node')).toHaveClass(/is-selected/);
    const count = await editor.nodes.count();
    await page.keyboard.press('Delete');
    await expect(editor.nodes).toHaveCount(count - 1);

    // One Tab leaves the canvas: no node or edge is a tab stop of its own.
    await canvas.focus();
    await page.keyboard.press('Tab');
    const next = await page.evaluate(
      () => document.activeElement?.closest('.react-flow__node, .react-flow__edge') !== null,
    );
    expect(next).toBe(false);
    expect(
      await page.locator('.react-flow__node[tabindex="0"], .react-flow__edge[tabindex="0"]').count(),
    ).toBe(0);
  });

  test('the shortcut overlay lists every shortcut, Space and New diagram among them', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.focusCanvas();
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await expect(dialog).toBeVisible();
    for (const what of [
      'Run, pause or resume',
      'New diagram',
      'Move to the nearest component that way',
      'Select the component in focus',
      'Fit the diagram',
      'Undo',
    ])
      await expect(dialog.getByText(what, { exact: true })).toBeVisible();
    await expect(dialog.getByTestId('shortcut-row')).toHaveCount(24);
  });
});
