import { type CapacityPointJson, searchableClients } from '../../core/experiments';
import type { ArchDocument, Slo } from '../../core/model/schema';
import type { CapacityOutcome } from './experimentStore';

/** The text `archplay capacity <doc> --client <id> --json` prints for this search. */
export function capacityJsonText(outcome: CapacityOutcome): string {
  return `${JSON.stringify(outcome.json, null, 2)}\n`;
}

/** A client the capacity form offers: an open workload, its rate, and its rate changes the search leaves out. */
export interface CapacityClient {
  id: string;
  label: string;
  ratePerSec: number;
  rateChanges: number;
}

/** The clients the capacity form offers, in document order. */
export function capacityClients(doc: ArchDocument): CapacityClient[] {
  return searchableClients(doc).map((node) => ({
    id: node.id,
    label: node.label,
    ratePerSec: node.config.workload.ratePerSec,
    rateChanges: doc.scenario.workloadChanges.filter((c) => c.nodeId === node.id).length,
  }));
}

/** One rate tried, for the chart: the SLO's observed value there and whether every chosen SLO held. */
export interface CapacityRow {
  rate: number;
  observed: number | null;
  ok: boolean;
}

/** The rates tried in rate order with `sloId`'s observed mean at each (null where it was not judged). */
export function capacityRows(points: readonly CapacityPointJson[], sloId: string): CapacityRow[] {
  return points.map((p) => ({
    rate: p.ratePerSec,
    observed: p.slos.find((s) => s.id === sloId)?.observed ?? null,
    ok: p.ok,
  }));
}

/** The search's answer in a sentence: the highest passing rate and the bottleneck, or why there is none. */
export function capacityVerdict(outcome: CapacityOutcome, format: (x: number) => string): string {
  const { json } = outcome;
  const slos = json.slos.join(', ');
  if (json.points.length === 0) return 'The search tried no rate.';
  if (json.maxRatePerSec === 0) {
    const lowest = json.points[0]!.ratePerSec;
    return `${slos} fail${json.slos.length === 1 ? 's' : ''} even at ${format(lowest)} requests/s: no rate passes.`;
  }
  const neck = json.bottleneck
    ? ` The bottleneck is ${json.bottleneck.node}, at ${format(json.bottleneck.utilization * 100)} % utilisation there.`
    : '';
  if (json.points.every((p) => p.ok))
    return `${slos} held at every rate tried, up to ${format(json.maxRatePerSec)} requests/s, where the search stops.${neck}`;
  return `${json.client} can send at most ${format(json.maxRatePerSec)} requests/s with ${slos} holding.${neck}`;
}

/** An SLO's objective as the chart's reference line labels it. */
export function sloObjective(slos: readonly Slo[], id: string): { value: number; label: string } | null {
  const slo = slos.find((s) => s.id === id);
  return slo ? { value: slo.value, label: `${slo.id} ${slo.op} ${slo.value}` } : null;
}
