import { connectionCheck, kindWithArticle, nodeKindNames } from './connections';
import { appendKey, type ValidationIssue } from './issues';
import type { JsonObject } from './migrations';
import {
  type ArchNode,
  edgeKinds,
  faultSchema,
  type NodeKind,
  nodeKinds,
  nodeSchema,
  type Step,
  scenarioSchema,
  workloadChangeSchema,
} from './schema';
import { checkSlos } from './sloReferences';

/** Node kinds each step kind may target: a step reaches the component that does that work. */
const stepTargets: Record<Step['kind'], readonly NodeKind[]> = {
  work: [],
  call: ['service', 'gateway', 'proxy'],
  publish: ['eventBus'],
  append: ['eventStore'],
  query: ['readModel'],
  log: ['logRouter'],
  request: ['eventBus'],
};

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const arrayAt = (v: unknown, key: string): unknown[] => {
  const x = isObject(v) ? v[key] : undefined;
  return Array.isArray(x) ? x : [];
};
const stringAt = (v: unknown, key: string): string | undefined => {
  const x = isObject(v) ? v[key] : undefined;
  return typeof x === 'string' ? x : undefined;
};
const isNodeKind = (v: unknown): v is NodeKind =>
  typeof v === 'string' && (nodeKinds as readonly string[]).includes(v);

function orList(kinds: readonly NodeKind[]): string {
  const names = kinds.map((k) => kindWithArticle(k));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Cross-reference checks the schema cannot express: unique ids, edge ends and connection rules,
 * and every id a config, a step or the scenario names. Works on the raw document, parsing entries
 * one by one, so the problems of valid entries are reported even when other entries are broken.
 */
export function checkReferences(raw: JsonObject): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const kinds = new Map<string, NodeKind | undefined>();
  const firstIndex = new Map<string, number>();

  const rawNodes = arrayAt(raw, 'nodes');
  rawNodes.forEach((node, i) => {
    const id = stringAt(node, 'id');
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first !== undefined) {
      issues.push({
        path: `nodes[${i}].id`,
        message: `duplicate node id "${id}" (also used by nodes[${first}])`,
      });
      return;
    }
    const kind = isObject(node) ? node.kind : undefined;
    kinds.set(id, isNodeKind(kind) ? kind : undefined);
    firstIndex.set(id, i);
  });

  /** Checks that `id` names a node, of one of `allowed` kinds when given. */
  const expectNode = (path: string, id: string, allowed: readonly NodeKind[], role: string): void => {
    if (!kinds.has(id)) {
      issues.push({ path, message: `no node with id "${id}"` });
      return;
    }
    const kind = kinds.get(id);
    if (kind !== undefined && allowed.length > 0 && !allowed.includes(kind)) {
      issues.push({
        path,
        message: `"${id}" is ${kindWithArticle(kind)}, but ${role} needs ${orList(allowed)}`,
      });
    }
  };

  const edgeIds = checkEdges(raw, kinds, issues);

  // Only a node's first occurrence is looked up by id, as in the id checks above.
  const nodeById = new Map<string, ArchNode>();
  rawNodes.forEach((rawNode, i) => {
    const parsed = nodeSchema.safeParse(rawNode);
    if (!parsed.success) return;
    checkNodeConfig(parsed.data, `nodes[${i}].config`, expectNode);
    if (firstIndex.get(parsed.data.id) === i) nodeById.set(parsed.data.id, parsed.data);
  });

  checkCommands(rawNodes, nodeById, issues);
  checkScenario(raw.scenario, kinds, nodeById, edgeIds, expectNode, issues);
  issues.push(...checkSlos(raw.scenario, kinds, edgeIds));
  return issues;
}

type ExpectNode = (path: string, id: string, allowed: readonly NodeKind[], role: string) => void;

function checkEdges(
  raw: JsonObject,
  kinds: Map<string, NodeKind | undefined>,
  issues: ValidationIssue[],
): Set<string> {
  const edgeIds = new Map<string, number>();
  arrayAt(raw, 'edges').forEach((edge, i) => {
    const id = stringAt(edge, 'id');
    if (id !== undefined) {
      const first = edgeIds.get(id);
      if (first !== undefined) {
        issues.push({
          path: `edges[${i}].id`,
          message: `duplicate edge id "${id}" (also used by edges[${first}])`,
        });
      } else edgeIds.set(id, i);
    }
    const source = stringAt(edge, 'source');
    const target = stringAt(edge, 'target');
    let endsKnown = true;
    for (const [end, nodeId] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (nodeId !== undefined && !kinds.has(nodeId)) {
        issues.push({ path: `edges[${i}].${end}`, message: `no node with id "${nodeId}"` });
        endsKnown = false;
      }
    }
    if (!endsKnown || source === undefined || target === undefined) return;
    const sourceKind = kinds.get(source);
    const targetKind = kinds.get(target);
    if (sourceKind === undefined || targetKind === undefined) return;
    const label = `edge "${id ?? i}" from "${source}" to "${target}"`;
    const rule = connectionCheck({ id: source, kind: sourceKind }, { id: target, kind: targetKind });
    if (!rule.ok) {
      issues.push({ path: `edges[${i}]`, message: `${label}: ${rule.reason}` });
      return;
    }
    const declared = isObject(edge) ? (edge.kind ?? 'sync') : 'sync';
    if ((edgeKinds as readonly unknown[]).includes(declared) && declared !== rule.kind) {
      issues.push({
        path: `edges[${i}].kind`,
        message: `${label} is "${String(declared)}", but ${kindWithArticle(sourceKind)} -> ${nodeKindNames[targetKind]} link is "${rule.kind}"`,
      });
    }
  });
  return new Set(edgeIds.keys());
}

