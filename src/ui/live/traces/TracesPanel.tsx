import { useCallback, useEffect, useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../../state/documentStore';
import { useRunStatus } from '../../../state/liveSelectors';
import { fetchTraces } from '../../../state/simSession';
import type { Trace } from '../../../worker/protocol';
import { EmptyState } from '../EmptyState';
import { TraceList } from './TraceList';
import { Waterfall } from './Waterfall';

/** Traces are fetched on demand: while running, at most every few seconds. */
const REFRESH_WHILE_RUNNING_MS = 3000;

/** Sampled requests as span waterfalls; clicking a span selects its node on the canvas. */
export function TracesPanel() {
  const status = useRunStatus();
  const doc = useDocumentStore(selectDocument);
  const [traces, setTraces] = useState<Trace[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc.nodes]);

  const refresh = useCallback(async () => {
    try {
      const list = await fetchTraces();
      setTraces(list.slice().reverse());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    if (status !== 'running') return;
    const timer = setInterval(() => void refresh(), REFRESH_WHILE_RUNNING_MS);
    return () => clearInterval(timer);
  }, [status, refresh]);

  if (traces.length === 0) {
    return (
      <EmptyState title="No traces yet" testId="traces-empty">
        One request in a hundred is traced. Run the simulation, then open one to see its spans hop by hop.
      </EmptyState>
    );
  }
  return (
    <div className="traces-panel" data-testid="traces-panel">
      <TraceList traces={traces} chosen={chosen} onChoose={setChosen} onRefresh={() => void refresh()} />
      <Waterfall trace={traces.find((t) => t.traceId === chosen) ?? null} labels={labels} error={error} />
    </div>
  );
}
