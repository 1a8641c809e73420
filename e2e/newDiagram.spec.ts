import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { RecentMenu } from './pages/RecentMenu';

test.describe('New diagram', () => {
  test('File → New diagram opens an empty "Untitled system" with the default scenario; the old one is in Recent', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    const name = await page.getByTestId('document-name').inputValue();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-new').click();
    await expect(editor.nodes).toHaveCount(0);
    await expect(page.getByTestId('document-name')).toHaveValue('Untitled system');
    expect((await new RecentMenu(page).names())[0]).toBe(name);
  });

  test('Alt N and the templates’ Blank card do the same', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.focusCanvas();
    await page.keyboard.press('Alt+N');
    await expect(editor.nodes).toHaveCount(0);
    await page.getByTestId('open-templates').click();
    await page.getByTestId('template-ecommerce.json').click();
    await editor.waitForDiagram();
    await page.getByTestId('open-templates').click();
    await page.getByTestId('template-blank').click();
    await expect(editor.nodes).toHaveCount(0);
    await expect(page.getByTestId('document-name')).toHaveValue('Untitled system');
  });
});
