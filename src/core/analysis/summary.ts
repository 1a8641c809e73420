import type { AnalysisContext } from './context';
import { fmtNum, fmtPercent, listWords, lowerFirst, plural } from './numbers';
import type { Finding, PatternMatch, StyleMatch } from './types';

/** A short plain-English paragraph: style, size, peak load, the busiest node and the top findings. */
export function summarise(
  ctx: AnalysisContext,
  styles: readonly StyleMatch[],
  patterns: readonly PatternMatch[],
  findings: readonly Finding[],
): string {
  const { graph, load } = ctx;
  const sentences: string[] = [];
  const styleWords = styles.map((s) => lowerFirst(s.name));
  const shape =
    styleWords.length > 0
      ? `a ${listWords(styleWords)} architecture`
      : 'an architecture without a recognised style';
  const services = graph.ofKind('service').length;
  sentences.push(
    `${graph.document.name} is ${shape} of ${plural(graph.nodes.length, 'node')} (${plural(services, 'service')}) and ${plural(graph.edges.length, 'link')}.`,
  );
  const peak = load.clients.reduce((s, c) => s + c.peakRatePerSec, 0);
  if (load.clients.length > 0) {
    const busiest = load.nodes
      .filter((n) => n.utilisation !== null && n.offeredPerSec > 0)
      .sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0))[0];
    const from = `${fmtNum(peak)} req/s from ${plural(load.clients.length, 'client')}`;
    sentences.push(
      busiest
        ? `At the peak of ${from}, the busiest node is ${graph.label(busiest.nodeId)} at ${fmtPercent(busiest.utilisation ?? 0)} utilisation.`
        : `Clients offer ${from} at peak.`,
    );
  } else {
    sentences.push('No client drives traffic, so the load analysis is empty.');
  }
  if (patterns.length > 0) sentences.push(`It uses ${listWords(patterns.map((p) => lowerFirst(p.name)))}.`);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  if (findings.length === 0) {
    sentences.push('No weak points were found.');
  } else {
    const top = findings
      .filter((f) => f.severity !== 'info')
      .slice(0, 2)
      .map((f) => f.title);
    sentences.push(
      `The analysis found ${plural(count('critical'), 'critical issue')}, ${plural(count('warning'), 'warning')} and ${plural(count('info'), 'note')}.`,
    );
    if (top.length > 0) sentences.push(`Most pressing: ${top.join('; ')}.`);
  }
  return sentences.join(' ');
}
