import { type NodeKind, nodeKinds } from '../../core/model/schema';
import { uiKinds } from '../kinds';
import { type Fact, isObj, num, round, type StateCard } from '../kinds/stateCard';

const isNodeKind = (v: unknown): v is NodeKind => (nodeKinds as readonly unknown[]).includes(v);

function breakerTone(state: string): Fact['tone'] {
  return state === 'OPEN' ? 'bad' : state === 'HALF_OPEN' ? 'warn' : 'ok';
}

/** One card per replicated node: each instance's share of the answers, failures and utilisation. */
function instanceCards(n: Record<string, unknown>, id: string, labelOf: (id: string) => string): StateCard[] {
  const instances = Array.isArray(n.instances) ? n.instances.filter(isObj) : [];
  if (instances.length < 2) return [];
  const answered = instances.reduce((sum, i) => sum + num(i.completed) + num(i.failed), 0);
  const down = instances.filter((i) => i.healthy === false).length;
  const failed = instances.reduce((sum, i) => sum + num(i.failed), 0);
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
        const share = answered > 0 ? ((num(i.completed) + num(i.failed)) / answered) * 100 : 0;
        return {
          label: `#${num(i.id)}${i.healthy === false ? ' down' : ''}`,
          value: `${round(share)}% · ${Math.round(num(i.utilization) * 100)}% busy`,
          tone: i.healthy === false ? 'bad' : num(i.failed) > 0 ? 'warn' : undefined,
        };
      }),
    },
  ];
}

/**
 * Turns a run summary (plain JSON whose sections depend on what the design models) into cards:
 * requests and invariants, orders and breakers here, then each node's section from its kind's
 * module (registry membership, event stores, read models, event buses, log stores). Sections the
 * summary lacks are simply absent.
 */
export function stateCards(summary: unknown, labelOf: (id: string) => string): StateCard[] {
  if (!isObj(summary)) return [];
  const cards: StateCard[] = [];
  const req = isObj(summary.requests) ? summary.requests : {};
  const inv = isObj(summary.invariants) ? summary.invariants : {};
  const violations = Array.isArray(inv.violations) ? inv.violations : [];
  cards.push({
    id: 'requests',
    group: 'Run',
    title: 'Requests',
    facts: [
      { label: 'total', value: num(req.total) },
      { label: 'ok', value: num(req.ok), tone: 'ok' },
      { label: 'failed', value: num(req.failed), tone: num(req.failed) > 0 ? 'bad' : undefined },
      { label: 'in flight', value: num(req.inFlight) },
      {
        label: 'invariants',
        value: inv.ok === false ? `${violations.length} broken` : 'hold',
        tone: inv.ok === false ? 'bad' : 'ok',
      },
    ],
  });
  if (isObj(summary.orders)) {
    const o = summary.orders;
    const reasons = isObj(o.failedByReason) ? o.failedByReason : {};
    cards.push({
      id: 'orders',
      group: 'E-commerce',
      title: 'Orders',
      facts: [
        { label: 'placed', value: num(o.placed) },
        { label: 'confirmed', value: num(o.confirmed), tone: 'ok' },
        { label: 'failed', value: num(o.failed), tone: num(o.failed) > 0 ? 'warn' : undefined },
        { label: 'in flight', value: num(o.inFlight) },
        ...(o.notificationsSent !== undefined
          ? [{ label: 'notified', value: num(o.notificationsSent) }]
          : []),
      ],
      chips: Object.entries(reasons)
        .filter(([, v]) => num(v) > 0)
        .map(([k, v]) => ({ label: k, value: num(v) })),
    });
  }
  const edges = isObj(summary.edges) ? summary.edges : {};
  for (const [id, e] of Object.entries(edges)) {
    if (!isObj(e) || !isObj(e.breaker)) continue;
    const b = e.breaker;
    const state = String(b.state ?? 'CLOSED');
    const transitions = Array.isArray(b.transitions) ? b.transitions.filter(isObj) : [];
    const last = transitions.at(-1);
    cards.push({
      id: `breaker-${id}`,
      group: 'Circuit breakers',
      title: labelOf(id),
      facts: [
        { label: 'state', value: state.replace('_', '-').toLowerCase(), tone: breakerTone(state) },
        { label: 'transitions', value: num(b.transitionsTotal ?? transitions.length) },
        { label: 'rejected', value: num(b.rejected), tone: num(b.rejected) > 0 ? 'warn' : undefined },
        ...(last
          ? [
              {
                label: 'last change',
                value: `${round(num(last.atMs) / 1000)}s → ${String(last.to).toLowerCase()}`,
              },
            ]
          : []),
      ],
    });
  }
  const nodes = isObj(summary.nodes) ? summary.nodes : {};
  for (const [id, n] of Object.entries(nodes)) {
    // Each kind's module reads its own section of the node's line (registry members, topics...).
    if (isObj(n) && isNodeKind(n.kind)) cards.push(...(uiKinds[n.kind].state?.(n, id, labelOf) ?? []));
    if (isObj(n)) cards.push(...instanceCards(n, id, labelOf));
  }
  return cards;
}
