import { type ArchDocument, type Fault, faultSchema } from '../../../core/model/schema';
import type { IconName } from '../../icons/glyphs';

export type FaultKind = Fault['kind'];

/** How each fault kind is named and drawn on the timeline. */
export const faultKinds: { kind: FaultKind; label: string; icon: IconName }[] = [
  { kind: 'killInstance', label: 'Kill instance', icon: 'kill' },
  { kind: 'restartInstance', label: 'Restart instance', icon: 'restart' },
  { kind: 'addLatency', label: 'Add latency', icon: 'slow' },
  { kind: 'errorRate', label: 'Raise error rate', icon: 'errors' },
  { kind: 'partition', label: 'Partition two nodes', icon: 'partition' },
  { kind: 'configChange', label: 'Change a config key', icon: 'config' },
  { kind: 'unsubscribe', label: 'Unsubscribe a consumer', icon: 'link' },
  { kind: 'subscribe', label: 'Subscribe a consumer again', icon: 'link' },
  { kind: 'linkFaults', label: 'Lose, duplicate or reorder on a link', icon: 'partition' },
  { kind: 'busFaults', label: 'Lose, duplicate or reorder on a bus', icon: 'partition' },
  { kind: 'grayFailure', label: 'Gray failure (slow share)', icon: 'slow' },
  { kind: 'slowDisk', label: 'Slow disk', icon: 'slow' },
  { kind: 'clockSkew', label: 'Skew a clock', icon: 'config' },
];

export const faultMeta = Object.fromEntries(faultKinds.map((k) => [k.kind, k])) as Record<
  FaultKind,
  (typeof faultKinds)[number]
>;

/** A sensible fault of `kind` at `atSec`, aimed at `nodeId` (or the first fitting node). */
export function defaultFault(kind: FaultKind, doc: ArchDocument, atSec: number, nodeId?: string): Fault {
  const nodes = doc.nodes;
  const target = nodeId ?? nodes.find((n) => n.kind === 'service')?.id ?? nodes[0]?.id ?? 'node';
  const at = Math.max(0, Math.round(atSec * 10) / 10);
  switch (kind) {
    case 'killInstance':
    case 'restartInstance':
      return { kind, atSec: at, nodeId: target, instance: 0 };
    case 'addLatency':
      return { kind, atSec: at, nodeId: target, latencyMs: 500, durationSec: 10 };
    case 'errorRate':
      return { kind, atSec: at, nodeId: target, errorRate: 0.5, durationSec: 10 };
    case 'partition': {
      const other = doc.edges.find((e) => e.source === target || e.target === target);
      const b = other ? (other.source === target ? other.target : other.source) : (nodes[1]?.id ?? target);
      return { kind, atSec: at, a: target, b, durationSec: 10 };
    }
    case 'subscribe':
    case 'unsubscribe': {
      const consumer = nodes.find(
        (n) => (n.id === target || nodeId === undefined) && subscriptionsOf(n).length > 0,
      );
      const sub = consumer ? subscriptionsOf(consumer)[0]! : { topic: 'events', group: 'consumers' };
      return { kind, atSec: at, nodeId: consumer?.id ?? target, topic: sub.topic, group: sub.group };
    }
    case 'linkFaults': {
      const edge = doc.edges.find((e) => e.source === target || e.target === target) ?? doc.edges[0];
      const rates = { lossRate: 0.1, duplicateRate: 0, reorderRate: 0 };
      return { kind, atSec: at, edgeId: edge?.id ?? 'edge', ...rates, durationSec: 10 };
    }
    case 'busFaults': {
      const bus =
        nodes.find((n) => n.id === nodeId && n.kind === 'eventBus') ??
        nodes.find((n) => n.kind === 'eventBus');
      const rates = { lossRate: 0, duplicateRate: 0.1, reorderRate: 0 };
      return { kind, atSec: at, nodeId: bus?.id ?? target, ...rates, durationSec: 10 };
    }
    case 'grayFailure':
      return { kind, atSec: at, nodeId: target, instance: 0, share: 0.2, factor: 10, durationSec: 10 };
    case 'slowDisk': {
      const store =
        nodes.find((n) => n.id === nodeId && n.kind === 'eventStore') ??
        nodes.find((n) => n.kind === 'eventStore');
      return { kind, atSec: at, nodeId: store?.id ?? target, factor: 10, durationSec: 10 };
    }
    case 'clockSkew':
      return { kind, atSec: at, nodeId: target, skewMs: 5000, durationSec: 10 };
    case 'configChange': {
      const server = nodes.find((n) => n.kind === 'configServer' || n.kind === 'controlPlane');
      return {
        kind,
        atSec: at,
        nodeId: server?.id ?? target,
        service: target,
        key: 'timeoutMs',
        value: 1000,
      };
    }
  }
}