function checkSteps(steps: readonly Step[], path: string, expectNode: ExpectNode): void {
  steps.forEach((step, k) => {
    if (step.kind === 'work') return;
    expectNode(`${path}[${k}].target`, step.target, stepTargets[step.kind], `a ${step.kind} step`);
    if (step.kind === 'append' && step.publish)
      expectNode(
        `${path}[${k}].publish.target`,
        step.publish.target,
        ['eventBus'],
        'an append that publishes',
      );
  });
}

function checkNodeConfig(node: ArchNode, path: string, expectNode: ExpectNode): void {
  switch (node.kind) {
    case 'service':
      node.config.endpoints.forEach((e, j) => {
        checkSteps(e.steps, `${path}.endpoints[${j}].steps`, expectNode);
      });
      node.config.subscriptions.forEach((s, j) => {
        expectNode(`${path}.subscriptions[${j}].bus`, s.bus, ['eventBus'], 'a subscription');
        checkSteps(s.steps, `${path}.subscriptions[${j}].steps`, expectNode);
      });
      if (node.config.accessLog) {
        expectNode(`${path}.accessLog.target`, node.config.accessLog.target, ['logRouter'], 'an access log');
      }
      return;
    case 'gateway':
      node.config.routes.forEach((r, j) => {
        expectNode(`${path}.routes[${j}].target`, r.target, ['service', 'proxy'], 'a gateway route');
      });
      return;
    case 'proxy':
      if (node.config.attachedTo !== undefined) {
        expectNode(`${path}.attachedTo`, node.config.attachedTo, ['service'], 'a sidecar');
      }
      node.config.routes.forEach((r, j) => {
        r.destinations.forEach((d, k) => {
          expectNode(
            `${path}.routes[${j}].destinations[${k}].target`,
            d.target,
            ['service', 'proxy'],
            'a mesh route',
          );
        });
      });
      return;
    case 'eventProcessor':
      if (node.config.source)
        expectNode(`${path}.source.bus`, node.config.source.bus, ['eventBus'], 'an event processor source');
      if (node.config.output)
        expectNode(`${path}.output.bus`, node.config.output.bus, ['eventBus'], 'an event processor output');
      return;
    case 'readModel':
      if (node.config.source !== undefined) {
        expectNode(`${path}.source`, node.config.source, ['eventStore'], 'a read model source');
      }
      return;
    case 'configServer':
      for (const serviceId of Object.keys(node.config.keys)) {
        expectNode(
          appendKey(`${path}.keys`, serviceId),
          serviceId,
          ['service', 'gateway'],
          'a config key set',
        );
      }
      return;
    default:
      return;
  }
}

