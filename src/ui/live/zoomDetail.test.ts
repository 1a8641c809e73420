import { describe, expect, it } from 'vitest';
import {
  BAD_ERROR_RATE,
  CUE_HOLD_MS,
  cardDetailForZoom,
  detailForZoom,
  errorBand,
  FAR_BELOW_ZOOM,
  FULL_FROM_ZOOM,
  GLANCE_BELOW_ZOOM,
  GLANCE_TITLE_PX,
  glanceScale,
  holdBand,
  instancesDown,
  NEAR_FROM_ZOOM,
} from './zoomDetail';

describe('detailForZoom', () => {
  it('switches to far below the threshold and stays near at it', () => {
    expect(detailForZoom(FAR_BELOW_ZOOM - 0.01, 'near')).toBe('far');
    expect(detailForZoom(FAR_BELOW_ZOOM, 'near')).toBe('near');
    expect(detailForZoom(0.25, 'near')).toBe('far');
  });

  it('keeps far detail inside the hysteresis gap, so a wobbling zoom does not flip', () => {
    const inGap = (FAR_BELOW_ZOOM + NEAR_FROM_ZOOM) / 2;
    expect(detailForZoom(inGap, 'far')).toBe('far');
    expect(detailForZoom(inGap, 'near')).toBe('near');
    expect(detailForZoom(NEAR_FROM_ZOOM, 'far')).toBe('near');
  });

  it('keeps the e-commerce fit view (0.358 measured) near and the 100-node fit view (0.235 measured) far', () => {
    for (const zoom of [0.358, 0.5, 1]) expect(detailForZoom(zoom, 'near')).toBe('near');
    for (const zoom of [0.2, 0.235, 0.3]) expect(detailForZoom(zoom, 'near')).toBe('far');
  });
});

describe('errorBand', () => {
  it('is ok without errors, warns on any error and is bad from the bad rate on', () => {
    expect(errorBand(0)).toBe('ok');
    expect(errorBand(0.001)).toBe('warn');
    expect(errorBand(BAD_ERROR_RATE - 0.001)).toBe('warn');
    expect(errorBand(BAD_ERROR_RATE)).toBe('bad');
    expect(errorBand(1)).toBe('bad');
  });
});

describe('instancesDown', () => {
  it('is true only when fewer instances are healthy than exist', () => {
    expect(instancesDown(2, 3)).toBe(true);
    expect(instancesDown(0, 1)).toBe(true);
    expect(instancesDown(3, 3)).toBe(false);
    expect(instancesDown(0, 0)).toBe(false);
  });
});

describe('holdBand', () => {
  it('shows a worse band at once', () => {
    const ok = holdBand(null, 'ok', 0);
    expect(holdBand(ok, 'warn', 10).band).toBe('warn');
    expect(holdBand(holdBand(ok, 'warn', 10), 'bad', 20).band).toBe('bad');
  });

  it('holds a worse band against a better one until it has lasted CUE_HOLD_MS', () => {
    const warn = holdBand(null, 'warn', 1000);
    expect(holdBand(warn, 'ok', 1000 + CUE_HOLD_MS - 1)).toBe(warn);
    expect(holdBand(warn, 'ok', 1000 + CUE_HOLD_MS).band).toBe('ok');
  });

  it('restarts the hold each time the worse band shows again, so a flickering rate reads as one warning', () => {
    let held = holdBand(null, 'ok', 0);
    const bands: string[] = [];
    // Errors in every third frame at 8 frames a second: the cue warns throughout, with no blink.
    for (let frame = 0; frame < 40; frame++) {
      held = holdBand(held, frame % 3 === 0 ? 'warn' : 'ok', frame * 125);
      bands.push(held.band);
    }
    expect(new Set(bands)).toEqual(new Set(['warn']));
  });

  it('steps down one band when bad gives way to warn after the hold', () => {
    const bad = holdBand(null, 'bad', 0);
    expect(holdBand(bad, 'warn', CUE_HOLD_MS).band).toBe('warn');
  });
});

describe('card detail (glance)', () => {
  it('shows the glance below the zoom where a 13 px title drops under 11 px, with a hysteresis gap', () => {
    expect(13 * GLANCE_BELOW_ZOOM).toBeGreaterThanOrEqual(11);
    expect(cardDetailForZoom(GLANCE_BELOW_ZOOM - 0.01, 'full')).toBe('glance');
    expect(cardDetailForZoom(GLANCE_BELOW_ZOOM, 'full')).toBe('full');
    expect(cardDetailForZoom((GLANCE_BELOW_ZOOM + FULL_FROM_ZOOM) / 2, 'glance')).toBe('glance');
    expect(cardDetailForZoom(FULL_FROM_ZOOM, 'glance')).toBe('full');
  });

  it('keeps a glance title at GLANCE_TITLE_PX or more on screen down to far detail', () => {
    for (let zoom = FAR_BELOW_ZOOM; zoom < GLANCE_BELOW_ZOOM; zoom += 0.005)
      expect(GLANCE_TITLE_PX * glanceScale(zoom) * zoom).toBeGreaterThanOrEqual(GLANCE_TITLE_PX);
  });

  it('moves the scale in quarter steps, so a zoom gesture restyles the cards a few times only', () => {
    const scales = new Set<number>();
    for (let zoom = 0.33; zoom <= 0.85; zoom += 0.001) scales.add(glanceScale(zoom));
    expect(scales.size).toBeLessThanOrEqual(9);
    for (const s of scales) expect(s * 4).toBe(Math.round(s * 4));
    expect(glanceScale(0.1)).toBe(glanceScale(FAR_BELOW_ZOOM));
  });
});
