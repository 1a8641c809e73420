import { describe, expect, it } from 'vitest';
import type { ArchDocument } from '../model/schema';
import { exportMermaid, MERMAID_LINKS, MERMAID_RESERVED, MERMAID_SHAPES } from './mermaid';
import { exportMermaidSequence } from './mermaidSequence';
import { exportStructurizr } from './structurizr';
import { documentFrom, example, examples } from './testkit';

/** Ids and labels that break naive diagram text: reserved words, dots, colons, quotes, markup. */
const awkward = documentFrom({
  format: 'archplay',
  version: 1,
  name: 'Awkward "names" #1',
  nodes: [
    {
      id: 'end',
      kind: 'client',
      label: 'He said "hi" <b>#1</b>',
      position: { x: 0, y: 0 },
      config: { requestMix: [{ path: '/x' }] },
    },
    {
      id: '1st.svc',
      kind: 'service',
      label: 'back\\slash `tick`',
      position: { x: 1, y: 0 },
      config: { endpoints: [{ path: '/x' }] },
    },
    { id: '1st:svc', kind: 'service', label: 'colon', position: { x: 2, y: 0 } },
    { id: 'system', kind: 'eventStore', label: 'store', position: { x: 3, y: 0 } },
  ],
  edges: [
    { id: 'a', source: 'end', target: '1st.svc' },
    { id: 'b', source: '1st.svc', target: '1st:svc' },
    { id: 'c', source: '1st.svc', target: 'system', kind: 'eventStore' },
  ],
});

const ID = '[A-Za-z][A-Za-z0-9_]*';
const SHAPE_OF = new Map(
  Object.entries(MERMAID_SHAPES).map(([kind, [open, close]]) => [`${open}|${close}`, kind]),
);
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NODE_LINE = new RegExp(
  `^  (${ID})(${[...new Set(Object.values(MERMAID_SHAPES).map(([o]) => literal(o)))].sort((a, b) => b.length - a.length).join('|')})"([^"]*)"(.+)$`,
);
const LINK_LINE = new RegExp(
  `^  (${ID}) (${[...new Set(Object.values(MERMAID_LINKS))].map(literal).join('|')})(\\|[A-Za-z]+\\|)? (${ID})$`,
);

