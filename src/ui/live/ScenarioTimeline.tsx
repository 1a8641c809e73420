import { type MouseEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Fault } from '../../core/model/schema';
import { documentStore, selectDocument, useDocumentStore } from '../../state/documentStore';
import { Icon } from '../icons/Icon';
import { FaultForm } from './faults/FaultForm';
import { defaultFault, describeFault, faultMeta, removeFault, upsertFault } from './faults/faultModel';
import { onEveryFrame, setStyle } from './liveDom';
import { formatDurationSec } from './liveFormat';
import { useDismiss } from './useDismiss';

const tickSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400];

function ticksFor(durationSec: number): number[] {
  const step = tickSteps.find((s) => durationSec / s <= 8) ?? 21_600;
  const out: number[] = [];
  // The last tick would sit on the track's right edge, where its label cannot fit.
  for (let t = 0; t < durationSec - step / 3; t += step) out.push(t);
  return out;
}

interface Editing {
  index: number;
  fault: Fault;
  leftPct: number;
}

/** The run's progress over the track, moved on each frame without a render (see liveDom). */
function Playhead({ durationSec }: { durationSec: number }) {
  const progressRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(
    () =>
      onEveryFrame((s) => {
        const nowMs = s.frame?.nowMs ?? 0;
        const pct = `${Math.min(100, (nowMs / 1000 / durationSec) * 100)}%`;
        setStyle(progressRef.current, 'width', pct);
        setStyle(headRef.current, 'left', pct);
      }),
    [durationSec],
  );
  return (
    <>
      <div className="timeline-progress" ref={progressRef} />
      <div className="timeline-playhead" ref={headRef} data-testid="timeline-playhead" />
    </>
  );
}

/**
 * The scenario's timeline under the canvas: duration, the playhead, and the faults as markers.
 * Click the track (or + Fault) to add a fault at that time; click a marker to edit or delete it.
 */
export function ScenarioTimeline() {
  const doc = useDocumentStore(selectDocument);
  const durationSec = doc.scenario.durationSec;
  const faults = doc.scenario.faults;
  const [editing, setEditing] = useState<Editing | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setEditing(null), []);
  useDismiss(editing !== null, rootRef, close);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc.nodes]);
  const labelOf = (id: string) => labels.get(id) ?? id;
  const ticks = useMemo(() => ticksFor(durationSec), [durationSec]);
  const pctOf = (sec: number) => Math.min(100, Math.max(0, (sec / durationSec) * 100));

  const addAt = (sec: number) => {
    const selected = doc.nodes.find((n) => n.kind === 'service')?.id;
    setEditing({ index: -1, fault: defaultFault('killInstance', doc, sec, selected), leftPct: pctOf(sec) });
  };
  const onTrackClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget && !(e.target as HTMLElement).classList.contains('timeline-hit')) return;
    const box = e.currentTarget.getBoundingClientRect();
    const sec = ((e.clientX - box.left) / box.width) * durationSec;
    addAt(Math.round(sec));
  };
  const save = (fault: Fault) => {
    const scenario = documentStore.getState().document.scenario;
    documentStore
      .getState()
      .setScenario({ ...scenario, faults: upsertFault(scenario.faults, fault, editing!.index) });
    setEditing(null);
  };
  const remove = () => {
    const scenario = documentStore.getState().document.scenario;
    documentStore
      .getState()
      .setScenario({ ...scenario, faults: removeFault(scenario.faults, editing!.index) });
    setEditing(null);
  };

  return (
    <div className="timeline" ref={rootRef} data-testid="timeline">
      <div className="timeline-head">
        <span className="timeline-title">Timeline</span>
        <button
          type="button"
          className="btn btn--ghost btn--xs"
          data-testid="add-fault"
          title="Add a fault to the scenario"
          onClick={() => addAt(Math.round(durationSec / 2))}
        >
          <Icon name="bolt" size={13} /> Fault
        </button>
      </div>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the + Fault button offers the same action by keyboard. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: clicking the track picks a time; the button is the accessible path. */}
      <div className="timeline-track" ref={trackRef} onClick={onTrackClick} data-testid="timeline-track">
        <div className="timeline-hit" />
        {ticks.map((t) => (
          <div key={t} className="timeline-tick" style={{ left: `${pctOf(t)}%` }}>
            <span>{formatDurationSec(t)}</span>
          </div>
        ))}
        <Playhead durationSec={durationSec} />
        {faults.map((fault, i) => {
          const meta = faultMeta[fault.kind];
          const span = 'durationSec' in fault && fault.durationSec ? fault.durationSec : 0;
          const key = `${i}-${fault.kind}-${fault.atSec}`;
          return (
            <div key={key}>
              {span > 0 ? (
                <div
                  className={`timeline-span timeline-span--${fault.kind}`}
                  style={{
                    left: `${pctOf(fault.atSec)}%`,
                    width: `${pctOf(fault.atSec + span) - pctOf(fault.atSec)}%`,
                  }}
                />
              ) : null}
              <button
                type="button"
                className={`timeline-marker timeline-marker--${fault.kind}`}
                style={{ left: `${pctOf(fault.atSec)}%` }}
                title={describeFault(fault, labelOf)}
                aria-label={describeFault(fault, labelOf)}
                data-testid={`fault-marker-${i}`}
                data-kind={fault.kind}
                onClick={() => setEditing({ index: i, fault, leftPct: pctOf(fault.atSec) })}
              >
                <Icon name={meta.icon} size={11} />
              </button>
            </div>
          );
        })}
        {editing ? (
          <div
            className="menu live-popover timeline-popover"
            style={{ left: `clamp(0px, calc(${editing.leftPct}% - 150px), calc(100% - 300px))` }}
          >
            <FaultForm
              key={`${editing.index}-${editing.fault.atSec}`}
              doc={doc}
              initial={editing.fault}
              editing={editing.index >= 0}
              onSave={save}
              onDelete={editing.index >= 0 ? remove : undefined}
              onCancel={close}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
