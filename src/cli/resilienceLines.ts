import type { RunSummary } from '../core/sim/summary';

interface Transition {
  atMs: number;
  from: string;
  to: string;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * The resilience part of the human-readable summary: breaker transitions per edge, outlier
 * ejections, gateway and proxy refusals, registry membership and config versions; empty when the
 * diagram has none of them.
 */
export function resilienceLines(s: RunSummary): string {
  const lines: string[] = [];
  for (const [id, e] of Object.entries(s.edges)) {
    const b = e.breaker as { state: string; transitions: Transition[]; rejected: number } | undefined;
    if (b) {
      const path = b.transitions.map((t) => `${t.to} at ${sec(t.atMs)}`).join(', ');
      lines.push(`breaker ${id}: ${b.state}, ${b.rejected} rejected${path ? `; ${path}` : ''}`);
    }
    const o = e.outlier as
      | { ejectionsTotal: number; ejections: { instance: number; atMs: number }[] }
      | undefined;
    if (o && o.ejectionsTotal > 0) {
      const list = o.ejections.map((x) => `#${x.instance} at ${sec(x.atMs)}`).join(', ');
      lines.push(`outlier ${id}: ${o.ejectionsTotal} ejections (${list})`);
    }
  }
  for (const [id, n] of Object.entries(s.nodes)) {
    const g = n.gateway as { rateLimited: number; unauthorized: number; notFound: number } | undefined;
    if (g)
      lines.push(
        `gateway ${id}: ${g.rateLimited} rate-limited (429), ${g.unauthorized} unauthorized (401), ${g.notFound} not found (404)`,
      );
    const p = n.proxy as { denied: number; mtlsRefused: number; overflowed: number } | undefined;
    if (p)
      lines.push(
        `proxy ${id}: ${p.denied} denied (403), ${p.mtlsRefused} mTLS refused, ${p.overflowed} pool overflows (503)`,
      );
    const r = n.registry as { members: Record<string, number>; changesTotal: number } | undefined;
    if (r) {
      const members = Object.entries(r.members)
        .map(([svc, k]) => `${svc}=${k}`)
        .join(', ');
      lines.push(`registry ${id}: members ${members || 'none'}; ${r.changesTotal} membership changes`);
    }
    const c = n.config as { versions: Record<string, { server: number; applied: number }> } | undefined;
    if (c) {
      const versions = Object.entries(c.versions)
        .map(([svc, v]) => `${svc} v${v.applied}/${v.server}`)
        .join(', ');
      lines.push(`config ${id}: ${versions || 'no clients'} (applied/server)`);
    }
  }
  return lines.join('\n');
}
