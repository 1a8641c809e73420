import { getNodesBounds, getViewportForBounds } from '@xyflow/react';
import { documentStore } from '../../state/documentStore';
import { getFlow } from '../canvas/flowControls';
import { toast } from '../toast/toastStore';
import { downloadUrl, fileBaseName } from './download';

const PADDING_PX = 48;

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
  const viewport = getViewportForBounds(bounds, width, height, 0.25, 2, `${PADDING_PX}px`);
  const background =
    getComputedStyle(document.documentElement).getPropertyValue('--canvas-bg').trim() || '#ffffff';
  const { toPng, toSvg } = await import('html-to-image');
  const render = format === 'png' ? toPng : toSvg;
  try {
    const url = await render(viewportEl, {
      backgroundColor: background,
      width,
      height,
      pixelRatio: 2,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
      },
    });
    downloadUrl(`${fileBaseName(documentStore.getState().document.name)}.${format}`, url);
  } catch (error) {
    toast(`Image export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}
