import distributedLogging from '../../../public/examples/distributed-logging.json';
import ecommerce from '../../../public/examples/ecommerce.json';
import eventDrivenCqrs from '../../../public/examples/event-driven-cqrs.json';
import microservicesBasics from '../../../public/examples/microservices-basics.json';
import microservicesFlow from '../../../public/examples/microservices-flow.json';
import serviceMeshCanary from '../../../public/examples/service-mesh-canary.json';
import type { ArchDocument } from '../model/schema';
import { validateDocument } from '../model/validate';

const RAW: Record<string, unknown> = {
  'distributed-logging': distributedLogging,
  ecommerce,
  'event-driven-cqrs': eventDrivenCqrs,
  'microservices-basics': microservicesBasics,
  'microservices-flow': microservicesFlow,
  'service-mesh-canary': serviceMeshCanary,
};

/** A document from a test's own JSON (defaults filled), or a thrown error naming the problems. */
export function documentFrom(value: unknown): ArchDocument {
  const result = validateDocument(JSON.parse(JSON.stringify(value)));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.document;
}

/** The shipped example documents, by file stem, for interop tests. */
export function examples(): Map<string, ArchDocument> {
  return new Map(Object.entries(RAW).map(([stem, raw]) => [stem, documentFrom(raw)]));
}

/** One shipped example document by file stem. */
export function example(stem: string): ArchDocument {
  const doc = examples().get(stem);
  if (doc === undefined) throw new Error(`no example ${stem}`);
  return doc;
}

/** Stems of the examples whose design has a service mesh (a sidecar proxy). */
export function meshExamples(): string[] {
  return [...examples()].filter(([, d]) => d.nodes.some((n) => n.kind === 'proxy')).map(([stem]) => stem);
}
