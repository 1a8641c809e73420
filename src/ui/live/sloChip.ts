import type { LiveSloResult } from '../../worker/protocol';

/** How a chip reads one SLO now: its value so far (or at the end), or that its window has not opened. */
export function chipText(reading: LiveSloResult | undefined): {
  value: string;
  state: string;
  className: string;
} {
  if (!reading || reading.observed === null || reading.state === 'waiting')
    return { value: 'waiting', state: 'waiting', className: 'slo-chip is-waiting' };
  const value = `${Number(reading.observed.toPrecision(4))}`;
  const verdict = reading.ok ? 'is-ok' : 'is-failed';
  return {
    value,
    state: reading.state,
    className: `slo-chip ${verdict}${reading.state === 'final' ? ' is-final' : ''}`,
  };
}
