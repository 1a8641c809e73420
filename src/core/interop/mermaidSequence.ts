import type { ArchDocument, WalkthroughEvent } from './core';
import { createRun } from './core';
import { diagramIds } from './diagramIds';
import { fileStem } from './k8s/export';
import { MERMAID_RESERVED, mermaidText } from './mermaid';
import type { ExportResult } from './types';

/** Hops a sequence diagram follows at most, so a retry storm cannot make it endless. */
const MAX_HOPS = 400;

/** Options of the sequence export: which client and request-mix entry to follow (as the walkthrough). */
export interface SequenceOptions {
  clientId?: string;
  mixIndex?: number;
}

function arrow(event: WalkthroughEvent, edgeKind: string | undefined): string {
  // Log entries are sent without waiting for an answer: an open (asynchronous) arrow.
  if (event.kind === 'request') return edgeKind === 'log' ? '-)' : '->>';
  const failed = event.status === undefined || event.status === 0 || event.status >= 400;
  return failed ? '--x' : '-->>';
}

/**
 * The sequence diagram of one walked-through request (by default the first order a client places):
 * the run follows that request alone, hop by hop, and every request and reply becomes a message,
 * retries named, failed replies crossed, saga steps as notes.
 */
export function exportMermaidSequence(doc: ArchDocument, options: SequenceOptions = {}): ExportResult {
  const run = createRun(doc, { walkthrough: { clientId: options.clientId, mixIndex: options.mixIndex } });
  const events: { event: WalkthroughEvent; saga?: string }[] = [];
  for (let i = 0; i < MAX_HOPS; i++) {
    const step = run.walkthroughStep();
    if (step.event !== null) {
      const saga =
        step.sagaStep?.isSagaCall && step.event.kind === 'request' ? step.sagaStep.name : undefined;
      events.push({ event: step.event, saga });
    }
    if (step.done) break;
  }
  const notes = events.length === 0 ? ['no client sends a request to follow'] : [];
  if (events.length >= MAX_HOPS) notes.push(`stopped after ${MAX_HOPS} hops`);
  const order: string[] = [];
  for (const { event } of events) {
    for (const id of [event.fromNodeId, event.toNodeId]) if (!order.includes(id)) order.push(id);
  }
  const ids = diagramIds(order, MERMAID_RESERVED);
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label || n.id]));
  const edgeKinds = new Map(doc.edges.map((e) => [e.id, e.kind]));
  const lines = ['sequenceDiagram', '  autonumber'];
  for (const id of order) {
    const kind = doc.nodes.find((n) => n.id === id)?.kind;
    lines.push(
      `  ${kind === 'client' ? 'actor' : 'participant'} ${ids.get(id)} as ${mermaidText(labels.get(id) ?? id)}`,
    );
  }
  for (const { event, saga } of events) {
    const from = ids.get(event.fromNodeId)!;
    const to = ids.get(event.toNodeId)!;
    if (saga !== undefined) lines.push(`  Note over ${from}: saga: ${mermaidText(saga)}`);
    const retry = event.attempt > 1 ? ` (retry ${event.attempt - 1})` : '';
    const text =
      event.kind === 'request'
        ? `${event.name}${retry}`
        : `${event.status === 0 ? 'no response' : event.status}${event.durationMs === undefined ? '' : ` in ${event.durationMs.toFixed(1)} ms`}`;
    lines.push(
      `  ${from}${arrow(event, edgeKinds.get(event.edgeId))}${to}: ${mermaidText(text).replace(/;/g, ',')}`,
    );
  }
  return { files: [{ name: `${fileStem(doc.name)}.sequence.mmd`, text: `${lines.join('\n')}\n` }], notes };
}
