import { EditorPage } from './pages/EditorPage';
import { expect, test } from './pages/fixtures';

const kinds = [
  'client',
  'gateway',
  'service',
  'proxy',
  'controlPlane',
  'registry',
  'configServer',
  'eventBus',
  'eventStore',
  'readModel',
  'logRouter',
  'logStore',
] as const;

test.describe('canvas editor', () => {
  let editor: EditorPage;

  test.beforeEach(async ({ page }) => {
    editor = new EditorPage(page);
    await editor.open();
    await editor.openFixture('small-shop.json');
  });

  test('every kind can be dragged from the palette and lands where it is dropped', async ({ page }) => {
    const pane = await editor.pane.boundingBox();
    if (!pane) throw new Error('no canvas');
    for (const [i, kind] of kinds.entries()) {
      const before = await editor.nodesOfKind(kind).count();
      const at = { x: 120 + (i % 4) * 170, y: 90 + Math.floor(i / 4) * 140 };
      await editor.dragFromPalette(kind, at);
      await expect(editor.nodesOfKind(kind)).toHaveCount(before + 1);
      const added = editor.nodesOfKind(kind).last();
      const box = await added.boundingBox();
      if (!box) throw new Error(`${kind} node not visible`);
      // Dropped nodes are centred on the pointer and snapped to a 16 px grid: allow a little slack.
      const zoomSlack = 24;
      expect(Math.abs(box.x + box.width / 2 - (pane.x + at.x))).toBeLessThan(zoomSlack);
      expect(Math.abs(box.y + box.height / 2 - (pane.y + at.y))).toBeLessThan(zoomSlack);
    }
    await expect(page.getByTestId('inspector-node')).toBeVisible();
  });

  test('clicking a palette item adds that component', async () => {
    const before = await editor.nodesOfKind('eventBus').count();
    await editor.page.getByTestId('palette-eventBus').click();
    await expect(editor.nodesOfKind('eventBus')).toHaveCount(before + 1);
  });

  test('a sensible link is added with its inferred kind, and a nonsense link is refused with the reason', async () => {
    const before = await editor.edges.count();
    await editor.connect('orders', 'payments');
    await expect(editor.edges).toHaveCount(before + 1);
    await expect(
      editor.page.locator('.react-flow__edge[data-id="orders-payments"] .arch-edge--sync'),
    ).toHaveCount(1);

    await editor.connect('logs', 'web');
    await expect(editor.toasts.filter({ hasText: 'A log store cannot call a client' })).toBeVisible();
    await expect(editor.edges).toHaveCount(before + 1);
  });

  test('an invalid config value is refused inline and never reaches the diagram', async () => {
    await editor.select('orders');
    await expect(editor.node('orders')).toContainText('×2');
    await editor.setConfig('instances', '0');
    await expect(editor.configError('instances')).toHaveText('must be at least 1');
    await editor.setConfig('instances', 'many');
    await expect(editor.configError('instances')).toHaveText('must be a number');
    await expect(editor.node('orders')).toContainText('×2');
    await expect(editor.page.getByTestId('undo')).toBeEnabled();
    const { text } = await editor.exportJson();
    const orders = JSON.parse(text).nodes.find((n: { id: string }) => n.id === 'orders');
    expect(orders.config.instances).toBe(2);

    await editor.setConfig('instances', '5');
    await expect(editor.configError('instances')).toHaveCount(0);
    await expect(editor.node('orders')).toContainText('×5');
  });

  test('request headers are edited as named entries: add, rename, set, and a taken name is refused', async ({
    page,
  }) => {
    await editor.select('web');
    const map = page.getByTestId('map-config-requestMix.0.headers');
    await map.getByRole('button', { name: 'Add header' }).click();
    const firstKey = page.getByTestId('config-requestMix.0.headers-key-0');
    await firstKey.fill('x-user-id');
    await firstKey.press('Enter');
    const value = page.getByTestId('field-config-requestMix.0.headers.x-user-id');
    await value.fill('42');
    await value.press('Enter');
    const headersOf = async () =>
      JSON.parse((await editor.exportJson()).text).nodes.find((n: { id: string }) => n.id === 'web').config
        .requestMix[0].headers;
    expect(await headersOf()).toEqual({ 'x-user-id': '42' });

    await map.getByRole('button', { name: 'Add header' }).click();
    const secondKey = page.getByTestId('config-requestMix.0.headers-key-1');
    await secondKey.fill('x-user-id');
    await expect(map.getByRole('alert')).toHaveText('x-user-id is already set');
    await secondKey.press('Enter');
    expect(Object.keys(await headersOf())).toEqual(['x-user-id', 'x-header']);
  });

  test('undo and redo walk document changes, by keyboard and by toolbar', async () => {
    const before = await editor.nodeIds();
    await editor.page.getByTestId('palette-registry').click();
    await expect(editor.nodes).toHaveCount(before.length + 1);
    await editor.focusCanvas();
    await editor.shortcut('ControlOrMeta+z');
    await expect.poll(() => editor.nodeIds()).toEqual(before);
    await editor.shortcut('ControlOrMeta+Shift+z');
    await expect(editor.nodes).toHaveCount(before.length + 1);
    await editor.page.getByTestId('undo').click();
    await expect.poll(() => editor.nodeIds()).toEqual(before);
    await editor.page.getByTestId('redo').click();
    await expect(editor.nodes).toHaveCount(before.length + 1);
  });

  test('moving a node is one undo step', async ({ page }) => {
    const node = editor.node('payments');
    // The node's transform is its position in flow coordinates, independent of any auto-pan.
    const position = () => node.evaluate((el) => (el as HTMLElement).style.transform);
    const start = await position();
    const box = await node.boundingBox();
    if (!box) throw new Error('node not visible');
    await page.mouse.move(box.x + 40, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x - 60, box.y + 120, { steps: 12 });
    await page.mouse.up();
    await expect.poll(position).not.toBe(start);
    await editor.focusCanvas();
    await editor.shortcut('ControlOrMeta+z');
    await expect.poll(position).toBe(start);
    await editor.shortcut('ControlOrMeta+Shift+z');
    await expect.poll(position).not.toBe(start);
  });

  test('Arrange lays the diagram out left to right in a worker running ELK, as one undo step', async ({
    page,
  }) => {
    const elkWorker = page.waitForEvent('worker', { predicate: (w) => w.url().includes('elk-worker') });
    // Node transforms are positions in flow coordinates, whatever the zoom.
    const positions = () =>
      editor.nodes.evaluateAll((els) => els.map((el) => (el as HTMLElement).style.transform).join(' | '));
    const xOf = async (id: string) =>
      Number(/translate\((-?[\d.]+)px/.exec(await editor.node(id).evaluate((el) => el.style.transform))?.[1]);
    const start = await positions();
    await page.getByTestId('auto-layout').click();
    await elkWorker;
    await expect(page.getByText('Arranged left to right')).toBeVisible();
    await expect.poll(positions).not.toBe(start);
    // The sync chain web -> edge -> orders reads left to right.
    expect((await xOf('web')) < (await xOf('edge')) && (await xOf('edge')) < (await xOf('orders'))).toBe(
      true,
    );
    await editor.focusCanvas();
    await editor.shortcut('ControlOrMeta+z');
    await expect.poll(positions).toBe(start);
  });

  test('copy, paste and duplicate add fresh copies of the selection', async () => {
    await editor.select('payments');
    const before = await editor.nodesOfKind('service').count();
    await editor.focusCanvas();
    await editor.select('payments');
    await editor.shortcut('ControlOrMeta+c');
    await editor.shortcut('ControlOrMeta+v');
    await expect(editor.nodesOfKind('service')).toHaveCount(before + 1);
    await expect(editor.page.getByTestId('inspector-name')).toHaveValue('Payments');
    await editor.shortcut('ControlOrMeta+d');
    await expect(editor.nodesOfKind('service')).toHaveCount(before + 2);
    const ids = await editor.nodeIds();
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a node can be renamed in place by double-clicking its label', async () => {
    await editor.shownName('orders').dblclick();
    const input = editor.page.getByTestId('node-rename');
    await input.fill('Order API');
    await input.press('Enter');
    await expect(editor.node('orders').locator('.node-label')).toHaveText('Order API');
  });

  test('the shortcut help opens with ?', async ({ page }) => {
    await editor.focusCanvas();
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
  });
});
