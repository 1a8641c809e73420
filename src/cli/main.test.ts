import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../core';
import { sampleDocument } from '../core/model/sampleDocument.testkit';
import { runCli as cli } from './cliHarness';
import { commands } from './main';

const dir = mkdtempSync(join(tmpdir(), 'archplay-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const validText = JSON.stringify(sampleDocument(), null, 2);

function withEdit(edit: (doc: ReturnType<typeof sampleDocument>) => void): string {
  const doc = sampleDocument();
  edit(doc);
  return JSON.stringify(doc);
}

describe('archplay validate', () => {
  it('exits 0 and names the document for a valid file', async () => {
    const result = await cli(['validate', file('valid.json', validText)]);
    expect(result).toEqual({ code: 0, stdout: 'valid: Checkout (14 nodes, 13 edges)\n', stderr: '' });
  });

  it('reads standard input for "-"', async () => {
    const result = await cli(['validate', '-'], validText);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('valid: Checkout (14 nodes, 13 edges)\n');
  });

  it.each([
    ['not JSON', '{"format": "archplay",', /^\(root\): not valid JSON: line 1, column 23: /],
    ['empty', '', /^\(root\): the document is empty$/],
    ['not an object', '[]', /^\(root\): expected a JSON object/],
    ['a foreign format', '{"format": "drawio"}', /^format: expected "archplay", got "drawio"/],
    [
      'a newer version',
      '{"format": "archplay", "version": 7}',
      /^version: version 7 is newer than this archplay understands \(2\)/,
    ],
    [
      'a __proto__ key',
      validText.replace('"name": "Checkout"', '"__proto__": {}'),
      /^__proto__: the key "__proto__" is not allowed anywhere$/,
    ],
    [
      'a wrong type',
      withEdit((d) => Object.assign(d.nodes[2]!.config!, { instances: 'three' })),
      /^Order service \(nodes\[2\], id "orders"\)\.config\.instances: expected a number, got "three"$/,
    ],
    [
      'a negative rate',
      withEdit((d) => Object.assign(d.nodes[0]!.config!, { workload: { kind: 'open', ratePerSec: -1 } })),
      /^Web shoppers \(nodes\[0\], id "web"\)\.config\.workload\.ratePerSec: expected a number >= 0, got -1$/,
    ],
    [
      'a dangling edge end',
      withEdit((d) => Object.assign(d.edges[2]!, { target: 'x' })),
      /^Order service -> x \(edges\[2\], id "orders-payments"\)\.target: no node with id "x"$/,
    ],
    [
      'a duplicate node id',
      withEdit((d) => Object.assign(d.nodes[3]!, { id: 'orders' })),
      /^Payment service \(nodes\[3\], id "orders"\)\.id: duplicate node id "orders" \(also used by nodes\[2\]\)$/,
    ],
    [
      'a duplicate edge id',
      withEdit((d) => Object.assign(d.edges[1]!, { id: 'web-edge' })),
      /^API gateway -> Order service \(edges\[1\], id "web-edge"\)\.id: duplicate edge id "web-edge"/,
    ],
  ])('exits 2 with one place: message line for %s, no stack trace', async (_case, content, line) => {
    const result = await cli(['validate', file('bad.json', content)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    const lines = result.stderr.slice(0, -1).split('\n');
    expect(lines.some((l) => line.test(l))).toBe(true);
    // Every line is "path: message", a node or edge named as the canvas shows it ("Order service
    // (nodes[2], id "orders").config..."); a stack trace would add "    at ..." lines.
    const named = /(.+ \((nodes|edges)\[\d+\](, id "[^"]*")?\))/.source;
    const path = new RegExp(`^(\\(root\\)|(${named}|[\\w$]+)(\\[\\d+\\]|\\.[\\w$]+|\\["[^"]*"\\])*): \\S`);
    for (const l of lines) expect(l).toMatch(path);
  });

  it('prints every problem on its own line', async () => {
    const content = withEdit((d) => {
      Object.assign(d.edges[0]!, { target: 'x' });
      Object.assign(d.edges[1]!, { source: 'y' });
    });
    const result = await cli(['validate', file('two.json', content)]);
    expect(result.stderr).toBe(
      'Web shoppers -> x (edges[0], id "web-edge").target: no node with id "x"\n' +
        'y -> Order service (edges[1], id "edge-orders").source: no node with id "y"\n',
    );
  });

  it('refuses a file over the size limit from its size alone', async () => {
    const path = file('huge.json', new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(32));
    const result = await cli(['validate', path]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${path}: file is 5.0 MB; the limit is 5.0 MB\n` });
  });

  it('refuses standard input over the size limit', async () => {
    const result = await cli(['validate', '-'], ' '.repeat(MAX_DOCUMENT_BYTES + 1));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('-: file is 5.0 MB; the limit is 5.0 MB\n');
  });

  it('refuses a missing file, a directory and a binary file with a clear message', async () => {
    const missing = join(dir, 'missing.json');
    expect(await cli(['validate', missing])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${missing}: no such file\n`,
    });
    expect(await cli(['validate', dir])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${dir}: is a directory, not a file\n`,
    });
    const binary = file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
    expect((await cli(['validate', binary])).stderr).toBe(
      `${binary}: not UTF-8 text (is it a binary file?)\n`,
    );
  });

  it('exits 2 with usage when the file argument is missing or doubled or an option is unknown', async () => {
    for (const argv of [['validate'], ['validate', 'a', 'b'], ['validate', '--strict', 'a']]) {
      const result = await cli(argv);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^archplay validate: .*\n\nUsage: archplay validate <file>/);
    }
  });

  it('shows its usage on --help and exits 0', async () => {
    const result = await cli(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: archplay validate <file>/);
  });
});

describe('archplay', () => {
  it('lists every registered command on --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const name of Object.keys(commands)) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('exits 2 for a missing or unknown command, and does not treat prototype names as commands', async () => {
    expect((await cli([])).code).toBe(2);
    for (const name of ['frobnicate', 'constructor', '__proto__', 'toString']) {
      const result = await cli([name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^archplay: unknown command "${name}"`));
    }
  });

  it('turns an unexpected error into one line and exit 1', async () => {
    commands.explode = {
      summary: 'test only',
      usage: '',
      run: () => {
        throw new Error('boom');
      },
    };
    try {
      const result = await cli(['explode']);
      expect(result).toEqual({ code: 1, stdout: '', stderr: 'archplay explode: internal error: boom\n' });
    } finally {
      delete commands.explode;
    }
  });
});

describe('bin/archplay.mjs', () => {
  const bin = fileURLToPath(new URL('../../bin/archplay.mjs', import.meta.url));
  const run = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('runs as a real process: exit 0 for a valid file, exit 2 and stderr lines for a broken one', () => {
    const ok = run(['validate', file('spawn-ok.json', validText)]);
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, 'valid: Checkout (14 nodes, 13 edges)\n', '']);
    const bad = run([
      'validate',
      file('spawn-bad.json', '{"format": "archplay", "version": 1, "nodes": [], "edges": 3}'),
    ]);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', 'edges: expected a list, got 3\n']);
  });
});
