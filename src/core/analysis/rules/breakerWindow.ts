import { finding, type Rule } from '../context';
import { fmtNum } from '../numbers';
import type { Finding } from '../types';

/** A count window slower than this to reach its minimum number of calls reacts too late. */
const SLOW_BREAKER_SEC = 60;

/**
 * Flags breakers that cannot trip at the offered rate: a time window that sees fewer calls than
 * minimumNumberOfCalls never evaluates, and a count window that needs minutes to fill reacts late.
 */
export const breakerWindowRule: Rule = ({ graph, edgeLoad }) => {
  const out: Finding[] = [];
  for (const edge of graph.edges) {
    const b = edge.config.breaker;
    if (!b?.enabled) continue;
    const rate = edgeLoad.get(edge.id)?.callsPerSec ?? 0;
    if (rate <= 0) continue;
    const name = `${graph.label(edge.source)} -> ${graph.label(edge.target)}`;
    if (b.slidingWindowType === 'time') {
      const seen = rate * b.slidingWindowSize;
      if (seen >= b.minimumNumberOfCalls) continue;
      out.push(
        finding('breaker-never-trips', edge.id, 'warning', {
          title: `The breaker on ${name} can never open`,
          detail: `Its ${b.slidingWindowSize} s window sees about ${fmtNum(seen)} calls at ${fmtNum(rate)} calls/s, fewer than its minimumNumberOfCalls of ${b.minimumNumberOfCalls}: the failure rate is never evaluated.`,
          nodeIds: [edge.source, edge.target],
          edgeIds: [edge.id],
          suggestion: `Lower minimumNumberOfCalls below ${Math.max(1, Math.floor(seen))} or lengthen the window.`,
        }),
      );
      continue;
    }
    // Resilience4j caps a count window's minimum at the window size.
    const needed = Math.min(b.minimumNumberOfCalls, b.slidingWindowSize);
    const fillSec = needed / rate;
    if (fillSec <= SLOW_BREAKER_SEC) continue;
    out.push(
      finding('breaker-slow-to-trip', edge.id, 'info', {
        title: `The breaker on ${name} reacts slowly`,
        detail: `It needs ${needed} calls before it evaluates, which takes about ${fmtNum(fillSec)} s at ${fmtNum(rate)} calls/s: a dead callee is hammered that long before the breaker opens.`,
        nodeIds: [edge.source, edge.target],
        edgeIds: [edge.id],
        suggestion: 'Lower minimumNumberOfCalls (or use a time-based window) to match the call rate.',
      }),
    );
  }
  return out;
};
