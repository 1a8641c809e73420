import { readFileSync } from 'node:fs';
import { expandingLink } from '../bench/share/expandingLink';
import { EditorPage, fixtureText } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { RecentMenu } from './pages/RecentMenu';

test.describe('nothing is lost: Recent and a paused autosave', () => {
  let editor: EditorPage;
  let recent: RecentMenu;

  test.beforeEach(async ({ page }) => {
    editor = new EditorPage(page);
    recent = new RecentMenu(page);
    await editor.open();
    await editor.openFixture('small-shop.json');
  });

  async function rename(name: string): Promise<void> {
    const field = editor.page.getByTestId('document-name');
    await field.fill(name);
    await field.press('Enter');
  }

  test('opening a share link and editing keeps the previous diagram in Recent, restorable', async ({
    page,
  }) => {
    const url = await editor.shareUrl();
    await rename('My own shop');
    await expect.poll(() => recent.autosaved()).toContain('My own shop');

    // A fresh load of the link, as from a chat message (a hash-only change would not reload).
    await page.goto('about:blank');
    await editor.open(url);
    await expect(page.getByTestId('document-name')).toHaveValue('Small shop');
    // An edit, then its autosave, overwrite the saved diagram: the previous one must be in Recent.
    await page.getByTestId('palette-eventBus').click();
    await expect.poll(() => recent.autosaved()).toContain('"kind": "eventBus"');
    await recent.open();
    const mine = page.locator('[data-testid="recent-item"][data-name="My own shop"]');
    await expect(mine).toContainText('replaced by a share link');
    await recent.close();

    // Still there after a reload, and restoring it sets the shared diagram aside in turn.
    await page.reload();
    await editor.waitForDiagram();
    await recent.restore('My own shop');
    await expect(page.getByTestId('document-name')).toHaveValue('My own shop');
    // The shared diagram, with its edit, took its place; the import of the first step is still there.
    expect(await recent.names()).toEqual(['Small shop', 'E-commerce order flow']);
    await expect.poll(() => recent.autosaved()).toContain('My own shop');
  });

  test('a template, an import and a link pasted into the open tab each keep the diagram they replace', async ({
    page,
  }) => {
    const url = await editor.shareUrl();
    await page.getByTestId('open-templates').click();
    await page.getByTestId('template-microservices-basics.json').click();
    await expect(page.getByTestId('templates-dialog')).toHaveCount(0);
    await editor.importText(
      'orders.json',
      fixtureText('small-shop.json').replace('Small shop', 'Imported shop'),
    );
    await expect(page.getByTestId('document-name')).toHaveValue('Imported shop');
    await page.goto(url);
    await expect(page.getByTestId('document-name')).toHaveValue('Small shop');
    expect(await recent.names()).toEqual([
      'Imported shop',
      'Microservices basics',
      'Small shop',
      'E-commerce order flow',
    ]);
    await recent.open();
    await expect(recent.items.nth(0)).toContainText('replaced by a share link');
    await expect(recent.items.nth(1)).toContainText('replaced by an import');
    await expect(recent.items.nth(2)).toContainText('replaced by a template');
  });

  test('a link that expands past the size limit is refused, naming the limit, and the autosave opens', async ({
    page,
  }) => {
    await expect.poll(() => recent.autosaved()).toContain('Small shop');
    const { link } = expandingLink(500_000_000);
    await editor.open(`/#d=${link}`);
    await expect(page.getByTestId('banner')).toContainText('the link expands to more than 5.0 MB');
    await expect(page.getByTestId('document-name')).toHaveValue('Small shop');
  });

  test('an unreadable autosave with no room to keep a copy pauses autosave until it is exported', async ({
    page,
  }) => {
    const unreadable = `{"format": "archplay", "version": 99, "name": "From the future", "pad": "${'x'.repeat(50_000)}"}`;
    await expect.poll(() => recent.autosaved()).toContain('Small shop');
    // Fill the origin's storage so that no copy of the unreadable autosave fits beside it.
    await page.evaluate((text) => {
      localStorage.setItem('archplay.document', text);
      for (let size = 1 << 20, i = 0; size >= 1024; ) {
        try {
          localStorage.setItem(`filler.${i++}`, 'f'.repeat(size));
        } catch {
          size >>= 1;
        }
      }
    }, unreadable);
    await page.reload();
    await editor.waitForDiagram();
    const notice = recent.heldNotice;
    await expect(notice).toContainText('autosave is paused');
    await expect(notice).toContainText('version');

    // An edit, and the save on leaving the page, do not write over the held text.
    await page.getByTestId('palette-eventBus').click();
    await page.reload();
    await editor.waitForDiagram();
    expect(await recent.autosaved()).toBe(unreadable);
    await expect(notice).toContainText('autosave is paused');

    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('filler.')) localStorage.removeItem(key);
    });
    const download = page.waitForEvent('download');
    await notice.getByTestId('held-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^archplay autosave .*\.json$/);
    expect(readFileSync(await file.path(), 'utf8')).toBe(unreadable);
    await expect(notice).toHaveCount(0);
    // Autosave resumes at once: the diagram on the canvas replaces the exported text.
    const name = await page.getByTestId('document-name').inputValue();
    await expect.poll(async () => JSON.parse(await recent.autosaved()).name).toBe(name);
  });
});
