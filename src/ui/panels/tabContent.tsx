import type { ComponentType } from 'react';
import type { BottomTab } from '../../state/sessionStore';
import { livePanels } from '../live/LivePanels';

export interface TabInfo {
  label: string;
  /** What the tab will show, for its empty state. */
  empty: string;
  /** The tab's content once it has one; until then the empty state is shown. */
  component?: ComponentType;
}

/** The bottom panel's tabs. Each gains a component when its feature lands. */
export const tabContent: Record<BottomTab, TabInfo> = {
  events: {
    label: 'Events',
    empty: 'Run the simulation to see requests, retries and breaker transitions as they happen.',
    component: livePanels.events,
  },
  charts: {
    label: 'Charts',
    empty: 'Throughput, latency percentiles, error rates and queue depths appear here during a run.',
    component: livePanels.charts,
  },
  traces: {
    label: 'Traces',
    empty: 'Step through one request hop by hop across the architecture.',
    component: livePanels.traces,
  },
  logs: {
    label: 'Logs',
    empty: 'Entries that services ship to log routers, queryable by time, service and level.',
    component: livePanels.logs,
  },
  state: {
    label: 'State',
    empty: 'Orders, stock, event streams and read models of the running system.',
    component: livePanels.state,
  },
  problems: {
    label: 'Problems',
    empty: 'What will fail or looks wrong in how the design is wired, before you press Run.',
    component: livePanels.problems,
  },
  analysis: {
    label: 'Analysis',
    empty: 'Components, communication patterns, scalability and reliability findings for this design.',
    component: livePanels.analysis,
  },
};
