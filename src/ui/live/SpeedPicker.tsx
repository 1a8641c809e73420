import { useLiveSelector } from '../../state/liveSelectors';
import { setSimulationSpeed } from '../../state/simSession';
import type { Speed } from '../../worker/protocol';

const speeds: { value: Speed; label: string; title: string }[] = [
  { value: 1, label: '1×', title: 'Real time' },
  { value: 10, label: '10×', title: 'Ten times real time' },
  { value: 100, label: '100×', title: 'A hundred times real time' },
  { value: 'max', label: 'Max', title: 'As fast as the engine can go' },
];

/** Playback speed as a segmented control. */
export function SpeedPicker() {
  const speed = useLiveSelector(
    (s) => s.speed,
    (a, b) => a === b,
  );
  return (
    <fieldset className="live-segmented" aria-label="Speed" data-testid="speed">
      {speeds.map((s) => (
        <button
          key={String(s.value)}
          type="button"
          aria-pressed={speed === s.value}
          className={speed === s.value ? 'live-seg is-active' : 'live-seg'}
          title={s.title}
          data-testid={`speed-${s.value}`}
          onClick={() => setSimulationSpeed(s.value)}
        >
          {s.label}
        </button>
      ))}
    </fieldset>
  );
}
