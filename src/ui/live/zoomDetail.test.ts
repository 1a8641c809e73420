import { describe, expect, it } from 'vitest';
import {
  BAD_ERROR_RATE,
  detailForZoom,
  errorBand,
  FAR_BELOW_ZOOM,
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