function checkScenario(
  rawScenario: unknown,
  kinds: Map<string, NodeKind | undefined>,
  nodeById: ReadonlyMap<string, ArchNode>,
  edgeIds: ReadonlySet<string>,
  expectNode: ExpectNode,
  issues: ValidationIssue[],
): void {
  const scenario = scenarioSchema.safeParse(rawScenario ?? {});
  if (scenario.success && scenario.data.warmupSec >= scenario.data.durationSec) {
    issues.push({
      path: 'scenario.warmupSec',
      message: `must be less than durationSec (${scenario.data.durationSec}), got ${scenario.data.warmupSec}`,
    });
  }

  arrayAt(rawScenario, 'faults').forEach((rawFault, i) => {
    const parsed = faultSchema.safeParse(rawFault);
    if (!parsed.success) return;
    const fault = parsed.data;
    const path = `scenario.faults[${i}]`;
    switch (fault.kind) {
      case 'partition':
        expectNode(`${path}.a`, fault.a, [], 'a partition');
        expectNode(`${path}.b`, fault.b, [], 'a partition');
        if (fault.a === fault.b)
          issues.push({ path: `${path}.b`, message: 'a partition needs two different nodes' });
        return;
      case 'configChange':
        // A mesh control plane pushes rules to its proxies (or, naming itself, to all of them).
        if (kinds.get(fault.nodeId) === 'controlPlane') {
          expectNode(`${path}.service`, fault.service, ['proxy', 'controlPlane'], 'a mesh rule change');
          return;
        }
        expectNode(`${path}.nodeId`, fault.nodeId, ['configServer', 'controlPlane'], 'a config change');
        expectNode(`${path}.service`, fault.service, ['service', 'gateway'], 'a config change');
        return;
      case 'killInstance':
      case 'restartInstance': {
        expectNode(
          `${path}.nodeId`,
          fault.nodeId,
          ['service', 'gateway', 'eventProcessor'],
          `a ${fault.kind} fault`,
        );
        const node = nodeById.get(fault.nodeId);
        if (
          (node?.kind === 'service' || node?.kind === 'gateway' || node?.kind === 'eventProcessor') &&
          fault.instance >= node.config.instances
        ) {
          issues.push({
            path: `${path}.instance`,
            message: `"${fault.nodeId}" has ${node.config.instances} instances (0 to ${node.config.instances - 1}), got ${fault.instance}`,
          });
        }
        return;
      }
      case 'subscribe':
      case 'unsubscribe': {
        expectNode(`${path}.nodeId`, fault.nodeId, ['service', 'eventProcessor'], `a ${fault.kind} fault`);
        const node = nodeById.get(fault.nodeId);
        const subs =
          node?.kind === 'service'
            ? node.config.subscriptions
            : node?.kind === 'eventProcessor' && node.config.source
              ? [node.config.source]
              : [];
        const matches = subs.some(
          (s) => s.topic === fault.topic && (fault.group === undefined || s.group === fault.group),
        );
        if (node && (node.kind === 'service' || node.kind === 'eventProcessor') && !matches) {
          issues.push({
            path: `${path}.topic`,
            message: `"${fault.nodeId}" has no subscription to topic "${fault.topic}"${fault.group === undefined ? '' : ` in group "${fault.group}"`}`,
          });
        }
        return;
      }
      case 'linkFaults':
        if (!edgeIds.has(fault.edgeId))
          issues.push({ path: `${path}.edgeId`, message: `no edge with id "${fault.edgeId}"` });
        return;
      case 'busFaults':
        expectNode(`${path}.nodeId`, fault.nodeId, ['eventBus'], 'a busFaults fault');
        return;
      case 'slowDisk':
        expectNode(`${path}.nodeId`, fault.nodeId, ['eventStore'], 'a slowDisk fault');
        return;
      case 'grayFailure': {
        expectNode(`${path}.nodeId`, fault.nodeId, ['service', 'gateway', 'proxy'], 'a grayFailure fault');
        const node = nodeById.get(fault.nodeId);
        const count = node?.kind === 'service' || node?.kind === 'gateway' ? node.config.instances : 1;
        if (node !== undefined && fault.instance >= count) {
          issues.push({
            path: `${path}.instance`,
            message: `"${fault.nodeId}" has ${count} instances (0 to ${count - 1}), got ${fault.instance}`,
          });
        }
        return;
      }
      default:
        expectNode(`${path}.nodeId`, fault.nodeId, [], 'a fault');
    }
  });

  arrayAt(rawScenario, 'workloadChanges').forEach((rawChange, i) => {
    const parsed = workloadChangeSchema.safeParse(rawChange);
    if (!parsed.success) return;
    const change = parsed.data;
    const path = `scenario.workloadChanges[${i}]`;
    expectNode(`${path}.nodeId`, change.nodeId, ['client'], 'a workload change');
    if (change.ratePerSec === undefined && change.users === undefined) {
      issues.push({ path, message: 'sets neither ratePerSec (open workload) nor users (closed workload)' });
      return;
    }
    const node = nodeById.get(change.nodeId);
    if (node?.kind !== 'client' || kinds.get(change.nodeId) !== 'client') return;
    const workload = node.config.workload.kind;
    if (workload === 'open' && change.users !== undefined) {
      issues.push({
        path: `${path}.users`,
        message: `"${change.nodeId}" has an open workload: change ratePerSec instead`,
      });
    }
    if (workload === 'closed' && change.ratePerSec !== undefined) {
      issues.push({
        path: `${path}.ratePerSec`,
        message: `"${change.nodeId}" has a closed workload: change users instead`,
      });
    }
  });
}

/** Every `append` step's `command` is declared by an aggregate of the event store it targets. */
function checkCommands(
  rawNodes: readonly unknown[],
  nodeById: Map<string, ArchNode>,
  issues: ValidationIssue[],
): void {
  rawNodes.forEach((rawNode, i) => {
    const parsed = nodeSchema.safeParse(rawNode);
    if (!parsed.success || parsed.data.kind !== 'service') return;
    const lists: [string, readonly Step[]][] = [
      ...parsed.data.config.endpoints.map((e, j): [string, readonly Step[]] => [`endpoints[${j}]`, e.steps]),
      ...parsed.data.config.subscriptions.map((s, j): [string, readonly Step[]] => [
        `subscriptions[${j}]`,
        s.steps,
      ]),
    ];
    for (const [where, steps] of lists) {
      steps.forEach((step, k) => {
        if (step.kind !== 'append' || step.command === undefined) return;
        const store = nodeById.get(step.target);
        if (store?.kind !== 'eventStore') return;
        const declared = (store.config.aggregates ?? []).some((a) =>
          a.commands.some((c) => c.name === step.command),
        );
        if (!declared)
          issues.push({
            path: `nodes[${i}].config.${where}.steps[${k}].command`,
            message: `the event store "${step.target}" declares no command "${step.command}"`,
          });
      });
    }
  });
}
