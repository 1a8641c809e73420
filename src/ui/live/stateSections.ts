/** A labelled number or text in a state card. */
export interface Fact {
  label: string;
  value: string | number;
  tone?: 'ok' | 'warn' | 'bad';
}

/** One card of the state panel: a title, its subject, facts and optional chips. */
export interface StateCard {
  id: string;
  group: string;
  title: string;
  facts: Fact[];
  chips?: Fact[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const round = (v: number) => Math.round(v * 10) / 10;

function breakerTone(state: string): Fact['tone'] {
  return state === 'OPEN' ? 'bad' : state === 'HALF_OPEN' ? 'warn' : 'ok';
}

/**
 * Turns a run summary (plain JSON whose sections depend on what the design models) into cards:
 * requests and invariants, orders, breakers, registry membership, event stores, read models, event
 * buses and log stores. Sections the summary lacks are simply absent.
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
    if (!isObj(n)) continue;
    if (isObj(n.registry) && isObj(n.registry.members)) {
      cards.push({
        id: `registry-${id}`,
        group: 'Registry',
        title: labelOf(id),
        facts: [{ label: 'changes', value: num(n.registry.changesTotal) }],
        chips: Object.entries(n.registry.members).map(([svc, count]) => ({
          label: labelOf(svc),
          value: num(count),
          tone: num(count) === 0 ? 'bad' : undefined,
        })),
      });
    }
    if (isObj(n.eventStore)) {
      const s = n.eventStore;
      cards.push({
        id: `store-${id}`,
        group: 'Event store',
        title: labelOf(id),
        facts: [
          { label: 'events', value: num(s.events) },
          { label: 'streams', value: num(s.streams) },
          { label: 'appends', value: num(s.appends) },
          { label: 'conflicts', value: num(s.conflicts), tone: num(s.conflicts) > 0 ? 'warn' : undefined },
          { label: 'snapshots', value: num(s.snapshots) },
        ],
      });
    }
    if (isObj(n.readModel)) {
      const r = n.readModel;
      cards.push({
        id: `read-${id}`,
        group: 'Read model',
        title: labelOf(id),
        facts: [
          { label: 'documents', value: num(r.documents) },
          { label: 'checkpoint', value: num(r.checkpoint) },
          {
            label: 'lag',
            value: `${num(r.lagPositions)} ev · ${round(num(r.lagMs))} ms`,
            tone: num(r.lagPositions) > 100 ? 'warn' : undefined,
          },
          { label: 'stale reads', value: num(r.staleReads) },
        ],
      });
    }
    if (isObj(n.topics)) {
      for (const [topic, t] of Object.entries(n.topics)) {
        if (!isObj(t)) continue;
        const groups = isObj(t.groups) ? t.groups : {};
        cards.push({
          id: `topic-${id}-${topic}`,
          group: 'Event bus',
          title: `${labelOf(id)} · ${topic}`,
          facts: [
            { label: 'published', value: num(t.published) },
            { label: 'delivered', value: num(t.delivered) },
            { label: 'redelivered', value: num(t.redelivered) },
            {
              label: 'dead-lettered',
              value: num(t.deadLettered),
              tone: num(t.deadLettered) > 0 ? 'bad' : undefined,
            },
          ],
          chips: Object.entries(groups).map(([g, v]) => ({
            label: `${g} lag`,
            value: isObj(v) ? num(v.lag) : 0,
            tone: isObj(v) && num(v.lag) > 100 ? 'warn' : undefined,
          })),
        });
      }
    }
    if (isObj(n.logStore)) {
      const l = n.logStore;
      cards.push({
        id: `logs-${id}`,
        group: 'Log store',
        title: labelOf(id),
        facts: [
          { label: 'entries', value: num(l.entries) },
          { label: 'appended', value: num(l.appended) },
          { label: 'dropped', value: num(l.dropped), tone: num(l.dropped) > 0 ? 'warn' : undefined },
        ],
      });
    }
  }
  return cards;
}
