import { readFileSync } from 'node:fs';
import { type ArchDocument, documentSchema } from '../src/core';
import { type HourMeasurement, measureHour } from './longRunBench';

export interface EcommerceLongRunResult extends HourMeasurement {
  /** The template's client rate, unchanged. */
  ratePerSec: number;
}

const TEMPLATE = new URL('../public/examples/ecommerce.json', import.meta.url);

/**
 * The e-commerce template as shipped (its ~150 req/s client and its faults, which all fall in the
 * first minute), stretched to one simulated hour.
 */
function ecommerceHourDocument(): ArchDocument {
  const raw = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { scenario: { durationSec: number } };
  raw.scenario.durationSec = 3600;
  return documentSchema.parse(raw);
}

/**
 * One simulated hour of the e-commerce saga: every order's event stream, read-model document,
 * payment, publication and notification, plus logs. Measures the heap after forced collections at
 * minutes 5 and 60 (not counted in the wall time): flat memory means a ratio near 1.
 */
export function benchEcommerceLongRun(): EcommerceLongRunResult {
  const document = ecommerceHourDocument();
  const client = document.nodes.find((n) => n.kind === 'client');
  const workload = client?.kind === 'client' ? client.config.workload : undefined;
  return { ...measureHour(document), ratePerSec: workload?.kind === 'open' ? workload.ratePerSec : 0 };
}
