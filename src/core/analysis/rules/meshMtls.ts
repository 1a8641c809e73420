import { finding, type Rule } from '../context';
import type { Finding } from '../types';

/** Flags sidecars of a mesh that accept plaintext: mTLS DISABLE (warning) or PERMISSIVE (info). */
export const meshMtlsRule: Rule = ({ graph }) => {
  const proxies = graph.ofKind('proxy');
  const isMesh = graph.ofKind('controlPlane').length > 0 || proxies.length >= 2;
  if (!isMesh) return [];
  const out: Finding[] = [];
  for (const p of proxies) {
    const mode = p.config.mtls;
    if (mode === 'STRICT') continue;
    const label = graph.label(p.id);
    out.push(
      finding('mesh-mtls-not-strict', p.id, mode === 'DISABLE' ? 'warning' : 'info', {
        title: `${label} ${mode === 'DISABLE' ? 'has mTLS disabled' : 'accepts plaintext (mTLS PERMISSIVE)'}`,
        detail:
          mode === 'DISABLE'
            ? `${label} sends and accepts plaintext: traffic between services is unencrypted and callers are not authenticated, so principal-based authorization policies cannot be trusted.`
            : `${label} accepts both mTLS and plaintext: fine while migrating, but any workload can reach it without a certificate.`,
        nodeIds: [p.id],
        suggestion: 'Switch the mesh to mTLS STRICT once every workload has a sidecar.',
      }),
    );
  }
  return out;
};
