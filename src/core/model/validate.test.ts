import { describe, expect, it } from 'vitest';
import { type JsonObject, migrations } from './migrations';
import { sampleDocument } from './sampleDocument.testkit';
import {
  formatIssue,
  MAX_DOCUMENT_BYTES,
  MAX_REPORTED_ISSUES,
  parseDocument,
  serializeDocument,
  validateDocument,
} from './validate';

/** A fresh, mutable copy of the valid sample, to break one field at a time. */
function sample(): JsonObject {
  return structuredClone(sampleDocument()) as JsonObject;
}

// biome-ignore lint/suspicious/noExplicitAny: tests poke at raw JSON, whose shape is the point.
type Raw = any;

function problems(value: unknown): string[] {
  const result = validateDocument(value);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.errors.map(formatIssue);
}

function textProblems(text: string): string[] {
  const result = parseDocument(text);
  if (result.ok) throw new Error('expected the text to be refused');
  return result.errors.map(formatIssue);
}

function broken(edit: (doc: Raw) => void): string[] {
  const doc = sample();
  edit(doc);
  return problems(doc);
}

describe('validateDocument accepts', () => {
  it('the sample document and fills defaults', () => {
    const result = validateDocument(sampleDocument());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const payments = result.document.nodes.find((n) => n.id === 'payments');
    expect(payments?.kind === 'service' && payments.config.concurrency).toBe(8);
    expect(result.document.edges[0]?.kind).toBe('sync');
  });
});

describe('parseDocument refuses text that is not a document', () => {
  it('refuses empty input', () => {
    expect(textProblems('')).toEqual(['(root): the document is empty']);
    expect(textProblems(' \n\t')).toEqual(['(root): the document is empty']);
  });

  it('refuses input that is not JSON and says where', () => {
    const [line] = textProblems('{\n  "format": "archplay",\n  "version": 1,,\n}');
    expect(line).toMatch(
      /^\(root\): not valid JSON: line 3, column 16: expected a property name in double quotes, found ','$/,
    );
  });

  it('refuses input larger than the size limit before parsing it', () => {
    const huge = `{"name": "${'x'.repeat(MAX_DOCUMENT_BYTES)}"}`;
    const [line, ...rest] = textProblems(huge);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^\(root\): document is 5\.0 MB; the limit is 5\.0 MB$/);
  });

  it('counts multi-byte characters as UTF-8 bytes for the size limit', () => {
    // 2 million three-byte characters are 6 MB although the string has only 2 M code units.
    const [line] = textProblems('"€'.padEnd(2_000_000, '€'));
    expect(line).toMatch(/document is \d+\.\d MB; the limit is 5\.0 MB/);
  });

  it('accepts a document that starts with a byte-order mark', () => {
    expect(parseDocument(`\uFEFF${JSON.stringify(sampleDocument())}`).ok).toBe(true);
  });

  it('refuses JSON that is not an object', () => {
    expect(textProblems('[1, 2]')).toEqual([
      '(root): expected a JSON object (an archplay diagram), got a list',
    ]);
    expect(textProblems('42')).toEqual([
      '(root): expected a JSON object (an archplay diagram), got a number',
    ]);
    expect(textProblems('null')).toEqual(['(root): expected a JSON object (an archplay diagram), got null']);
  });
});

