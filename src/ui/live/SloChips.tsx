import './slo.css';
import { useLayoutEffect, useRef } from 'react';
import type { Slo } from '../../core/model/schema';
import { useLiveSelector } from '../../state/liveSelectors';
import { useLoadedDocument } from '../../state/simSession';
import { onEveryFrame, setAttr, setClass, setText } from './liveDom';
import { chipText } from './sloChip';

const selectHasFrame = (s: { frame: unknown }) => s.frame !== null;
const same = (a: boolean, b: boolean) => a === b;

/** One SLO's chip; its value and colour are written on each frame, not rendered (see liveDom). */
function SloChip({ slo, index }: { slo: Slo; index: number }) {
  const chip = useRef<HTMLLIElement>(null);
  const value = useRef<HTMLSpanElement>(null);
  useLayoutEffect(
    () =>
      onEveryFrame((s) => {
        const reading = s.frame?.slos[index];
        const text = chipText(reading);
        setClass(chip.current, text.className);
        setText(value.current, text.value);
        setAttr(chip.current, 'data-state', text.state);
        setAttr(chip.current, 'data-ok', reading && reading.state !== 'waiting' ? String(reading.ok) : '');
      }),
    [index],
  );
  const window =
    slo.fromSec !== undefined || slo.toSec !== undefined
      ? `, from ${slo.fromSec ?? 0} s to ${slo.toSec ?? 'the end'}`
      : '';
  return (
    <li
      ref={chip}
      className="slo-chip is-waiting"
      data-testid="slo-chip"
      data-slo={slo.id}
      title={`${slo.name || slo.id}: ${slo.metric} of ${slo.target} ${slo.op} ${slo.value}${window}`}
    >
      <span className="slo-chip-id">{slo.id}</span> <span ref={value}>waiting</span>{' '}
      <span className="slo-chip-target">
        {slo.op} {slo.value}
      </span>
    </li>
  );
}

/**
 * The SLOs of the running design as chips over the canvas: green while the value so far meets the
 * objective, red when it does not, solid once the window is over (then it is the run's verdict).
 */
export function SloChips() {
  const doc = useLoadedDocument();
  const hasFrame = useLiveSelector(selectHasFrame, same);
  const slos = doc?.scenario.slos ?? [];
  if (!hasFrame || slos.length === 0) return null;
  return (
    <ul className="slo-chips slo-chips--live" aria-label="SLOs of this run" data-testid="slo-chips">
      {slos.map((slo, i) => (
        <SloChip key={slo.id} slo={slo} index={i} />
      ))}
    </ul>
  );
}