/** A one-line description of a fault for tooltips and lists. */
export function describeFault(fault: Fault, labelOf: (id: string) => string): string {
  const at = `at ${fault.atSec}s`;
  const forText =
    'durationSec' in fault && fault.durationSec !== undefined ? ` for ${fault.durationSec}s` : '';
  switch (fault.kind) {
    case 'killInstance':
      return `Kill ${labelOf(fault.nodeId)} #${fault.instance} ${at}`;
    case 'restartInstance':
      return `Restart ${labelOf(fault.nodeId)} #${fault.instance} ${at}`;
    case 'addLatency':
      return `+${fault.latencyMs} ms on ${labelOf(fault.nodeId)} ${at}${forText}`;
    case 'errorRate':
      return `${Math.round(fault.errorRate * 100)}% errors on ${labelOf(fault.nodeId)} ${at}${forText}`;
    case 'partition':
      return `Partition ${labelOf(fault.a)} ⟷ ${labelOf(fault.b)} ${at}${forText}`;
    case 'configChange':
      return `${labelOf(fault.service)}.${fault.key} = ${String(fault.value)} ${at}`;
    case 'subscribe':
    case 'unsubscribe':
      return `${labelOf(fault.nodeId)} ${fault.kind === 'subscribe' ? 'subscribes to' : 'unsubscribes from'} ${fault.topic}${fault.group ? ` (${fault.group})` : ''} ${at}`;
    case 'linkFaults':
    case 'busFaults': {
      const on = labelOf(fault.kind === 'linkFaults' ? fault.edgeId : fault.nodeId);
      const parts = [
        fault.lossRate > 0 ? `${percent(fault.lossRate)} lost` : '',
        fault.duplicateRate > 0 ? `${percent(fault.duplicateRate)} duplicated` : '',
        fault.reorderRate > 0 ? `${percent(fault.reorderRate)} reordered` : '',
      ].filter(Boolean);
      return `${parts.join(', ') || 'No message faults'} on ${on} ${at}${forText}`;
    }
    case 'grayFailure':
      return `${percent(fault.share)} of ${labelOf(fault.nodeId)} #${fault.instance} ${fault.factor}x slower ${at}${forText}`;
    case 'slowDisk':
      return `Disk of ${labelOf(fault.nodeId)} ${fault.factor}x slower ${at}${forText}`;
    case 'clockSkew':
      return `Clock of ${labelOf(fault.nodeId)} ${fault.skewMs >= 0 ? '+' : ''}${fault.skewMs} ms ${at}${forText}`;
  }
}

const percent = (p: number) => `${Math.round(p * 1000) / 10}%`;

/** Checks a fault with the document schema; returns the first problem in words, or null. */
export function faultProblem(fault: Fault, doc: ArchDocument): string | null {
  const parsed = faultSchema.safeParse(fault);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || 'fault'}: ${issue.message}`;
  }
  if (fault.kind === 'linkFaults') {
    if (!doc.edges.some((e) => e.id === fault.edgeId)) return `no edge named ${fault.edgeId}`;
    return fault.atSec > doc.scenario.durationSec
      ? `starts after the run ends (${doc.scenario.durationSec}s)`
      : null;
  }
  const ids = new Set(doc.nodes.map((n) => n.id));
  const named = fault.kind === 'partition' ? [fault.a, fault.b] : [fault.nodeId];
  const missing = named.find((id) => !ids.has(id));
  if (missing) return `no node named ${missing}`;
  if (fault.kind === 'partition' && fault.a === fault.b) return 'a partition needs two different nodes';
  if (fault.atSec > doc.scenario.durationSec)
    return `starts after the run ends (${doc.scenario.durationSec}s)`;
  return null;
}

/** The faults with `fault` put at `index` (or appended when index < 0), ordered by time. */
export function upsertFault(faults: readonly Fault[], fault: Fault, index: number): Fault[] {
  const next = faults.slice();
  if (index >= 0 && index < next.length) next[index] = fault;
  else next.push(fault);
  // A stable sort keeps same-time faults in the order they were added (kill before restart).
  return next
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.atSec - b.f.atSec || a.i - b.i)
    .map((x) => x.f);
}

/** The faults without the one at `index`. */
export function removeFault(faults: readonly Fault[], index: number): Fault[] {
  return faults.filter((_, i) => i !== index);
}

/** Parses a config value as typed: numbers and booleans become themselves, anything else a string. */
export function parseConfigValue(text: string): string | number | boolean {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return text;
}

/** The topics and groups a node consumes: a service's subscriptions, an event processor's source. */
function subscriptionsOf(n: ArchDocument['nodes'][number]): { topic: string; group: string }[] {
  if (n.kind === 'service') return n.config.subscriptions;
  if (n.kind === 'eventProcessor' && n.config.source) return [n.config.source];
  return [];
}
