import type { RunSummary } from '../core';

const sec = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * The resilience part of the human-readable summary: breaker transitions per edge, outlier
 * ejections, gateway and proxy refusals, registry membership and config versions; empty when the
 * diagram has none of them.
 */
export function resilienceLines(s: RunSummary): string {
  const lines: string[] = [];
  for (const [id, e] of Object.entries(s.edges)) {
    const b = e.breaker;
    if (b) {
      const path = b.transitions.map((t) => `${t.to} at ${sec(t.atMs)}`).join(', ');
      lines.push(`breaker ${id}: ${b.state}, ${b.rejected} rejected${path ? `; ${path}` : ''}`);
    }
    const o = e.outlier;
    if (o && o.ejectionsTotal > 0) {
      const list = o.ejections.map((x) => `#${x.instance} at ${sec(x.atMs)}`).join(', ');
      lines.push(`outlier ${id}: ${o.ejectionsTotal} ejections (${list})`);
    }
  }
  for (const [id, n] of Object.entries(s.nodes)) {
    switch (n.kind) {
      case 'gateway': {
        const g = n.gateway;
        lines.push(
          `gateway ${id}: ${g.rateLimited} rate-limited (429), ${g.unauthorized} unauthorized (401), ${g.notFound} not found (404)`,
        );
        break;
      }
      case 'proxy': {
        const p = n.proxy;
        lines.push(
          `proxy ${id}: ${p.denied} denied (403), ${p.mtlsRefused} mTLS refused, ${p.overflowed} pool overflows (503)`,
        );
        break;
      }
      case 'registry': {
        const members = Object.entries(n.registry.members)
          .map(([svc, k]) => `${svc}=${k}`)
          .join(', ');
        lines.push(
          `registry ${id}: members ${members || 'none'}; ${n.registry.changesTotal} membership changes`,
        );
        break;
      }
      case 'configServer': {
        const versions = Object.entries(n.config.versions)
          .map(([svc, v]) => `${svc} v${v.applied}/${v.server}`)
          .join(', ');
        lines.push(`config ${id}: ${versions || 'no clients'} (applied/server)`);
        break;
      }
    }
  }
  return lines.join('\n');
}
