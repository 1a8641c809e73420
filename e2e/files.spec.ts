import { EditorPage, fixtureText } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';

test.describe('files, autosave and sharing', () => {
  let editor: EditorPage;

  test.beforeEach(async ({ page }) => {
    editor = new EditorPage(page);
    await editor.open();
    await editor.openFixture('small-shop.json');
  });

  test('export -> import -> export is byte-identical', async () => {
    const first = await editor.exportJson();
    expect(first.fileName).toBe('Small shop.archplay.json');
    // The fixture is stored in canonical form (the linter leaves e2e/fixtures alone): export reproduces it.
    expect(first.text).toBe(fixtureText('small-shop.json'));
    // Imported under another name, so the canvas shows when the import is done (a toast lasts only
    // seconds, which a loaded machine can miss).
    const renamed = first.text.replace('"name": "Small shop"', '"name": "Small shop, again"');
    expect(renamed).not.toBe(first.text);
    await editor.importText(first.fileName, renamed);
    await expect(editor.page.getByTestId('document-name')).toHaveValue('Small shop, again');
    const second = await editor.exportJson();
    expect(second.text).toBe(renamed);
  });

  const broken: { name: string; text: () => string; path: string }[] = [
    { name: 'not JSON', text: () => '{ "format": "archplay", nodes: [', path: '(root)' },
    { name: 'a newer version', text: () => fixtureText('wrong-version.json'), path: 'version' },
    // A problem inside an edge names it as the canvas shows it: its ends' labels, then index and id.
    {
      name: 'a dangling edge',
      text: () => fixtureText('dangling-edge.json'),
      path: 'Web shoppers -> ghost (edges[3], id "web-ghost").target',
    },
  ];

  for (const file of broken) {
    test(`importing ${file.name} lists the problems and leaves the diagram unchanged`, async ({ page }) => {
      const before = await editor.exportJson();
      await editor.importText('broken.json', file.text());
      const dialog = page.getByTestId('import-errors');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('import-error').filter({ hasText: file.path }).first()).toBeVisible();
      await page.getByTestId('dialog-close').click();
      await expect(dialog).toHaveCount(0);
      const after = await editor.exportJson();
      expect(after.text).toBe(before.text);
    });
  }

  test('a reload restores the diagram from autosave', async ({ page }) => {
    await editor.page.getByTestId('palette-eventStore').click();
    const ids = await editor.nodeIds();
    const name = editor.page.getByTestId('document-name');
    await name.fill('Restored shop');
    await name.press('Enter');
    await page.reload();
    await editor.waitForDiagram();
    await expect.poll(() => editor.nodeIds()).toEqual(ids);
    await expect(name).toHaveValue('Restored shop');
  });

  test('a corrupt autosave is reported and set aside, and the app still opens a diagram', async ({
    page,
  }) => {
    // Wait for the autosave of the imported fixture, so nothing pending overwrites the corruption.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('archplay.document') ?? ''))
      .toContain('Small shop');
    await page.evaluate(() =>
      localStorage.setItem('archplay.document', '{"format": "archplay", "version": 1, oops'),
    );
    await page.reload();
    await editor.waitForDiagram();
    await expect(page.getByTestId('banner')).toContainText('could not be read');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.some((k) => k.startsWith('archplay.document.corrupt'))).toBe(true);
  });

  test('a share link opens the same diagram in a fresh browser', async ({ browser }) => {
    const url = await editor.shareUrl();
    expect(url).toContain('#d=');
    const { text } = await editor.exportJson();
    const context = await browser.newContext();
    const other = new EditorPage(await context.newPage());
    const errors: string[] = [];
    other.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await other.open(url);
    await expect.poll(() => other.nodeIds()).toEqual(await editor.nodeIds());
    expect((await other.exportJson()).text).toBe(text);
    expect(other.page.url()).not.toContain('#d=');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the diagram exports as PNG and SVG pictures', async () => {
    const png = await editor.exportImage('png');
    expect(png.fileName).toBe('Small shop.png');
    expect(png.bytes).toBeGreaterThan(1000);
    const svg = await editor.exportImage('svg');
    expect(svg.fileName).toBe('Small shop.svg');
    expect(svg.bytes).toBeGreaterThan(1000);
  });
});
