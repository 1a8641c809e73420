import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { LessonsPage } from './pages/LessonsPage';

/**
 * Writes docs/screenshots/lessons-list-<w>.png (the list with one lesson passed) and
 * lesson-judged-<w>.png (a lesson opened, judged and with a hint shown) at 1024x700 and 1440x900.
 * Run on demand: `SCREENSHOTS=1 npx playwright test e2e/lessonScreenshots.spec.ts`.
 */
test.skip(!process.env.SCREENSHOTS, 'screenshots are written on demand (SCREENSHOTS=1)');

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
] as const) {
  test(`the lesson list and a judged lesson with a hint at ${width}x${height}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    const editor = new EditorPage(page);
    const lessons = new LessonsPage(page);
    await editor.open();
    await page.evaluate(() =>
      localStorage.setItem('archplay.lessons', JSON.stringify({ done: ['redundancy', 'lossy-network'] })),
    );
    await page.reload();
    await editor.waitForDiagram();
    await lessons.openList();
    await page.mouse.move(5, 5);
    await page.screenshot({ path: `docs/screenshots/lessons-list-${width}.png` });

    await lessons.open('slow-dependency', /slow dependency/);
    await lessons.check();
    await page.getByTestId('lesson-hint').click();
    await expect(page.getByTestId('lesson-hint-0')).toBeVisible();
    await page.mouse.move(5, 5);
    await page.screenshot({ path: `docs/screenshots/lesson-judged-${width}.png` });
  });
}
