import { Fragment, useEffect, useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { useLiveSelector, useRunStatus } from '../../state/liveSelectors';
import { fetchSummary } from '../../state/simSession';
import type { RunReport } from '../../worker/protocol';
import { RouteChart } from './charts/RouteChart';
import { routeCharts } from './charts/routeCharts';
import { EmptyState } from './EmptyState';
import { StateCardView } from './StateCardView';
import { stateCards } from './stateSections';

/** The summary is polled at most once a second while running (it walks the whole world). */
const POLL_MS = 1000;

/**
 * The running system's state: orders, breakers, registry, event stores, read models, buses, logs, and
 * each sidecar proxy's per-route chart.
 */
export function StatePanel() {
  const status = useRunStatus();
  const runId = useLiveSelector(
    (s) => s.layout?.runId ?? 0,
    (a, b) => a === b,
  );
  const doc = useDocumentStore(selectDocument);
  const [summary, setSummary] = useState<RunReport | null>(null);
  const labels = useMemo(() => {
    const m = new Map<string, string>(doc.nodes.map((n) => [n.id, n.label]));
    for (const e of doc.edges) m.set(e.id, `${m.get(e.source) ?? e.source} → ${m.get(e.target) ?? e.target}`);
    return m;
  }, [doc]);

  // A reset or a new load (a new runId) starts a new run whose state must be fetched at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runId is the trigger, not an input.
  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      try {
        const s = await fetchSummary();
        if (!cancelled) setSummary(s);
      } catch {
        // A crashed worker answers nothing; the crash notice already says so.
      }
    };
    void poll();
    if (status !== 'running')
      return () => {
        cancelled = true;
      };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [status, runId]);

  const cards = useMemo(() => stateCards(summary, (id) => labels.get(id) ?? id), [summary, labels]);
  // Each proxy's route chart stands before its route cards, keyed by the first of them.
  const chartBefore = useMemo(
    () => new Map(routeCharts(summary, (id) => labels.get(id) ?? id).map((c) => [c.beforeCardId, c])),
    [summary, labels],
  );
  if (status === 'idle' || cards.length === 0) {
    return (
      <EmptyState title="No run yet">
        Orders, stock, event streams, read models, registry members and breaker states of the running system.
      </EmptyState>
    );
  }
  return (
    <div className="state-panel" data-testid="state-panel">
      {cards.map((card) => {
        const chart = chartBefore.get(card.id);
        return (
          <Fragment key={card.id}>
            {chart ? <RouteChart chart={chart} /> : null}
            <StateCardView card={card} />
          </Fragment>
        );
      })}
    </div>
  );
}
