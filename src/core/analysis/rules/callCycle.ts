import { finding, type Rule } from '../context';

/** Flags request cycles: a request that comes back to a node it is still waiting on. */
export const callCycleRule: Rule = ({ graph, load }) =>
  load.cycles.map((cycle) =>
    finding('call-cycle', cycle.join('>'), 'critical', {
      title: 'Synchronous call cycle',
      detail: `A request travels ${cycle.map((id) => graph.label(id)).join(' -> ')}: each turn holds another slot on every node of the loop, so one request can exhaust them all (the analysis cut the loop there).`,
      nodeIds: [...new Set(cycle)],
      suggestion:
        'Break the cycle: move the shared logic into one service, or make the back edge asynchronous.',
      problem: true,
    }),
  );
