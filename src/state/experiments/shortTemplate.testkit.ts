import microservices from '../../../public/examples/microservices-flow.json';
import type { ArchDocument } from '../../core/model/schema';
import { validateDocument } from '../../core/model/validate';

/** The microservices template, 4 s long with 1 s of warm-up, no rate change, no fault, and these SLOs. */
export function shortTemplate(slos: readonly Record<string, unknown>[]): ArchDocument {
  const json = structuredClone(microservices) as { scenario: Record<string, unknown> };
  json.scenario = { ...json.scenario, durationSec: 4, warmupSec: 1, workloadChanges: [], faults: [], slos };
  const result = validateDocument(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}
