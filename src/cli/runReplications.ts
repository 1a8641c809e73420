import type { ArchDocument, ReplicatedRunJson, RoundedInterval, TaskRecord } from '../core';
import { renderExperiment } from '../core';
import type { ExperimentArgs } from './experimentArgs';
import { experimentHeader, runAndPrintExperiment } from './experimentRunner';
import { type CliIo, EXIT_INTERNAL, EXIT_OK } from './io';
import { sloLines } from './sloLines';
import { formatSummary } from './summaryTable';

function interval(x: RoundedInterval | undefined): string {
  if (x === undefined) return '-';
  return x.ci95 === null ? String(x.mean) : `${x.mean} (${x.ci95[0]}..${x.ci95[1]})`;
}

/** The text form: the first seed's summary, then each client's headline numbers over the seeds. */
function replicationText(
  document: ArchDocument,
  records: readonly TaskRecord[],
  out: ReplicatedRunJson,
): string {
  const { n, metrics } = out.replications;
  const lines = [`replications: ${n} seeds, ${records[0]!.seed}..${records[n - 1]!.seed}; mean (95% CI)`];
  for (const node of document.nodes.filter((x) => x.kind === 'client')) {
    const m = (field: string) => interval(metrics[`nodes.${node.id}.${field}`]);
    lines.push(
      `  ${node.id}: ${m('throughputPerSec')} rps, errors ${m('errorRate')}, mean ${m('latencyMs.mean')} ms, p99 ${m('latencyMs.p99')} ms`,
    );
  }
  const declared = document.scenario.slos;
  if (declared && out.replications.slos) lines.push('', ...sloLines(declared, out.replications.slos));
  return `${formatSummary(document.name, records[0]!.summary!)}\n${lines.join('\n')}\n`;
}

/**
 * `run --replications`: seeds S..S+n-1 of one document, on this thread and worker threads, summarised with Student-t
 * intervals; a broken invariant in any run exits 1 as a single run would.
 */
export async function runReplications(
  document: ArchDocument,
  durationSec: number | undefined,
  args: ExperimentArgs,
  io: CliIo,
): Promise<number> {
  const doc =
    durationSec === undefined ? document : { ...document, scenario: { ...document.scenario, durationSec } };
  const header = experimentHeader('run', doc, args, { parameters: [], metrics: [], points: 1 });
  const records = await runAndPrintExperiment(header, [doc], args, io);
  if (args.shard !== undefined) return EXIT_OK;
  if (!args.json) {
    const out = renderExperiment(header, records);
    if ('replications' in out) io.stdout(replicationText(doc, records, out));
  }
  const broken = records.filter((r) => !r.invariantsOk);
  if (broken.length > 0) {
    io.stderr(`archplay run: invariants violated with seed(s) ${broken.map((r) => r.seed).join(', ')}\n`);
    return EXIT_INTERNAL;
  }
  return EXIT_OK;
}
