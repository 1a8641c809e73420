import { useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { useRunStatus } from '../../state/liveSelectors';
import { liveStore } from '../../state/liveStore';
import { queryLogs } from '../../state/simSession';
import type { LogLevel, StoredLogEntry } from '../../worker/protocol';
import { formatClock } from './liveFormat';
import { VirtualList } from './VirtualList';

const levels: LogLevel[] = ['debug', 'info', 'warn', 'error'];
const ROW_HEIGHT = 24;

interface Query {
  fromSec: string;
  toSec: string;
  service: string;
  minLevel: LogLevel;
  limit: string;
}

/**
 * A query over the run's distributed log (every log store behind the routers): a time range
 * [from, to), a service, a minimum level and a limit, answered newest first by the worker.
 */
export function LogQueryPanel() {
  const doc = useDocumentStore(selectDocument);
  const status = useRunStatus();
  const [q, setQ] = useState<Query>({
    fromSec: '0',
    toSec: '',
    service: '',
    minLevel: 'debug',
    limit: '200',
  });
  const [result, setResult] = useState<StoredLogEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc.nodes]);
  const hasLogStores = doc.nodes.some((n) => n.kind === 'logStore');
  const writers = useMemo(() => {
    const ids = new Set(doc.edges.filter((e) => e.kind === 'log').map((e) => e.source));
    return doc.nodes.filter((n) => ids.has(n.id) && n.kind !== 'logRouter');
  }, [doc]);
  const set = (key: keyof Query) => (e: { target: { value: string } }) =>
    setQ((prev) => ({ ...prev, [key]: e.target.value }));

  const run = async () => {
    const nowMs = liveStore.getState().frame?.nowMs ?? 0;
    const startMs = Number(q.fromSec || '0') * 1000;
    const endMs = q.toSec.trim() === '' ? nowMs + 1 : Number(q.toSec) * 1000;
    const limit = Number(q.limit);
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || startMs < 0)
      return setProblem('From and To must be seconds ≥ 0');
    if (endMs <= startMs) return setProblem('To must be after From');
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
      return setProblem('Limit must be a whole number from 1 to 5000');
    setProblem(null);
    try {
      const entries = await queryLogs({
        startMs,
        endMs,
        limit,
        ...(q.service ? { service: q.service } : {}),
        ...(q.minLevel !== 'debug' ? { minLevel: q.minLevel } : {}),
      });
      setResult(entries);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="logq-panel" data-testid="log-query">
      <form
        className="panel-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="inline-field">
          From
          <input
            className="input input--num input--tiny"
            value={q.fromSec}
            onChange={set('fromSec')}
            data-testid="logq-from"
          />
          s
        </label>
        <label className="inline-field">
          To
          <input
            className="input input--num input--tiny"
            value={q.toSec}
            placeholder="now"
            onChange={set('toSec')}
            data-testid="logq-to"
          />
          s
        </label>
        <select
          className="select select--sm"
          value={q.service}
          onChange={set('service')}
          data-testid="logq-service"
        >
          <option value="">All services</option>
          {writers.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
        <select
          className="select select--sm"
          value={q.minLevel}
          onChange={set('minLevel')}
          data-testid="logq-level"
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {l === 'debug' ? 'All levels' : `${l} and above`}
            </option>
          ))}
        </select>
        <label className="inline-field">
          Limit
          <input
            className="input input--num input--tiny"
            value={q.limit}
            onChange={set('limit')}
            data-testid="logq-limit"
          />
        </label>
        <button
          type="submit"
          className="btn btn--primary btn--xs"
          data-testid="logq-run"
          disabled={status === 'idle' && !result}
        >
          Query
        </button>
        <span className="live-spacer" />
        {problem ? <span className="live-field-error">{problem}</span> : null}
        {result ? (
          <span className="panel-toolbar-hint" data-testid="logq-count">
            {result.length} entries, newest first
          </span>
        ) : null}
      </form>
      {!hasLogStores ? (
        <div className="empty-state">
          <div className="empty-text">
            This design has no log store. Add a log router and log stores, and log steps in endpoints, to
            query logs here.
          </div>
        </div>
      ) : result === null ? (
        <div className="empty-state">
          <div className="empty-text">
            Run the simulation, then query the distributed log by time range, service and level.
          </div>
        </div>
      ) : (
        <VirtualList
          count={result.length}
          rowHeight={ROW_HEIGHT}
          follow={false}
          testId="logq-rows"
          renderRow={(i) => {
            const e = result[i]!;
            return (
              <div className={`event-row is-${e.level}`} data-testid="logq-row">
                <span className="event-time">{formatClock(e.timeMs)}</span>
                <span className={`event-sev event-sev--${e.level}`}>{e.level}</span>
                <span className="event-node event-node--plain">{labels.get(e.service) ?? e.service}</span>
                <span className="event-msg">{e.message}</span>
                <span className="event-trace">{e.traceId}</span>
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
