import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { exportDocument, parseDocument } from '../src/core';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';
import { RecentMenu } from './pages/RecentMenu';

const compose = `services:
  web:
    image: shop/web:1.4
    ports: ["80:8080"]
    depends_on: [orders, catalog]
  orders:
    image: shop/orders:2.0
    deploy: { replicas: 3 }
    depends_on: [payments]
  payments:
    image: shop/payments:1.1
  catalog:
    image: shop/catalog:1.0
    build: ./catalog
`;

/** Picks "Import from <format>" in the File menu and gives the file picker a file. */
async function importFrom(page: Page, format: string, name: string, text: string): Promise<void> {
  await page.getByTestId('file-menu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`menu-import-${format}`).click();
  await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text, 'utf8') });
}

test.describe('export and import in other formats', () => {
  let editor: EditorPage;

  test.beforeEach(async ({ page }) => {
    editor = new EditorPage(page);
    await editor.open();
    await editor.openFixture('small-shop.json');
  });

  test('File > Export as Kubernetes downloads the manifests the core converter writes, and says what had no place', async ({
    page,
  }) => {
    const { text } = await editor.exportJson();
    const parsed = parseDocument(text);
    if (!parsed.ok) throw new Error('the exported diagram does not parse');
    const expected = exportDocument(parsed.document, 'k8s');

    const download = page.waitForEvent('download');
    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-export-k8s').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(expected.files[0]!.name);
    const yaml = readFileSync(await file.path(), 'utf8');
    expect(yaml).toContain('kind: Deployment');
    expect(yaml).toBe(expected.files[0]!.text);
    const report = page.getByTestId('export-report');
    await expect(report).toBeVisible();
    await expect(report.getByTestId('export-notes').locator('li')).toHaveCount(expected.notes.length);
    await report.getByRole('button', { name: 'OK' }).click();
    await expect(report).toHaveCount(0);
  });

  test('File > Import from Compose shows a preview; Cancel leaves the diagram, Accept opens the design and keeps the old one in Recent', async ({
    page,
  }) => {
    const before = await editor.exportJson();
    const preview = page.getByTestId('import-preview');

    await importFrom(page, 'compose', 'shop.yml', compose);
    await expect(preview).toBeVisible();
    const nodes = preview.getByTestId('import-preview-nodes').locator('li');
    await expect(nodes).toHaveCount(5);
    await expect(preview.getByTestId('import-assumed')).toContainText('services.web.depends_on.orders');
    await expect(preview.getByTestId('import-ignored')).toContainText('services.web.ports');
    const axe = await new AxeBuilder({ page }).include('[data-testid="import-preview"]').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
    ).toEqual([]);
    await page.getByTestId('import-cancel').click();
    await expect(preview).toHaveCount(0);
    expect((await editor.exportJson()).text).toBe(before.text);

    await importFrom(page, 'compose', 'shop.yml', compose);
    await expect(preview).toBeVisible();
    const ids = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? '').sort());
    await page.getByTestId('import-accept').click();
    await expect(preview).toHaveCount(0);
    await expect.poll(() => editor.nodeIds()).toEqual(ids);
    await expect(page.getByTestId('document-name')).toHaveValue('Imported from Compose');
    expect((await new RecentMenu(page).names())[0]).toBe('Small shop');
  });

  test('a Kubernetes file that does not parse lists its problems and changes nothing', async ({ page }) => {
    const before = await editor.exportJson();
    await importFrom(page, 'k8s', 'broken.yaml', 'kind: Deployment\nmetadata: [\n');
    const dialog = page.getByTestId('import-errors');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('import-error').first()).toBeVisible();
    await page.getByTestId('dialog-close').click();
    expect((await editor.exportJson()).text).toBe(before.text);
  });

  test('an OTLP export runs the design on a pool worker and downloads its traces', async ({ page }) => {
    const download = page.waitForEvent('download');
    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-export-otlp').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.otlp\.json$/);
    const otlp = JSON.parse(readFileSync(await file.path(), 'utf8')) as { resourceSpans: unknown[] };
    expect(otlp.resourceSpans.length).toBeGreaterThan(0);
    await expect(page.getByTestId('interop-job')).toHaveCount(0);
    await page.getByTestId('export-report').getByRole('button', { name: 'OK' }).click();
  });
});
