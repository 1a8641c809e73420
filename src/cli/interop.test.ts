import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseDocument, serializeDocument } from '../core/model/validate';
import { runCli as cli, examplesDir } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'archplay-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const canary = join(examplesDir, 'service-mesh-canary.json');
const ecommerce = join(examplesDir, 'ecommerce.json');

describe('archplay export', () => {
  it('prints one format to stdout, notes to stderr, exit 0', async () => {
    const r = await cli(['export', ecommerce, '--format', 'k8s']);
    expect(r.code).toBe(0);
    const kinds = YAML.parseAllDocuments(r.stdout).map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds).toContain('VirtualService');
    expect(kinds).toContain('Deployment');
    expect(r.stderr).toMatch(/^note: web: a client has no Kubernetes object/m);
  });

  it('writes into --out, and refuses to replace an existing file without --force', async () => {
    const out = join(dir, 'out');
    const first = await cli(['export', canary, '--format', 'mermaid', '--out', out]);
    expect(first).toMatchObject({ code: 0, stdout: `wrote ${join(out, 'service-mesh-canary.mmd')}\n` });
    expect(readFileSync(join(out, 'service-mesh-canary.mmd'), 'utf8')).toMatch(/^flowchart LR\n/);
    const again = await cli(['export', canary, '--format', 'mermaid', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use --force/);
    expect((await cli(['export', canary, '--format', 'mermaid', '--out', out, '--force'])).code).toBe(0);
  });

  it('exports traces with the sampling and duration asked for', async () => {
    const r = await cli(['export', canary, '--format', 'otlp', '--sample-every', '50', '--duration', '5']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).resourceSpans.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/traces, sampled 1 in 50 requests/);
  });

  it('refuses bad usage and bad documents with exit 2', async () => {
    expect((await cli(['export', canary])).stderr).toMatch(/missing --format/);
    expect((await cli(['export', canary, '--format', 'svg'])).stderr).toMatch(/unknown format "svg"/);
    expect((await cli(['export', canary, '--format', 'otlp', '--sample-every', '0'])).code).toBe(2);
    expect((await cli(['export', canary, '--format', 'k8s', '--namespace', 'Bad_NS'])).code).toBe(2);
    expect(
      (await cli(['export', canary, '--format', 'mermaid-sequence', '--client', 'nobody'])).stderr,
    ).toMatch(/no client with id "nobody"/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"archplay","version":1,"nodes":[{"id":"x"}],"edges":[]}');
    const r = await cli(['export', bad, '--format', 'k8s']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nodes\[0\]/);
    expect((await cli(['export', '--help'])).stdout).toMatch(/^Usage: archplay export/);
  });
});

describe('archplay import', () => {
  it('gives back the exported design from k8s YAML, byte for byte', async () => {
    const yaml = join(dir, 'canary.k8s.yaml');
    writeFileSync(yaml, (await cli(['export', canary, '--format', 'k8s'])).stdout);
    const r = await cli(['import', yaml, '--from', 'k8s']);
    expect(r.code).toBe(0);
    const original = parseDocument(readFileSync(canary, 'utf8'));
    if (!original.ok) throw new Error('the example is invalid');
    expect(r.stdout).toBe(serializeDocument(original.document));
    expect(r.stderr).toBe('');
  });

  it('reports what it assumed on stderr and writes --out only when it is new', async () => {
    const compose = join(dir, 'shop.compose.yaml');
    writeFileSync(compose, 'services:\n  web:\n    depends_on: [api]\n  api:\n    deploy: { replicas: 2 }\n');
    const out = join(dir, 'shop.json');
    const r = await cli(['import', compose, '--from', 'compose', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*shop\.json \(3 nodes, 2 edges\)/);
    expect(r.stderr).toMatch(/^assumed: services\.web\.depends_on\.api: a sync call/m);
    expect((await cli(['validate', out])).code).toBe(0);
    const again = await cli(['import', compose, '--from', 'compose', '--out', out]);
    expect(again.code).toBe(2);
  });

  it('reads OTLP traces from standard input into a runnable design', async () => {
    const traces = (
      await cli(['export', canary, '--format', 'otlp', '--sample-every', '20', '--duration', '10'])
    ).stdout;
    const r = await cli(['import', '-', '--from', 'otlp'], traces);
    expect(r.code).toBe(0);
    const design = join(dir, 'from-traces.json');
    writeFileSync(design, r.stdout);
    expect((await cli(['run', design, '--duration', '5'])).code).toBe(0);
  });

  it('refuses input it cannot read as the format with exit 2 and one line per problem', async () => {
    const junk = join(dir, 'junk.yaml');
    writeFileSync(junk, 'services: [unclosed\n');
    const r = await cli(['import', junk, '--from', 'compose']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\(root\): /);
    expect((await cli(['import', junk, '--from', 'helm'])).stderr).toMatch(/unknown format "helm"/);
    expect((await cli(['import', join(dir, 'missing.yaml'), '--from', 'k8s'])).stderr).toMatch(
      /no such file/,
    );
  });
});
