import type { NodeKind } from '../../core/model/schema';
import { BREAKER_LABELS, type BreakerState, type NodeSummary, type RunReport } from '../../worker/protocol';
import { uiKinds } from '../kinds';
import { type Fact, round, type StateCard } from '../kinds/stateCard';

const BREAKER_TONE: Record<BreakerState, Fact['tone']> = { CLOSED: 'ok', HALF_OPEN: 'warn', OPEN: 'bad' };

/** A node's own cards, from its kind's module: the registry is typed per kind, so no check is needed. */
function nodeCards<K extends NodeKind>(
  entry: NodeSummary<K>,
  id: string,
  labelOf: (id: string) => string,
): StateCard[] {
  const section = uiKinds[entry.kind as K].state;
  return section ? section(entry, id, labelOf) : [];
}

/** One card per replicated node: each instance's share of the answers, failures and utilisation. */
function instanceCards(entry: NodeSummary, id: string, labelOf: (id: string) => string): StateCard[] {
  const instances = entry.instances ?? [];
  if (instances.length < 2) return [];
  const answered = instances.reduce((sum, i) => sum + i.completed + i.failed, 0);
  const down = instances.filter((i) => !i.healthy).length;
  const failed = instances.reduce((sum, i) => sum + i.failed, 0);
  return [
    {
      id: `instances-${id}`,
      group: 'Instances',
      title: labelOf(id),
      facts: [
        {
          label: 'up',
          value: `${instances.length - down}/${instances.length}`,
          tone: down > 0 ? 'bad' : 'ok',
        },
        { label: 'failed', value: failed, tone: failed > 0 ? 'warn' : undefined },
      ],
      // One chip per instance: its share of the answers and how busy its slots were.
      chips: instances.map((i) => {
        const share = answered > 0 ? ((i.completed + i.failed) / answered) * 100 : 0;
        return {
          label: `#${i.id}${i.healthy ? '' : ' down'}`,
          value: `${round(share)}% · ${Math.round(i.utilization * 100)}% busy`,
          tone: !i.healthy ? 'bad' : i.failed > 0 ? 'warn' : undefined,
        };
      }),
    },
  ];
}

/**
 * Turns a run summary into cards: requests and invariants, orders and breakers here, then each
 * node's section from its kind's module (registry membership, event stores, read models, event
 * buses, log stores). Sections the summary lacks (no e-commerce domain, no breaker) are absent.
 */
export function stateCards(summary: RunReport | null, labelOf: (id: string) => string): StateCard[] {
  if (!summary) return [];
  const cards: StateCard[] = [];
  const { requests: req, invariants: inv } = summary;
  cards.push({
    id: 'requests',
    group: 'Run',
    title: 'Requests',
    facts: [
      { label: 'total', value: req.total },
      { label: 'ok', value: req.ok, tone: 'ok' },
      { label: 'failed', value: req.failed, tone: req.failed > 0 ? 'bad' : undefined },
      { label: 'in flight', value: req.inFlight },
      {
        label: 'invariants',
        value: inv.ok ? 'hold' : `${inv.violations.length} broken`,
        tone: inv.ok ? 'ok' : 'bad',
      },
    ],
  });
  const o = summary.orders;
  if (o) {
    cards.push({
      id: 'orders',
      group: 'E-commerce',
      title: 'Orders',
      facts: [
        { label: 'placed', value: o.placed },
        { label: 'confirmed', value: o.confirmed, tone: 'ok' },
        { label: 'failed', value: o.failed, tone: o.failed > 0 ? 'warn' : undefined },
        { label: 'in flight', value: o.inFlight },
        { label: 'notified', value: o.notificationsSent },
      ],
      chips: Object.entries(o.failedByReason)
        .filter(([, count]) => count > 0)
        .map(([reason, count]) => ({ label: reason, value: count })),
    });
  }
  for (const [id, edge] of Object.entries(summary.edges)) {
    const b = edge.breaker;
    if (!b) continue;
    const last = b.transitions.at(-1);
    cards.push({
      id: `breaker-${id}`,
      group: 'Circuit breakers',
      title: labelOf(id),
      facts: [
        { label: 'state', value: BREAKER_LABELS[b.state], tone: BREAKER_TONE[b.state] },
        { label: 'transitions', value: b.transitionsTotal },
        { label: 'rejected', value: b.rejected, tone: b.rejected > 0 ? 'warn' : undefined },
        ...(last
          ? [{ label: 'last change', value: `${round(last.atMs / 1000)}s → ${BREAKER_LABELS[last.to]}` }]
          : []),
      ],
    });
  }
  for (const [id, entry] of Object.entries(summary.nodes)) {
    cards.push(...nodeCards(entry, id, labelOf), ...instanceCards(entry, id, labelOf));
  }
  return cards;
}
