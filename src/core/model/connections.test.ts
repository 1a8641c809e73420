import { describe, expect, it } from 'vitest';
import { connectionCheck, connectionRule, edgeKindLabel } from './connections';
import { edgeKinds, type NodeKind, nodeKinds } from './schema';

describe('connectionRule', () => {
  it.each<[NodeKind, NodeKind, string]>([
    ['client', 'gateway', 'sync'],
    ['client', 'service', 'sync'],
    ['client', 'proxy', 'sync'],
    ['gateway', 'service', 'sync'],
    ['gateway', 'proxy', 'sync'],
    ['service', 'service', 'sync'],
    ['service', 'proxy', 'sync'],
    ['proxy', 'service', 'sync'],
    ['controlPlane', 'proxy', 'mesh'],
    ['service', 'registry', 'registry'],
    ['gateway', 'registry', 'registry'],
    ['proxy', 'registry', 'registry'],
    ['service', 'configServer', 'config'],
    ['gateway', 'configServer', 'config'],
    ['service', 'eventBus', 'async'],
    ['eventBus', 'service', 'async'],
    ['service', 'eventStore', 'eventStore'],
    ['eventStore', 'readModel', 'projection'],
    ['service', 'readModel', 'query'],
    ['service', 'logRouter', 'log'],
    ['gateway', 'logRouter', 'log'],
    ['proxy', 'logRouter', 'log'],
    ['logRouter', 'logStore', 'log'],
  ])('allows %s -> %s as a %s edge', (source, target, kind) => {
    expect(connectionRule(source, target)).toEqual({ ok: true, kind });
  });

  it('refuses a log store calling a client, naming both kinds and why', () => {
    expect(connectionRule('logStore', 'client')).toEqual({
      ok: false,
      reason: 'A log store cannot call a client: log stores only receive entries from a log router.',
    });
  });

  it('uses "an" before vowel-initial kind names', () => {
    const rule = connectionRule('eventStore', 'gateway');
    expect(rule.ok === false && rule.reason.startsWith('An event store cannot call an API gateway:')).toBe(
      true,
    );
  });

  it('refuses everything outside the table: nothing calls a client, a registry calls nothing', () => {
    for (const kind of nodeKinds) {
      expect(connectionRule(kind, 'client').ok).toBe(false);
      expect(connectionRule('registry', kind).ok).toBe(false);
      expect(connectionRule('readModel', kind).ok).toBe(false);
    }
  });

  it('allows exactly 28 ordered pairs', () => {
    const allowed = nodeKinds.flatMap((s) => nodeKinds.filter((t) => connectionRule(s, t).ok));
    expect(allowed).toHaveLength(28);
  });
});

describe('connectionCheck', () => {
  it('refuses a node linked to itself even when its kind may call its own kind', () => {
    const orders = { id: 'orders', kind: 'service' as const };
    expect(connectionRule('service', 'service').ok).toBe(true);
    expect(connectionCheck(orders, orders)).toEqual({
      ok: false,
      reason: 'A node cannot connect to itself ("orders").',
    });
  });

  it('applies the kind rule between two different nodes', () => {
    expect(connectionCheck({ id: 'a', kind: 'service' }, { id: 'b', kind: 'eventBus' })).toEqual({
      ok: true,
      kind: 'async',
    });
  });
});

describe('edgeKindLabel', () => {
  it('gives every edge kind a distinct label', () => {
    const labels = edgeKinds.map(edgeKindLabel);
    expect(new Set(labels).size).toBe(edgeKinds.length);
    expect(edgeKindLabel('async')).toBe('async publish / subscribe');
  });
});
