import './panels.css';
import { lazy, Suspense } from 'react';
import { AnalysisPanel } from './AnalysisPanel';
import { EventLogPanel } from './logs/EventLogPanel';
import { LogQueryPanel } from './logs/LogQueryPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { StatePanel } from './StatePanel';
import { TracesPanel } from './traces/TracesPanel';

// recharts is the heaviest dependency: it loads with the Charts tab, not with the editor.
const LazyCharts = lazy(() => import('./charts/ChartsPanel').then((m) => ({ default: m.ChartsPanel })));

/** The Charts tab, loading its chart library on first open. */
function ChartsTab() {
  return (
    <Suspense fallback={<div className="chart-empty">Loading charts…</div>}>
      <LazyCharts />
    </Suspense>
  );
}

/** The bottom panel's live tabs, keyed like the session store's tabs. */
export const livePanels = {
  events: EventLogPanel,
  charts: ChartsTab,
  traces: TracesPanel,
  logs: LogQueryPanel,
  state: StatePanel,
  problems: ProblemsPanel,
  analysis: AnalysisPanel,
};
