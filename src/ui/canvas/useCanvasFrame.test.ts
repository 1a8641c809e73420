import { describe, expect, it } from 'vitest';
import { minimapSize } from './useCanvasFrame';

describe('minimapSize', () => {
  it('takes a sixth of the canvas width, between 96 and 200 px, at 3:2', () => {
    expect(minimapSize(900)).toEqual({ width: 150, height: 100 });
    expect(minimapSize(300)).toEqual({ width: 96, height: 64 });
    expect(minimapSize(2000)).toEqual({ width: 200, height: 133 });
  });
});
