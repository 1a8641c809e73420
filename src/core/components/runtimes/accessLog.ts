import type { Step } from '../../model/schema';
import type { EdgeLink } from '../../sim/edgeLink';
import { isSuccess, STATUS_NO_RESPONSE } from '../../sim/status';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';

/** The level of an access-log entry: error for 5xx and no answer, warn for 4xx, info otherwise. */
function levelOf(status: number): 'info' | 'warn' | 'error' {
  if (status === STATUS_NO_RESPONSE || status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'info';
}

/**
 * A service's access log, as web servers write one: per answered request an entry
 * `<METHOD> <path> status=<code> latency_ms=<ms>` (status 0 = no answer), shipped over the service's
 * edge to its log router like a `log` step's entry. Successful requests are sampled at `sampleRate`
 * (from a stream of its own, so the service's draws do not move); failures are always logged. No
 * edge to the router: nothing is shipped.
 */
export function accessLogger(
  world: World,
  nodeId: string,
  config: { readonly target: string; readonly sampleRate: number },
  link: EdgeLink | undefined,
): ((req: NodeRequest, status: number, nowMs: number) => void) | null {
  if (!link) return null;
  const rng = world.rng(`accessLog:${nodeId}`);
  return (req, status, nowMs) => {
    if (config.sampleRate < 1 && isSuccess(status) && rng.next() >= config.sampleRate) return;
    const latencyMs = Math.round((nowMs - req.arrivedMs) * 10) / 10;
    const step: Step = {
      kind: 'log',
      target: config.target,
      level: levelOf(status),
      message: `${req.method} ${req.path} status=${status} latency_ms=${latencyMs}`,
    };
    link.call('POST', '/log', {}, step, null, -1, null, null);
  };
}
