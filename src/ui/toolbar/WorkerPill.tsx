import { useWorkerError, useWorkerRestarts, useWorkerStatus, type WorkerStatus } from '../../state/liveStore';

const labels: Record<WorkerStatus, string> = {
  starting: 'Starting',
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  crashed: 'Crashed',
  restarting: 'Restarting',
};

/** The simulation worker's health as a small pill; after a crash it says it was restarted. */
export function WorkerPill() {
  const status = useWorkerStatus();
  const error = useWorkerError();
  const restarts = useWorkerRestarts();
  const recovered = restarts > 0 && (status === 'ready' || status === 'paused' || status === 'done');
  const tone =
    status === 'crashed'
      ? 'error'
      : status === 'restarting' || recovered
        ? 'warning'
        : status === 'running'
          ? 'active'
          : status === 'starting'
            ? 'muted'
            : 'ok';
  const title = error
    ? `Simulation engine: ${labels[status]} — last failure: ${error}`
    : `Simulation engine: ${labels[status]}`;
  return (
    <span className={`pill pill--${tone}`} data-testid="worker-status" data-status={status} title={title}>
      <span className="pill-dot" />
      {labels[status]}
      {recovered ? <span className="pill-note">restarted</span> : null}
    </span>
  );
}
