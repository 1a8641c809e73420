import { getNodesBounds, getViewportForBounds } from '@xyflow/react';
import { documentStore } from '../../state/documentStore';
import { getFlow } from '../canvas/flowControls';
import { toast } from '../toast/toastStore';
import { downloadBlob, fileBaseName } from './download';
import { slimSvg } from './slimStyles';

const PADDING_PX = 48;
const PNG_PIXEL_RATIO = 2;

const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Draws the picture at twice its size on a canvas filled with the background, as PNG. */
async function toPngBlob(svg: string, width: number, height: number, background: string): Promise<Blob> {
  const image = new Image();
  image.src = svgDataUrl(svg);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * PNG_PIXEL_RATIO;
  canvas.height = height * PNG_PIXEL_RATIO;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/**
 * The diagram as SVG text: the whole of it (not just the visible part), at full card detail
 * whatever the zoom on screen, with the inline styles cut to those that change something.
 */
async function diagramSvg(viewportEl: HTMLElement, width: number, height: number, background: string) {
  const flow = getFlow();
  if (!flow) throw new Error('no canvas');
  const bounds = getNodesBounds(flow.getNodes());
  const viewport = getViewportForBounds(bounds, width, height, 0.25, 2, `${PADDING_PX}px`);
  const wrapper = viewportEl.closest<HTMLElement>('.react-flow');
  const shownCard = wrapper?.dataset.card;
  if (wrapper) wrapper.dataset.card = 'full';
  const { toSvg } = await import('html-to-image');
  try {
    const url = await toSvg(viewportEl, {
      backgroundColor: background,
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
      },
    });
    return slimSvg(decodeURIComponent(url.slice(url.indexOf(',') + 1)), viewportEl);
  } finally {
    if (wrapper && shownCard) wrapper.dataset.card = shownCard;
  }
}

/** Renders the whole diagram (not just the visible part) to PNG or SVG and downloads it. */
export async function exportImage(format: 'png' | 'svg'): Promise<void> {
  const flow = getFlow();
  const viewportEl = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewportEl || flow.getNodes().length === 0) {
    toast('Nothing to export yet: add a component first.', 'error');
    return;
  }
  const bounds = getNodesBounds(flow.getNodes());
  const width = Math.min(4096, Math.ceil(bounds.width + PADDING_PX * 2));
  const height = Math.min(4096, Math.ceil(bounds.height + PADDING_PX * 2));
  const background =
    getComputedStyle(document.documentElement).getPropertyValue('--canvas-bg').trim() || '#ffffff';
  const fileName = `${fileBaseName(documentStore.getState().document.name)}.${format}`;
  try {
    const svg = await diagramSvg(viewportEl, width, height, background);
    const blob =
      format === 'svg'
        ? new Blob([svg], { type: 'image/svg+xml' })
        : await toPngBlob(svg, width, height, background);
    downloadBlob(fileName, blob);
  } catch (error) {
    toast(`Image export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}
