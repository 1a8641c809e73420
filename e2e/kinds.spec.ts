import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { ToolbarPage } from './pages/ToolbarPage';

/** The colour each kind's icon is drawn in on the cards, by kind. */
async function cardIconColors(editor: EditorPage): Promise<Record<string, string>> {
  return editor.page.locator('.arch-node[data-kind]').evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        const icon = el.querySelector('.arch-node-icon');
        return [el.getAttribute('data-kind') ?? '', icon ? getComputedStyle(icon).color : ''];
      }),
    ),
  );
}

test('every kind has its own colour on its card and palette item, in the light and the dark theme', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  if ((await page.locator('html').getAttribute('data-theme')) === 'dark')
    await (await new ToolbarPage(page).control('theme-toggle')).click();
  await editor.openFixture('every-kind.json');
  const light = await cardIconColors(editor);
  const kinds = Object.keys(light);
  expect(kinds).toHaveLength(14);
  // Fourteen kinds, fourteen colours; the same colour on the palette item of the kind.
  expect(new Set(Object.values(light)).size).toBe(14);
  for (const kind of kinds) {
    await expect(page.getByTestId(`palette-${kind}`).locator('.palette-icon')).toHaveCSS(
      'color',
      light[kind]!,
    );
  }
  await (await new ToolbarPage(page).control('theme-toggle')).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => new Set(Object.values(await cardIconColors(editor))).size).toBe(14);
  const dark = await cardIconColors(editor);
  for (const kind of kinds) expect(dark[kind], kind).not.toBe(light[kind]);
  await (await new ToolbarPage(page).control('theme-toggle')).click();
});
