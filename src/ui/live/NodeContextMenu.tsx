import { useRef } from 'react';
import type { ArchNode, Fault } from '../../core/model/schema';
import { documentStore } from '../../state/documentStore';
import { liveStore } from '../../state/liveStore';
import { injectFault } from '../../state/simSession';
import type { IconName } from '../icons/glyphs';
import { Icon } from '../icons/Icon';
import { toast } from '../toast/toastStore';
import { formatClock } from './liveFormat';
import { closeNodeMenu, useNodeMenu } from './nodeMenuStore';
import { useDismiss } from './useDismiss';

interface Action {
  id: string;
  label: string;
  icon: IconName;
  faults: Fault[];
}

const MAX_INSTANCE_ITEMS = 4;
const MAX_PARTITION_ITEMS = 4;

function instancesOf(node: ArchNode): number {
  const config = node.config as { instances?: number };
  return typeof config.instances === 'number' ? config.instances : 1;
}

function actionsFor(node: ArchNode, labelOf: (id: string) => string, neighbours: string[]): Action[] {
  const id = node.id;
  const n = instancesOf(node);
  const all = (kind: 'killInstance' | 'restartInstance') =>
    Array.from({ length: n }, (_, instance) => ({ kind, atSec: 0, nodeId: id, instance }) as Fault);
  const actions: Action[] = [];
  for (let i = 0; i < Math.min(n, MAX_INSTANCE_ITEMS); i++) {
    actions.push({
      id: `kill-${i}`,
      label: `Kill instance #${i}`,
      icon: 'kill',
      faults: [{ kind: 'killInstance', atSec: 0, nodeId: id, instance: i }],
    });
  }
  if (n > 1)
    actions.push({
      id: 'kill-all',
      label: `Kill all ${n} instances`,
      icon: 'kill',
      faults: all('killInstance'),
    });
  actions.push({
    id: 'restart-all',
    label: n > 1 ? `Restart all ${n} instances` : 'Restart instance',
    icon: 'restart',
    faults: all('restartInstance'),
  });
  actions.push({
    id: 'latency',
    label: 'Add 500 ms latency for 10 s',
    icon: 'slow',
    faults: [{ kind: 'addLatency', atSec: 0, nodeId: id, latencyMs: 500, durationSec: 10 }],
  });
  actions.push({
    id: 'errors',
    label: 'Fail 50% of requests for 10 s',
    icon: 'errors',
    faults: [{ kind: 'errorRate', atSec: 0, nodeId: id, errorRate: 0.5, durationSec: 10 }],
  });
  actions.push(...degradationsFor(node));
  for (const other of neighbours.slice(0, MAX_PARTITION_ITEMS)) {
    actions.push({
      id: `partition-${other}`,
      label: `Partition from ${labelOf(other)} for 10 s`,
      icon: 'partition',
      faults: [{ kind: 'partition', atSec: 0, a: id, b: other, durationSec: 10 }],
    });
  }
  return actions;
}

/** The degradations that fit the node's kind: a gray failure, a slow disk, bus faults, a skewed clock. */
function degradationsFor(node: ArchNode): Action[] {
  const nodeId = node.id;
  const out: Action[] = [];
  if (node.kind === 'service' || node.kind === 'gateway' || node.kind === 'proxy') {
    out.push({
      id: 'gray',
      label: 'Slow 20% of #0 by 10x for 10 s',
      icon: 'slow',
      faults: [
        { kind: 'grayFailure', atSec: 0, nodeId, instance: 0, share: 0.2, factor: 10, durationSec: 10 },
      ],
    });
  }
  if (node.kind === 'eventStore') {
    out.push({
      id: 'slow-disk',
      label: 'Slow the disk 10x for 10 s',
      icon: 'slow',
      faults: [{ kind: 'slowDisk', atSec: 0, nodeId, factor: 10, durationSec: 10 }],
    });
  }
  if (node.kind === 'eventBus') {
    const rates = { lossRate: 0.1, duplicateRate: 0.1, reorderRate: 0.1 };
    out.push({
      id: 'bus-faults',
      label: 'Lose, duplicate, reorder 10% for 10 s',
      icon: 'partition',
      faults: [{ kind: 'busFaults', atSec: 0, nodeId, ...rates, durationSec: 10 }],
    });
  }
  out.push({
    id: 'clock-skew',
    label: 'Skew the clock +5 s for 10 s',
    icon: 'config',
    faults: [{ kind: 'clockSkew', atSec: 0, nodeId, skewMs: 5000, durationSec: 10 }],
  });
  return out;
}

/** Quick faults on a node's right-click menu, injected into the running simulation now. */
export function NodeContextMenu() {
  const menu = useNodeMenu();
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(menu !== null, ref, closeNodeMenu);
  if (!menu) return null;
  const doc = documentStore.getState().document;
  const node = doc.nodes.find((n) => n.id === menu.nodeId);
  if (!node) return null;
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const neighbours = [
    ...new Set(
      doc.edges
        .filter((e) => e.kind === 'sync' && (e.source === node.id || e.target === node.id))
        .map((e) => (e.source === node.id ? e.target : e.source)),
    ),
  ];
  const actions = actionsFor(node, labelOf, neighbours);
  const run = async (action: Action) => {
    closeNodeMenu();
    for (const fault of action.faults) await injectFault(fault);
    const nowMs = liveStore.getState().frame?.nowMs ?? 0;
    toast(`${action.label} — ${node.label}, at ${formatClock(nowMs)}`, 'info');
  };
  return (
    <div
      ref={ref}
      className="menu node-menu"
      role="menu"
      style={{ left: menu.x, top: menu.y }}
      data-testid="node-menu"
    >
      <div className="node-menu-head">
        <Icon name="bolt" size={13} /> Inject now · {node.label}
      </div>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          role="menuitem"
          className="menu-item"
          data-testid={`node-menu-${a.id}`}
          onClick={() => void run(a)}
        >
          <Icon name={a.icon} size={14} />
          <span className="menu-label">{a.label}</span>
        </button>
      ))}
    </div>
  );
}
