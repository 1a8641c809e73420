import type { DocumentChange } from '../model/documentChange';
import type { EdgeKind, NodeKind } from '../model/schema';

/** How serious a weak point is: critical breaks under the modelled load, info is advice. */
export type Severity = 'critical' | 'warning' | 'info';

/** The architecture styles the analysis recognises, after the seed's architecture classes. */
type StyleId = 'microservices' | 'serviceMesh' | 'eventDriven' | 'cqrsEventSourcing' | 'distributedLogging';

/** One recognised architecture style and the facts of the diagram that show it. */
export interface StyleMatch {
  style: StyleId;
  name: string;
  evidence: string[];
  nodeIds: string[];
}

/** A node's role in the architecture, in words derived from its kind and its configuration. */
export interface ComponentSummary {
  nodeId: string;
  kind: NodeKind;
  label: string;
  role: string;
  responsibilities: string;
}

/** The communication and resilience patterns the analysis detects. */
type PatternId =
  | 'syncChain'
  | 'apiGateway'
  | 'serviceDiscovery'
  | 'externalizedConfig'
  | 'serviceMesh'
  | 'canary'
  | 'headerRouting'
  | 'circuitBreaker'
  | 'retryBackoff'
  | 'timeout'
  | 'fallback'
  | 'bulkhead'
  | 'rateLimiting'
  | 'pubSub'
  | 'deadLetterQueue'
  | 'eventSourcing'
  | 'cqrsReadModel'
  | 'saga'
  | 'centralizedLogging';

/** One detected pattern with where it occurs. */
export interface PatternMatch {
  pattern: PatternId;
  name: string;
  detail: string;
  nodeIds: string[];
  edgeIds: string[];
}

/** Offered load of one client: its base rate and the peak the scenario drives it to. */
export interface ClientLoad {
  nodeId: string;
  workload: 'open' | 'closed';
  baseRatePerSec: number;
  /** The rate the flow analysis propagates (the scenario's peak). */
  peakRatePerSec: number;
  /** Estimated mean response time of its requests, without queueing delay. */
  responseMs: number;
}

/** Where a node stands against its capacity: `unbounded` kinds have no slot limit in the model. */
export type LoadStatus = 'idle' | 'ok' | 'warn' | 'overloaded' | 'unbounded';

/** Static load of one node at the clients' peak rates. */
export interface NodeLoad {
  nodeId: string;
  kind: NodeKind;
  /** Requests (or messages) per second arriving, with expected retries. */
  offeredPerSec: number;
  /** Arrivals if every retrying edge upstream retried to its limit (the callee always failing). */
  worstCasePerSec: number;
  /** Mean time a request holds a slot: work plus the waits for downstream calls; null when unbounded. */
  holdingMs: number | null;
  /** Concurrency slots (instances x concurrency); null when unbounded. */
  slots: number | null;
  /** Throughput at which every slot is busy: slots / holding time; null when unbounded. */
  capacityPerSec: number | null;
  /** Offered load over capacity (rho); null when unbounded. */
  utilisation: number | null;
  status: LoadStatus;
}

/** Static load of one edge. */
export interface EdgeLoad {
  edgeId: string;
  kind: EdgeKind;
  /** Calls or messages per second sent over the edge. */
  callsPerSec: number;
  /** Attempts per second with the callee's error rate (retries included). */
  attemptsPerSec: number;
  /** Attempts per second when the callee fails every attempt: calls x (1 + maxRetries). */
  worstCaseAttemptsPerSec: number;
  /** 1 + maxRetries. */
  retryAmplification: number;
  /** Mean time from sending a sync call to its answer (network both ways + callee), when known. */
  responseMs: number | null;
}

/** Static load of one endpoint, gateway route, sidecar route or subscription handler. */
export interface HandlerLoad {
  nodeId: string;
  handler: string;
  ratePerSec: number;
  holdingMs: number;
}

/** Traffic no component serves: no route, no endpoint, wrong method, a step without an edge, or refused by a sidecar policy. */
export interface UnservedTraffic {
  nodeId: string;
  request: string;
  reason: 'noRoute' | 'noEndpoint' | 'methodNotAllowed' | 'noEdge' | 'noTarget' | 'denied';
  ratePerSec: number;
}

/** The static flow analysis: rates, holding times, capacities and utilisation at peak load. */
export interface LoadAnalysis {
  clients: ClientLoad[];
  nodes: NodeLoad[];
  edges: EdgeLoad[];
  handlers: HandlerLoad[];
  unserved: UnservedTraffic[];
  /** Call cycles found while propagating (node ids, first repeated at the end). */
  cycles: string[][];
  /** True when a request path was cut at the depth limit. */
  depthLimited: boolean;
}

/** A one-click repair of a finding: a document change the editor applies as one undoable step. */
export interface Fix {
  /** What the button says ("Link API gateway to Order service"). */
  label: string;
  change: DocumentChange;
}

/** A weak point of the architecture and what to do about it. */
export interface Finding {
  /** Stable id: rule id and subject, e.g. `sync-timeout-missing:order-inventory`. */
  id: string;
  rule: string;
  severity: Severity;
  title: string;
  detail: string;
  nodeIds: string[];
  edgeIds: string[];
  suggestion: string;
  /**
   * Whether it belongs in the problems list: something in how the design is wired that will fail
   * (`critical`) or looks wrong (`warning`) before any run, rather than advice on the design.
   */
  problem: boolean;
  /** Repairs, each one document change; empty when none is obvious. */
  fixes: Fix[];
}

/** The whole analysis of one document: plain data, deterministic, JSON-serialisable. */
export interface ArchitectureAnalysis {
  name: string;
  style: StyleMatch[];
  components: ComponentSummary[];
  patterns: PatternMatch[];
  load: LoadAnalysis;
  findings: Finding[];
  summary: string;
}
