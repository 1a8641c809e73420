import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { LessonsPage } from './pages/LessonsPage';

const REDUNDANCY = 'A single instance dies: add redundancy';

test('a lesson: open it from the list, fail Check, take a hint, fix it in the inspector with the keyboard, pass, and keep the progress after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const editor = new EditorPage(page);
  const lessons = new LessonsPage(page);
  await editor.open();
  const ownDesign = await editor.nodeIds();

  await lessons.openList();
  await expect(lessons.entry('redundancy')).not.toHaveAttribute('data-done');
  await lessons.open('redundancy', REDUNDANCY);
  await expect.poll(() => editor.nodeIds()).toEqual(['catalog', 'shoppers']);

  // The starter fails: the crash at 10 s leaves nothing to serve the shop.
  await lessons.check();
  await expect(lessons.results).not.toHaveAttribute('data-passed');
  await expect(lessons.checkRow('recovered')).toHaveClass(/is-fail/);
  await expect(lessons.checkRow('recovered')).toContainText(/observed [\d.]+ % · needs ≤ 1 %/);
  await page.getByTestId('lesson-hint').click();
  await expect(page.getByTestId('lesson-hint-0')).toContainText('scenario timeline');

  // The fix: two catalog instances, typed into the inspector.
  await editor.select('catalog');
  const instances = editor.configField('instances');
  await instances.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(instances).toHaveValue('2');

  await lessons.check();
  await expect(lessons.results).toHaveAttribute('data-passed');
  const rows = lessons.results.locator('.lesson-checks li');
  await expect(rows).toHaveCount(5);
  await expect(lessons.results.locator('.lesson-checks li.is-fail')).toHaveCount(0);
  await expect(page.getByTestId('lesson-explanation')).toContainText('single point of failure');

  // Progress survives a reload: the lesson is open again, and marked passed in the list.
  await page.reload();
  await editor.waitForDiagram();
  await expect(lessons.panel).toContainText('passed before');
  await lessons.openList();
  await expect(lessons.entry('redundancy')).toHaveAttribute('data-done');
  await expect(page.getByTestId('lessons-progress')).toContainText('1 of');
  await page.keyboard.press('Escape');

  // Back to my design: the design the lesson set aside comes back from Recent.
  await page.getByTestId('lesson-back').click();
  await expect(lessons.panel).toBeHidden();
  await expect.poll(() => editor.nodeIds()).toEqual(ownDesign);
});
