import type { Fault } from '../../core/model/schema';
import { documentStore } from '../../state/documentStore';
import { liveStore } from '../../state/liveStore';
import { faultMeta } from './faults/faultModel';

/** The node or edge a scheduled fault marks on the canvas while it is in force. */
function markedBy(fault: Fault): { kind: 'node' | 'edge'; id: string }[] {
  if (fault.kind === 'linkFaults') return [{ kind: 'edge', id: fault.edgeId }];
  if (fault.kind === 'partition')
    return [
      { kind: 'node', id: fault.a },
      { kind: 'node', id: fault.b },
    ];
  if (fault.kind === 'configChange') return [{ kind: 'node', id: fault.service }];
  return [{ kind: 'node', id: fault.nodeId }];
}

/** Whether a timeline fault is in force at `nowMs`: from its start to its end (one-off events: kills, restarts, config changes, subscribe and unsubscribe, mark 1 s). */
function inForce(fault: Fault, nowMs: number): boolean {
  const startMs = fault.atSec * 1000;
  if (nowMs < startMs) return false;
  const durationSec =
    fault.kind === 'killInstance' ||
    fault.kind === 'restartInstance' ||
    fault.kind === 'configChange' ||
    fault.kind === 'subscribe' ||
    fault.kind === 'unsubscribe'
      ? 1
      : fault.durationSec;
  return durationSec === undefined || nowMs < startMs + durationSec * 1000;
}

/** What the canvas marks at `nowMs`: element key -> the labels of the faults in force on it. */
export function activeMarks(faults: readonly Fault[], nowMs: number): Map<string, string> {
  const marks = new Map<string, string>();
  for (const fault of faults) {
    if (!inForce(fault, nowMs)) continue;
    for (const { kind, id } of markedBy(fault)) {
      const key = `${kind}:${id}`;
      const label = faultMeta[fault.kind].label;
      const prev = marks.get(key);
      marks.set(key, prev === undefined ? label : prev.includes(label) ? prev : `${prev} · ${label}`);
    }
  }
  return marks;
}

function elementOf(key: string): Element | null {
  const [kind, ...rest] = key.split(':');
  const id = CSS.escape(rest.join(':'));
  return document.querySelector(
    kind === 'edge' ? `.react-flow__edge[data-id="${id}"]` : `.react-flow__node[data-id="${id}"]`,
  );
}

/**
 * Marks the nodes and edges the scenario's faults, and those applied from a node's menu, are
 * degrading right now (`data-fault`, styled in live.css), from the frame's simulated time. The DOM is touched only when the set changes: at a
 * fault's start or end, not on every frame.
 */
export function createFaultMarker(): { update(nowMs: number): void; clear(): void } {
  let shown = new Map<string, string>();
  const apply = (next: Map<string, string>) => {
    for (const key of shown.keys()) if (!next.has(key)) elementOf(key)?.removeAttribute('data-fault');
    for (const [key, label] of next)
      if (shown.get(key) !== label) elementOf(key)?.setAttribute('data-fault', label);
    shown = next;
  };
  let last = '';
  return {
    update(nowMs) {
      const next = activeMarks(
        [...documentStore.getState().document.scenario.faults, ...liveStore.getState().injected],
        nowMs,
      );
      const signature = [...next].join('|');
      if (signature === last) return;
      last = signature;
      apply(next);
    },
    clear() {
      last = '';
      apply(new Map());
    },
  };
}
