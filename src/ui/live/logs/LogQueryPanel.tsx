import { useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../../state/documentStore';
import { useRunStatus } from '../../../state/liveSelectors';
import { liveStore } from '../../../state/liveStore';
import { queryLogs } from '../../../state/simSession';
import type { StoredLogEntry } from '../../../worker/protocol';
import { EmptyState } from '../EmptyState';
import { VirtualList } from '../VirtualList';
import { LogQueryForm } from './LogQueryForm';
import { LogRow } from './LogRow';
import { initialLogQuery, type LogQueryDraft, logQueryOf } from './logQuery';

const ROW_HEIGHT = 24;

/**
 * A query over the run's distributed log (every log store behind the routers): a time range
 * [from, to), a service, a minimum level and a limit, answered newest first by the worker.
 */
export function LogQueryPanel() {
  const doc = useDocumentStore(selectDocument);
  const status = useRunStatus();
  const [draft, setDraft] = useState<LogQueryDraft>(initialLogQuery);
  const [result, setResult] = useState<StoredLogEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc.nodes]);
  const hasLogStores = doc.nodes.some((n) => n.kind === 'logStore');
  const writers = useMemo(() => {
    const ids = new Set(doc.edges.filter((e) => e.kind === 'log').map((e) => e.source));
    return doc.nodes.filter((n) => ids.has(n.id) && n.kind !== 'logRouter');
  }, [doc]);

  const run = async () => {
    const parsed = logQueryOf(draft, liveStore.getState().frame?.nowMs ?? 0);
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(null);
    try {
      setResult(await queryLogs(parsed.query));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="logq-panel" data-testid="log-query">
      <LogQueryForm
        draft={draft}
        onChange={setDraft}
        onRun={() => void run()}
        services={writers}
        canRun={status !== 'idle' || result !== null}
        status={
          <>
            {problem ? <span className="live-field-error">{problem}</span> : null}
            {result ? (
              <span className="panel-toolbar-hint" data-testid="logq-count">
                {result.length} entries, newest first
              </span>
            ) : null}
          </>
        }
      />
      {!hasLogStores ? (
        <EmptyState>
          This design has no log store. Add a log router and log stores, and log steps in endpoints, to query
          logs here.
        </EmptyState>
      ) : result === null ? (
        <EmptyState>
          Run the simulation, then query the distributed log by time range, service and level.
        </EmptyState>
      ) : (
        <VirtualList
          count={result.length}
          rowHeight={ROW_HEIGHT}
          follow={false}
          testId="logq-rows"
          renderRow={(i) => {
            const e = result[i]!;
            return (
              <LogRow
                testId="logq-row"
                atMs={e.timeMs}
                level={e.level}
                nodeId={e.service}
                nodeLabel={labels.get(e.service) ?? e.service}
                message={e.message}
                traceId={e.traceId}
              />
            );
          }}
        />
      )}
    </div>
  );
}
