import type { SyncChain } from '../chains';
import { finding, type Rule } from '../context';
import { fmtMs } from '../numbers';

/** Synchronous hops from which a chain is long: latencies add and availabilities multiply. */
const LONG_CHAIN_HOPS = 4;

/** Flags synchronous call chains of 4 or more hops, each a latency and availability tax. */
export const longSyncChainRule: Rule = (ctx) => {
  // One finding per deepest callee, for its longest chain: parallel branches would repeat it.
  // Chains that differ only in their last callee are one fan-out: report the first of them.
  const longest = new Map<string, SyncChain>();
  for (const c of ctx.chains) {
    if (c.edgeIds.length < LONG_CHAIN_HOPS) continue;
    const tail = c.nodeIds[c.nodeIds.length - 1]!;
    const known = longest.get(tail);
    if (!known || c.edgeIds.length > known.edgeIds.length) longest.set(tail, c);
  }
  const byPrefix = new Map<string, SyncChain>();
  for (const c of longest.values()) {
    const prefix = c.edgeIds.slice(0, -1).join('>');
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, c);
  }
  return [...byPrefix.values()].map((c) => {
    const hops = c.edgeIds.length;
    const availability = 0.999 ** hops;
    const first = ctx.edgeLoad.get(c.edgeIds[0]!)?.responseMs ?? null;
    const names = c.nodeIds.map((id) => ctx.graph.label(id)).join(' -> ');
    return finding('long-sync-chain', c.edgeIds.join('>'), 'warning', {
      title: `${hops}-hop synchronous call chain`,
      detail: `${names} is ${hops} synchronous hops deep${first !== null ? `, about ${fmtMs(first)} ms end to end` : ''}: every hop adds latency and a failure point (at 99.9% each, the chain is up ${(availability * 100).toFixed(1)}% of the time).`,
      nodeIds: c.nodeIds,
      edgeIds: c.edgeIds,
      suggestion:
        'Shorten the chain: call downstream services in parallel, cache or replicate the data needed, or make the tail asynchronous (publish an event instead of waiting).',
    });
  });
};
