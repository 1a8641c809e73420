import { describe, expect, it } from 'vitest';
import { exactFlowWidth, FLOW_WIDTH_HOLD_PX, heldFlowWidth } from './flowWidth';

describe('heldFlowWidth', () => {
  it('draws the exact width rounded to a quarter pixel when nothing is drawn yet', () => {
    expect(heldFlowWidth(0, null)).toBe(1.25);
    expect(heldFlowWidth(20, null)).toBe(Math.round(exactFlowWidth(20) * 4) / 4);
    expect(heldFlowWidth(1e9, null)).toBe(5);
  });

  it('keeps the drawn width while a wobbling rate stays near it', () => {
    // 20 calls/s sits near a quarter-pixel boundary: plain rounding flips between two widths.
    const drawn = heldFlowWidth(20, null);
    for (const rate of [14, 16, 18, 22, 25, 28]) expect(heldFlowWidth(rate, drawn)).toBe(drawn);
  });

  it('follows a rate that moved far enough, to the newly rounded width', () => {
    const drawn = heldFlowWidth(20, null);
    const faster = heldFlowWidth(200, drawn);
    expect(faster).toBeGreaterThan(drawn);
    expect(faster).toBe(Math.round(exactFlowWidth(200) * 4) / 4);
    expect(heldFlowWidth(1, drawn)).toBeLessThan(drawn);
  });

  it('changes the width once the exact width is a step and the hold away', () => {
    const drawn = 2.5;
    expect(heldFlowWidth(rateFor(drawn + 0.125 + FLOW_WIDTH_HOLD_PX - 0.01), drawn)).toBe(drawn);
    expect(heldFlowWidth(rateFor(drawn + 0.125 + FLOW_WIDTH_HOLD_PX + 0.01), drawn)).toBe(2.75);
  });
});

/** The rate whose exact width is `px` (the inverse of exactFlowWidth below its cap). */
function rateFor(px: number): number {
  return 10 ** ((px - 1.25) / 0.9) - 1;
}
