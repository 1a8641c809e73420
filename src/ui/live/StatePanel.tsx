import { useEffect, useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { useLiveSelector, useRunStatus } from '../../state/liveSelectors';
import { fetchSummary } from '../../state/simSession';
import type { RunReport } from '../../worker/protocol';
import { EmptyState } from './EmptyState';
import { formatCount } from './liveFormat';
import { stateCards } from './stateSections';

/** The summary is polled at most once a second while running (it walks the whole world). */
const POLL_MS = 1000;

/** The running system's state: orders, breakers, registry, event stores, read models, buses, logs. */
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
  if (status === 'idle' || cards.length === 0) {
    return (
      <EmptyState title="No run yet">
        Orders, stock, event streams, read models, registry members and breaker states of the running system.
      </EmptyState>
    );
  }
  return (
    <div className="state-panel" data-testid="state-panel">
      {cards.map((card) => (
        <section key={card.id} className="state-card" data-testid={`state-${card.id}`}>
          <div className="state-card-group">{card.group}</div>
          <div className="state-card-title">{card.title}</div>
          <dl className="state-facts">
            {card.facts.map((f) => (
              <div key={f.label} className="state-fact">
                <dt>{f.label}</dt>
                <dd className={f.tone ? `is-${f.tone}` : undefined}>
                  {typeof f.value === 'number' ? formatCount(f.value) : f.value}
                </dd>
              </div>
            ))}
          </dl>
          {card.chips && card.chips.length > 0 ? (
            <div className="state-chips">
              {card.chips.map((c) => (
                <span key={c.label} className={c.tone ? `state-chip is-${c.tone}` : 'state-chip'}>
                  {c.label} <b>{c.value}</b>
                </span>
              ))}
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
