import type { EcommerceLongRunResult } from './ecommerceLongRunBench';
import type { EngineResult } from './engineBench';
import type { FlowResult } from './flowBench';
import type { LongRunResult } from './longRunBench';
import type { ProblemsResult } from './problemsBench';
import type { ReplicationBenchResult } from './replicationBench';

export interface BenchResults {
  engine?: EngineResult;
  flow?: FlowResult;
  longRun?: LongRunResult;
  ecommerceLongRun?: EcommerceLongRunResult;
  replications?: ReplicationBenchResult;
  problems?: ProblemsResult;
}

const millions = (n: number): string => `${(n / 1e6).toFixed(2)} M`;
const thousands = (n: number): string => `${(n / 1e3).toFixed(1)} k`;
const ratio = (n: number): string => `${n.toFixed(2)}x`;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

/** The `--json` object: only the figures, rounded, under the keys the bench contract names. */
export function toJson(results: BenchResults): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { engine, flow, longRun, ecommerceLongRun, replications } = results;
  if (replications)
    out.replications = {
      jobs1Sec: round3(replications.jobs1Sec),
      jobs2Sec: round3(replications.jobs2Sec),
      speedup: round3(replications.speedup),
      jobs1Cores: round3(replications.jobs1Cores),
      jobs2Cores: round3(replications.jobs2Cores),
      machineScaling: round3(replications.machineScaling),
      identical: replications.identical,
    };
  if (engine)
    out.engine = {
      eventsPerSec: Math.round(engine.eventsPerSec),
      vsSimjs: round3(engine.vsSimjs),
      vsJsSimulator: round3(engine.vsJsSimulator),
      vsObjectHeap: round3(engine.vsObjectHeap),
      simjsEventsPerSec: Math.round(engine.simjsEventsPerSec),
      jsSimulatorEventsPerSec: Math.round(engine.jsSimulatorEventsPerSec),
      objectHeapEventsPerSec: Math.round(engine.objectHeapEventsPerSec),
    };
  if (flow)
    out.flow = {
      requestsPerSec: Math.round(flow.requestsPerSec),
      requestsPerCpuSec: Math.round(flow.requestsPerCpuSec),
      processesRequestsPerSec: flow.processesRequestsPerSec.map(Math.round),
      throughTsx: {
        requestsPerSec: Math.round(flow.throughTsx.requestsPerSec),
        requestsPerCpuSec: Math.round(flow.throughTsx.requestsPerCpuSec),
      },
    };
  if (longRun)
    out.longRun = {
      wallSec: round3(longRun.wallSec),
      cpuSec: round3(longRun.cpuSec),
      heapRatio: round3(longRun.heapRatio),
      heap5MiB: round3(longRun.heap5MiB),
      heap60MiB: round3(longRun.heap60MiB),
    };
  if (ecommerceLongRun)
    out.ecommerceLongRun = {
      wallSec: round3(ecommerceLongRun.wallSec),
      cpuSec: round3(ecommerceLongRun.cpuSec),
      heapRatio: round3(ecommerceLongRun.heapRatio),
      heap5MiB: round3(ecommerceLongRun.heap5MiB),
      heap60MiB: round3(ecommerceLongRun.heap60MiB),
    };
  if (results.problems)
    out.problems = {
      medianMs: round3(results.problems.medianMs),
      maxMs: round3(results.problems.maxMs),
      medianCpuMs: round3(results.problems.medianCpuMs),
    };
  return out;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A readable table: each figure next to its goal and whether the goal is met. */
