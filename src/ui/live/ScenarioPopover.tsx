import { useCallback, useRef, useState } from 'react';
import type { ArchNode } from '../../core/model/schema';
import { documentStore, selectDocument, useDocumentStore } from '../../state/documentStore';
import { Icon } from '../icons/Icon';
import { formatDurationSec } from './liveFormat';
import { NumberField } from './NumberField';
import { useDismiss } from './useDismiss';

type ClientNode = Extract<ArchNode, { kind: 'client' }>;

function setClientWorkload(node: ClientNode, value: number): void {
  const workload = node.config.workload;
  const next =
    workload.kind === 'open' ? { ...workload, ratePerSec: value } : { ...workload, users: Math.round(value) };
  documentStore.getState().setNodeConfig(node.id, { ...node.config, workload: next });
}

/** Seed, duration and each client's workload: the scenario, edited in the document (undoable). */
export function ScenarioPopover() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, rootRef, close);
  const doc = useDocumentStore(selectDocument);
  const scenario = doc.scenario;
  const clients = doc.nodes.filter((n): n is ClientNode => n.kind === 'client');
  const setScenario = (patch: Partial<typeof scenario>) =>
    documentStore.getState().setScenario({ ...scenario, ...patch });

  return (
    <div className="menu-root" ref={rootRef}>
      <button
        type="button"
        className={
          open
            ? 'btn btn--ghost btn--xs is-active live-scenario-btn'
            : 'btn btn--ghost btn--xs live-scenario-btn'
        }
        aria-haspopup="dialog"
        aria-expanded={open}
        title={`Scenario: ${formatDurationSec(scenario.durationSec)}, seed ${scenario.seed}, workload`}
        data-testid="scenario-button"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="scenario" size={15} />
        <span className="live-scenario-text">Scenario</span>
      </button>
      {open ? (
        <div className="menu live-popover" role="dialog" aria-label="Scenario" data-testid="scenario-popover">
          <div className="live-popover-title">Scenario</div>
          <div className="live-popover-grid">
            <NumberField
              label="Duration"
              unit="s"
              value={scenario.durationSec}
              min={1}
              max={86_400}
              testId="scenario-duration"
              onCommit={(durationSec) => setScenario({ durationSec })}
            />
            <NumberField
              label="Seed"
              value={scenario.seed}
              min={0}
              max={0xffffffff}
              integer
              testId="scenario-seed"
              onCommit={(seed) => setScenario({ seed })}
            />
          </div>
          {clients.length > 0 ? <div className="live-popover-sub">Workload</div> : null}
          {clients.map((node) => {
            const w = node.config.workload;
            return (
              <NumberField
                key={node.id}
                label={node.label}
                unit={w.kind === 'open' ? 'req/s' : 'users'}
                value={w.kind === 'open' ? w.ratePerSec : w.users}
                min={0}
                max={w.kind === 'open' ? 10_000_000 : 1_000_000}
                integer={w.kind === 'closed'}
                testId={`workload-${node.id}`}
                onCommit={(value) => setClientWorkload(node, value)}
              />
            );
          })}
          <div className="live-popover-note">
            Changes apply when the run restarts (Run after it ends, or Reset).
          </div>
        </div>
      ) : null}
    </div>
  );
}