describe('validateDocument refuses unsafe keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a "%s" key anywhere and names its path',
    (key) => {
      const text = JSON.stringify(sampleDocument()).replace(
        '"featureFastPath":true',
        `"${key}":{"polluted":true}`,
      );
      expect(textProblems(text)).toEqual([
        `Config server (nodes[8], id "config").config.keys.orders.${key}: the key "${key}" is not allowed anywhere`,
      ]);
      expect(({} as Raw).polluted).toBeUndefined();
    },
  );

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    const text = `{"format":"archplay","version":1,"nodes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const [line] = textProblems(text);
    expect(line).toMatch(/^nodes(\[0\])+: nested deeper than 32 levels$/);
  });
});

describe('validateDocument checks the format and version', () => {
  it('refuses a foreign format', () => {
    expect(broken((d) => (d.format = 'drawio'))).toEqual([
      'format: expected "archplay", got "drawio": this is not an archplay diagram',
    ]);
    expect(broken((d) => delete d.format)).toEqual([
      'format: expected "archplay", it is missing: this is not an archplay diagram',
    ]);
  });

  it('refuses a newer version, naming both versions', () => {
    expect(broken((d) => (d.version = 7))).toEqual([
      'version: version 7 is newer than this archplay understands (2); update archplay to open it',
    ]);
  });

  it('refuses a version that is not a whole number', () => {
    expect(broken((d) => (d.version = '1'))).toEqual(['version: expected a whole version number, got "1"']);
    expect(broken((d) => (d.version = 1.5))).toEqual(['version: expected a whole version number, got 1.5']);
  });

  it('refuses an older version that no migration reaches', () => {
    expect(broken((d) => (d.version = 0))).toEqual([
      'version: version 0 is too old: there is no migration from version 0 to 1',
    ]);
  });

  it('migrates an older version through the registry and reports where it came from', () => {
    const v0 = sample() as Raw;
    v0.version = 0;
    v0.title = v0.name;
    delete v0.name;
    const result = validateDocument(v0, {
      migrations: [
        {
          from: 0,
          description: 'renamed title to name',
          migrate: ({ title, ...rest }) => ({ ...rest, name: title }),
        },
        ...migrations,
      ],
    });
    expect(result).toMatchObject({ ok: true, migratedFrom: 0, document: { version: 2, name: 'Checkout' } });
  });
});

describe('validateDocument maps schema errors to path: message lines', () => {
  it('names the indexed path, the expectation and the value for a bad number', () => {
    expect(broken((d) => (d.nodes[2].config.instances = -2))).toEqual([
      'Order service (nodes[2], id "orders").config.instances: expected an integer >= 1, got -2',
    ]);
  });

  it('refuses a negative rate', () => {
    expect(broken((d) => (d.nodes[0].config.workload.ratePerSec = -5))).toEqual([
      'Web shoppers (nodes[0], id "web").config.workload.ratePerSec: expected a number >= 0, got -5',
    ]);
  });

  it('refuses wrong types and missing fields', () => {
    const lines = broken((d) => {
      d.nodes[1].label = 3;
      delete d.edges[0].source;
      d.scenario.seed = 1.5;
    });
    expect(lines).toEqual([
      // A node without a usable label is named after its kind; an edge without a source shows "?".
      'API gateway (nodes[1], id "edge").label: expected a string, got 3',
      '? -> API gateway (edges[0], id "web-edge").source: required field is missing (expected a string)',
      'scenario.seed: expected an integer, got 1.5',
    ]);
  });

  it('names an unknown node kind and lists the known ones', () => {
    const [line] = broken((d) => (d.nodes[13].kind = 'database'));
    expect(line).toMatch(
      /^Log shard \(nodes\[13\], id "logs"\)\.kind: unknown kind; expected one of "client", .*"logStore", got "database"$/,
    );
  });

  it('points at each unknown field', () => {
    expect(broken((d) => (d.edges[2].config.retries = 3))).toEqual([
      'Order service -> Payment service (edges[2], id "orders-payments").config.retries: unknown field (not part of the format)',
    ]);
  });

  it('keeps hand-written schema messages', () => {
    expect(broken((d) => (d.nodes[2].config.endpoints[0].path = 'orders'))).toEqual([
      'Order service (nodes[2], id "orders").config.endpoints[0].path: must start with /, got "orders"',
    ]);
  });
});

describe('validateDocument checks ids and references', () => {
  it('refuses duplicate node ids', () => {
    expect(broken((d) => (d.nodes[3].id = 'orders'))).toContain(
      'Payment service (nodes[3], id "orders").id: duplicate node id "orders" (also used by nodes[2])',
    );
  });

  it('refuses duplicate edge ids', () => {
    expect(broken((d) => (d.edges[1].id = 'web-edge'))).toEqual([
      'API gateway -> Order service (edges[1], id "web-edge").id: duplicate edge id "web-edge" (also used by edges[0])',
    ]);
  });

  it('refuses an edge whose end names no node', () => {
    expect(broken((d) => (d.edges[2].target = 'x'))).toEqual([
      'Order service -> x (edges[2], id "orders-payments").target: no node with id "x"',
    ]);
  });

  it('refuses an edge that breaks the connection rules, naming the edge and the reason', () => {
    expect(
      broken((d) => {
        d.edges[12].source = 'logs';
        d.edges[12].target = 'web';
      }),
    ).toEqual([
      'Log shard -> Web shoppers (edges[12], id "router-logs"): edge "router-logs" from "logs" to "web": A log store cannot call a client: log stores only receive entries from a log router.',
    ]);
  });

  it('refuses an edge whose kind differs from the kind its ends imply', () => {
    expect(broken((d) => (d.edges[6].kind = 'sync'))).toEqual([
      'Order service -> Event bus (edges[6], id "orders-bus").kind: edge "orders-bus" from "orders" to "bus" is "sync", but a service -> event bus link is "async"',
    ]);
  });

  it('refuses an edge from a node to itself', () => {
    expect(broken((d) => (d.edges[1].target = 'edge'))).toEqual([
      'API gateway -> API gateway (edges[1], id "edge-orders"): edge "edge-orders" from "edge" to "edge": A node cannot connect to itself ("edge").',
    ]);
  });

  it('refuses steps that name a missing node or the wrong kind of node', () => {
    const lines = broken((d) => {
      d.nodes[2].config.endpoints[0].steps[1].target = 'nobody';
      d.nodes[2].config.endpoints[0].steps[3].target = 'store';
    });
    expect(lines).toEqual([
      'Order service (nodes[2], id "orders").config.endpoints[0].steps[1].target: no node with id "nobody"',
      'Order service (nodes[2], id "orders").config.endpoints[0].steps[3].target: "store" is an event store, but a publish step needs an event bus',
    ]);
  });

  it('refuses routes, subscriptions, sidecars, sources and config keys that name missing nodes', () => {
    const lines = broken((d) => {
      d.nodes[1].config.routes[0].target = 'gone';
      d.nodes[4].config.subscriptions[0].bus = 'gone';
      d.nodes[5].config.attachedTo = 'gone';
      d.nodes[11].config.source = 'gone';
      d.nodes[8].config.keys = { gone: { a: 1 }, 'gone-too': { b: 2 } };
    });
    expect(lines).toEqual([
      'API gateway (nodes[1], id "edge").config.routes[0].target: no node with id "gone"',
      'Notifications (nodes[4], id "mailer").config.subscriptions[0].bus: no node with id "gone"',
      'Payments sidecar (nodes[5], id "payments-proxy").config.attachedTo: no node with id "gone"',
      'Config server (nodes[8], id "config").config.keys.gone: no node with id "gone"',
      'Config server (nodes[8], id "config").config.keys["gone-too"]: no node with id "gone-too"',
      'Order summary (nodes[11], id "summary").config.source: no node with id "gone"',
    ]);
  });

  it('refuses faults and workload changes that name missing nodes or instances', () => {
    const lines = broken((d) => {
      d.scenario.faults[0].nodeId = 'gone';
      d.scenario.faults[1].instance = 3;
      d.scenario.faults[2].service = 'gone';
      d.scenario.workloadChanges[0].nodeId = 'orders';
    });
    expect(lines).toEqual([
      'scenario.faults[0].nodeId: no node with id "gone"',
      'scenario.faults[1].instance: "orders" has 3 instances (0 to 2), got 3',
      'scenario.faults[2].service: no node with id "gone"',
      'scenario.workloadChanges[0].nodeId: "orders" is a service, but a workload change needs a client',
    ]);
  });

  it('refuses a workload change of the wrong workload kind', () => {
    expect(broken((d) => (d.scenario.workloadChanges[0] = { atSec: 1, nodeId: 'web', users: 5 }))).toEqual([
      'scenario.workloadChanges[0].users: "web" has an open workload: change ratePerSec instead',
    ]);
  });

  it('refuses a warm-up as long as the run', () => {
    expect(broken((d) => (d.scenario.warmupSec = 120))).toEqual([
      'scenario.warmupSec: must be less than durationSec (120), got 120',
    ]);
  });

  it('reports reference problems next to schema problems', () => {
    const lines = broken((d) => {
      d.nodes[3].config.instances = 0;
      d.edges[0].target = 'x';
    });
    expect(lines).toEqual([
      'Payment service (nodes[3], id "payments").config.instances: expected an integer >= 1, got 0',
      'Web shoppers -> x (edges[0], id "web-edge").target: no node with id "x"',
    ]);
  });
});

describe('validateDocument caps the report', () => {
  it(`lists at most ${MAX_REPORTED_ISSUES} problems and sums up the rest`, () => {
    const lines = broken((d) => {
      for (let i = 0; i < 60; i++) d.edges.push({ id: `x${i}`, source: 'web', target: `missing${i}` });
    });
    expect(lines).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(lines[MAX_REPORTED_ISSUES]).toBe('... and 10 more problems');
  });
});

describe('serializeDocument', () => {
  it('writes two-space JSON with a final newline, keys in schema order', () => {
    const result = validateDocument(sampleDocument());
    if (!result.ok) throw new Error('sample must be valid');
    const text = serializeDocument(result.document);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "archplay",\n  "version": 2,\n  "name": "Checkout",')).toBe(true);
  });

  it('is byte-identical after export -> import -> export, whatever the input key order', () => {
    const reordered = Object.fromEntries(Object.entries(sampleDocument()).reverse());
    const first = parseDocument(JSON.stringify(reordered));
    if (!first.ok) throw new Error('sample must be valid');
    const exported = serializeDocument(first.document);
    const again = parseDocument(exported);
    if (!again.ok) throw new Error('export must be valid');
    expect(serializeDocument(again.document)).toBe(exported);
  });

  it('throws on an invalid document rather than writing it', () => {
    const result = validateDocument(sampleDocument());
    if (!result.ok) throw new Error('sample must be valid');
    const bad = { ...result.document, version: 3 } as unknown as typeof result.document;
    expect(() => serializeDocument(bad)).toThrow(
      /^cannot serialize an invalid document:\nversion: must be 2$/,
    );
  });
});