export function toTable(results: BenchResults): string {
  const rows: [string, string, string, string][] = [];
  const { engine, flow, longRun, ecommerceLongRun } = results;
  if (engine) {
    const o = engine.options;
    rows.push([
      `engine: hold model, ${o.pending / 1000} k pending, ${o.events / 1e6} M events x ${o.rounds} rounds (median)`,
      '',
      '',
      '',
    ]);
    for (const m of engine.measurements) {
      const low = millions(Math.min(...m.roundsEventsPerSec));
      const high = millions(Math.max(...m.roundsEventsPerSec));
      rows.push([`  ${m.label} events/s (rounds ${low}..${high})`, millions(m.eventsPerSec), '', '']);
    }
    rows.push([
      '  archplay events/s',
      millions(engine.eventsPerSec),
      '>= 5 M',
      verdict(engine.eventsPerSec >= 5e6),
    ]);
    rows.push(['  vs SIM.JS', ratio(engine.vsSimjs), '> 1x', verdict(engine.vsSimjs > 1)]);
    rows.push(['  vs js-simulator', ratio(engine.vsJsSimulator), '> 1x', verdict(engine.vsJsSimulator > 1)]);
    rows.push([
      '  vs object-heap reference',
      ratio(engine.vsObjectHeap),
      '>= 0.5x',
      verdict(engine.vsObjectHeap >= 0.5),
    ]);
    const counts = engine.measurements.map((m) => `${m.name} ${m.events}`).join(', ');
    const same = engine.mismatches.length === 0 ? 'same count and final clock' : 'MISMATCH, see stderr';
    rows.push([`  events per run: ${counts} (${same})`, '', '', '']);
  }
  if (flow) {
    rows.push([
      `flow: client -> 7 services (breaker and 2 retries on each link), ${flow.ratePerSec} req/s for ${flow.simSec} s simulated x ${flow.rounds} rounds in each of ${flow.processesRequestsPerSec.length} processes (median of their medians)`,
      '',
      '',
      '',
    ]);
    rows.push([
      `  completed requests per run ${flow.completed} (ok ${flow.ok}), ${flow.eventsPerRequest.toFixed(1)} events/request`,
      '',
      '',
      '',
    ]);
    rows.push([
      '  simulated requests/s (wall), bundled as in the browser',
      thousands(flow.requestsPerSec),
      '>= 300 k',
      verdict(flow.requestsPerSec >= 3e5),
    ]);
    rows.push([
      '  each process (V8 compiles each a little differently)',
      flow.processesRequestsPerSec.map(thousands).join(', '),
      '',
      '',
    ]);
    rows.push([
      '  simulated requests per CPU second (for reference)',
      thousands(flow.requestsPerCpuSec),
      '',
      '',
    ]);
    rows.push([
      '  through tsx, as the CLI runs it: requests/s (wall)',
      thousands(flow.throughTsx.requestsPerSec),
      '',
      '',
    ]);
    rows.push([
      '  through tsx: requests per CPU second',
      thousands(flow.throughTsx.requestsPerCpuSec),
      '',
      '',
    ]);
  }
  if (longRun) {
    rows.push([
      `long run: client -> 3 services, ${longRun.ratePerSec} req/s for 1 simulated hour (${longRun.completed} completed)`,
      '',
      '',
      '',
    ]);
    rows.push(['  wall time', `${longRun.wallSec.toFixed(1)} s`, '< 60 s', verdict(longRun.wallSec < 60)]);
    rows.push(['  CPU time (for reference)', `${longRun.cpuSec.toFixed(1)} s`, '', '']);
    rows.push(['  heap before the run', `${longRun.heapBaseMiB.toFixed(1)} MiB`, '', '']);
    rows.push(['  heap at minute 5', `${longRun.heap5MiB.toFixed(1)} MiB`, '', '']);
    rows.push(['  heap at minute 60', `${longRun.heap60MiB.toFixed(1)} MiB`, '', '']);
    rows.push(['  heap ratio 60/5', ratio(longRun.heapRatio), '<= 1.1x', verdict(longRun.heapRatio <= 1.1)]);
  }
  if (ecommerceLongRun) {
    const e = ecommerceLongRun;
    rows.push([
      `e-commerce long run: template at ${e.ratePerSec} req/s with its faults for 1 simulated hour (${e.completed} completed)`,
      '',
      '',
      '',
    ]);
    rows.push(['  wall time', `${e.wallSec.toFixed(1)} s`, '<= 20 s', verdict(e.wallSec <= 20)]);
    rows.push(['  CPU time (for reference)', `${e.cpuSec.toFixed(1)} s`, '', '']);
    rows.push(['  heap at minute 5', `${e.heap5MiB.toFixed(1)} MiB`, '', '']);
    rows.push(['  heap at minute 60', `${e.heap60MiB.toFixed(1)} MiB`, '', '']);
    rows.push(['  heap ratio 60/5', ratio(e.heapRatio), '<= 1.1x', verdict(e.heapRatio <= 1.1)]);
  }
  if (results.replications) {
    const r = results.replications;
    rows.push([
      `replications: ${r.runs} runs of the e-commerce template, ${r.simSec} s simulated each (best of 2)`,
      '',
      '',
      '',
    ]);
    rows.push(['  archplay run --replications 8 --jobs 1', `${r.jobs1Sec.toFixed(1)} s`, '', '']);
    rows.push([
      '  ... --jobs 2 (this thread + 1 worker, start-up included)',
      `${r.jobs2Sec.toFixed(1)} s`,
      '',
      '',
    ]);
    rows.push(['  speed-up 1 -> 2 jobs', ratio(r.speedup), '>= 1.7x', verdict(r.speedup >= 1.7)]);
    rows.push([
      '  cores busy, 1 job / 2 jobs (below 1 / 2: the machine was shared)',
      `${r.jobs1Cores.toFixed(2)} / ${r.jobs2Cores.toFixed(2)}`,
      '',
      '',
    ]);
    rows.push([
      '  the machine now: 2 plain CPU-bound processes at once vs 1 (2x = two free cores)',
      ratio(r.machineScaling),
      '',
      '',
    ]);
    rows.push(['  same results on 1 and 2 jobs', r.identical ? 'yes' : 'NO', 'yes', verdict(r.identical)]);
  }
  if (results.problems) {
    const p = results.problems;
    rows.push([
      `problems: analysis + problems list of a ${p.nodes}-node, ${p.edges}-link design (${p.problems} problems), ${p.rounds} rounds`,
      '',
      '',
      '',
    ]);
    // The editor reruns it 250 ms after the last edit: well under a frame budget keeps typing smooth.
    rows.push(['  median per rerun', `${p.medianMs.toFixed(1)} ms`, '<= 50 ms', verdict(p.medianMs <= 50)]);
    rows.push(['  slowest rerun', `${p.maxMs.toFixed(1)} ms`, '', '']);
    rows.push(['  median CPU time per rerun (for reference)', `${p.medianCpuMs.toFixed(1)} ms`, '', '']);
  }
  const widths = [0, 1, 2, 3].map((c) =>
    Math.max(...rows.map((r) => (r[1] || r[2] || r[3] ? r[c]!.length : 0))),
  );
  return rows
    .map((r) =>
      r[1] || r[2] || r[3]
        ? `${r[0].padEnd(widths[0]!)}  ${r[1].padStart(widths[1]!)}  ${r[2].padEnd(widths[2]!)}  ${r[3]}`.trimEnd()
        : r[0],
    )
    .join('\n');
}