/** Checks a flowchart line by line; returns its nodes (id -> kind) and links. */
function readFlowchart(text: string) {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart LR');
  const nodes = new Map<string, string>();
  const links: [string, string, string][] = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith('  %%') || /^ {2}class(Def)? /.test(line)) continue;
    const node = NODE_LINE.exec(line);
    if (node) {
      const kind = SHAPE_OF.get(`${node[2]}|${node[4]}`);
      expect(kind, line).toBeDefined();
      expect(node[3], line).not.toMatch(/[<>`]|#(?![0-9a-z]+;)/);
      nodes.set(node[1]!, kind!);
      continue;
    }
    const link = LINK_LINE.exec(line);
    expect(link, `not a node or link line: ${line}`).not.toBeNull();
    links.push([link![1]!, link![2]!, link![4]!]);
  }
  for (const id of nodes.keys()) expect(MERMAID_RESERVED.has(id.toLowerCase()), id).toBe(false);
  for (const [s, , t] of links) expect(nodes.has(s) && nodes.has(t), `${s} -> ${t}`).toBe(true);
  return { nodes, links };
}

describe('Mermaid flowchart', () => {
  it('has one node per component, shaped by its kind, and one link per edge, styled by its kind', () => {
    for (const doc of [...examples().values(), awkward]) {
      const { nodes, links } = readFlowchart(exportMermaid(doc).files[0]!.text);
      expect(nodes.size, doc.name).toBe(doc.nodes.length);
      expect([...nodes.values()], doc.name).toEqual(doc.nodes.map((n) => n.kind));
      expect(
        links.map(([, arrow]) => arrow),
        doc.name,
      ).toEqual(doc.edges.map((e) => MERMAID_LINKS[e.kind]));
    }
  });

  it('gives awkward ids valid, unique identifiers and escapes labels', () => {
    const text = exportMermaid(awkward).files[0]!.text;
    expect(text).toContain('n_end(["He said #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt;"])');
    expect(text).toContain('n_1st_svc["back\\slash #96;tick#96;"]');
    expect(text).toContain('n_1st_svc_2["colon"]');
  });
});

/** Message lines of a sequence diagram: [from, arrow, to, text]. */
function readSequence(text: string) {
  const lines = text.trimEnd().split('\n');
  expect(lines.slice(0, 2)).toEqual(['sequenceDiagram', '  autonumber']);
  const participants = new Set<string>();
  const messages: [string, string, string, string][] = [];
  const notes: string[] = [];
  for (const line of lines.slice(2)) {
    const p = new RegExp(`^  (participant|actor) (${ID}) as ([^;#<>]+)$`).exec(line);
    if (p) {
      participants.add(p[2]!);
      continue;
    }
    const note = new RegExp(`^  Note over (${ID}): (.+)$`).exec(line);
    if (note) {
      notes.push(note[2]!);
      continue;
    }
    const m = new RegExp(`^  (${ID})(->>|-->>|--x|-\\))(${ID}): ([^;]+)$`).exec(line);
    expect(m, `not a sequence line: ${line}`).not.toBeNull();
    expect(participants.has(m![1]!) && participants.has(m![3]!), line).toBe(true);
    messages.push([m![1]!, m![2]!, m![3]!, m![4]!]);
  }
  return { participants, messages, notes };
}

describe('Mermaid sequence diagram', () => {
  it('follows one e-commerce order: every request answered, in saga order, from the shop to the bus', () => {
    const { participants, messages, notes } = readSequence(
      exportMermaidSequence(example('ecommerce')).files[0]!.text,
    );
    const requests = messages.filter(([, a]) => a === '->>' || a === '-)');
    const replies = messages.filter(([, a]) => a === '-->>' || a === '--x');
    expect(requests.length).toBe(replies.length);
    expect(messages[0]).toEqual(['web', '->>', 'gateway', 'POST /orders']);
    expect(messages.at(-1)!.slice(0, 3)).toEqual(['gateway', '-->>', 'web']);
    expect(notes[0]).toBe('saga: validateUser');
    expect(notes.at(-1)).toBe('saga: publishOrderCreated');
    expect(participants.has('payment') && participants.has('bus')).toBe(true);
  });

  it('follows the request-mix entry it is given, and says so when nothing sends', () => {
    const history = exportMermaidSequence(example('ecommerce'), { mixIndex: 4 }).files[0]!.text;
    expect(readSequence(history).messages[0]).toEqual(['web', '->>', 'gateway', 'GET /orders/history']);
    const quiet: ArchDocument = {
      ...awkward,
      nodes: awkward.nodes.filter((n) => n.kind !== 'client'),
      edges: [],
    };
    expect(exportMermaidSequence(quiet).notes).toEqual(['no client sends a request to follow']);
  });
});

/** Splits a Structurizr DSL line into tokens, failing on an unterminated or badly escaped string. */
function tokens(line: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*|->|=|\{|\}|\*))/y;
  let at = 0;
  while (at < line.trimEnd().length) {
    re.lastIndex = at;
    const m = re.exec(line);
    if (!m) throw new Error(`cannot read "${line}" at ${at}`);
    out.push(m[1] ?? m[2]!);
    at = re.lastIndex;
  }
  return out;
}

describe('Structurizr DSL', () => {
  it('declares every node once (clients as people), every edge as a relationship, with balanced blocks', () => {
    for (const doc of [...examples().values(), awkward]) {
      const text = exportStructurizr(doc).files[0]!.text;
      const lines = text.trimEnd().split('\n').map(tokens);
      let depth = 0;
      for (const t of lines) {
        depth += t.filter((x) => x === '{').length - t.filter((x) => x === '}').length;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
      const declared = lines.filter((t) => t[1] === '=' && (t[2] === 'person' || t[2] === 'container'));
      expect(declared.length, doc.name).toBe(doc.nodes.length);
      expect(new Set(declared.map((t) => t[0])).size).toBe(doc.nodes.length);
      expect(declared.filter((t) => t[2] === 'person').length).toBe(
        doc.nodes.filter((n) => n.kind === 'client').length,
      );
      const ids = new Set(declared.map((t) => t[0]));
      const relations = lines.filter((t) => t[1] === '->');
      expect(relations.length, doc.name).toBe(doc.edges.length);
      for (const r of relations) expect(ids.has(r[0]!) && ids.has(r[2]!), r.join(' ')).toBe(true);
      expect(text).toMatch(/container system "Containers" \{\n {6}include \*\n {6}autoLayout lr/);
    }
  });

  it('escapes quotes and backslashes in names', () => {
    const text = exportStructurizr(awkward).files[0]!.text;
    expect(text).toContain('end = person "He said \\"hi\\" <b>#1</b>"');
    expect(text).toContain('"back\\\\slash `tick`"');
    expect(text).toContain('n_system = container "store"');
  });
});
