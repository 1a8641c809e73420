import { type ArchDocument, type Scenario, SYSTEM_TARGET, sloMetrics } from '../../../core/model/schema';
import type { Field, Section } from '../formSpec';

/** How each SLO metric reads in the picker: what it measures, its unit, what it can target. */
const metricLabels: Record<(typeof sloMetrics)[number], string> = {
  p50Ms: 'p50 latency (ms)',
  p95Ms: 'p95 latency (ms)',
  p99Ms: 'p99 latency (ms)',
  p999Ms: 'p99.9 latency (ms)',
  meanMs: 'mean latency (ms)',
  errorRate: 'error rate (0–1)',
  availability: 'availability (0–1)',
  throughputPerSec: 'throughput (/s)',
  breakerOpenMs: 'breaker open time (ms, an edge)',
  consumerLag: 'consumer lag (msgs, a bus or read model)',
};

const opLabels = { '<': '<  below', '<=': '≤  at most', '>': '>  above', '>=': '≥  at least' };

/** The first `slo-<n>` id no SLO of the document has. */
function freeSloId(doc: ArchDocument): string {
  const taken = new Set((doc.scenario.slos ?? []).map((s) => s.id));
  let n = taken.size + 1;
  while (taken.has(`slo-${n}`)) n++;
  return `slo-${n}`;
}

/**
 * The document's SLOs, edited in the scenario inspector: add, edit, remove. The target is the whole
 * system, a node (a client too) or a link; the window is optional. Every edit is validated with the
 * whole document, so an SLO on a missing target or outside the run is refused with its path.
 */
export function sloSection(doc: ArchDocument): Section {
  const targets = [SYSTEM_TARGET, ...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)];
  const targetLabels: Record<string, string> = { [SYSTEM_TARGET]: 'The whole system (every client)' };
  for (const n of doc.nodes) targetLabels[n.id] = `${n.label || n.id} · ${n.kind}`;
  for (const e of doc.edges) targetLabels[e.id] = `${e.id} · link`;
  const client = doc.nodes.find((n) => n.kind === 'client');
  const fields: Field[] = [
    { t: 'text', key: 'id', label: 'Id', help: 'Names the SLO in results and in `capacity --slo`.' },
    { t: 'text', key: 'name', label: 'Promise', placeholder: 'Checkout answers within 300 ms' },
    { t: 'enum', key: 'target', label: 'Target', options: targets, labels: targetLabels },
    { t: 'enum', key: 'metric', label: 'Metric', options: sloMetrics, labels: metricLabels },
    { t: 'enum', key: 'op', label: 'Holds when', options: Object.keys(opLabels), labels: opLabels },
    { t: 'num', key: 'value', label: 'Objective', help: 'In the metric’s unit.' },
    {
      t: 'num',
      key: 'fromSec',
      label: 'From',
      unit: 's',
      optional: true,
      help: 'Empty: from the start (never before the warm-up ends).',
    },
    { t: 'num', key: 'toSec', label: 'To', unit: 's', optional: true, help: 'Empty: to the end of the run.' },
  ];
  return {
    title: 'SLOs',
    fields: [
      {
        t: 'list',
        key: 'slos',
        label: 'Objectives',
        item: 'SLO',
        make: () => ({
          id: freeSloId(doc),
          name: '',
          target: client?.id ?? SYSTEM_TARGET,
          metric: 'p99Ms',
          op: '<=',
          value: 300,
        }),
        fields,
        title: (item) => {
          const s = item as { id: string; metric: string; target: string; op: string; value: number };
          return `${s.id}: ${s.metric} of ${s.target} ${s.op} ${s.value}`;
        },
      },
    ],
  };
}

/** A scenario as stored: without `slos` once the last SLO is removed, so the document is as before. */
export function withoutEmptySlos(scenario: Scenario): Scenario {
  if (scenario.slos === undefined || scenario.slos.length > 0) return scenario;
  const { slos: _empty, ...rest } = scenario;
  return rest;
}
