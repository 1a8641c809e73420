import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArchitectureAnalysis } from '../core';
import { runCli as cli } from './cliHarness';

const examples = fileURLToPath(new URL('../../public/examples/', import.meta.url));
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.json') && f !== 'index.json');

describe('archplay analyze', () => {
  it.each(exampleFiles)('analyses the example %s and exits 0', async (file) => {
    const { code, stdout } = await cli(['analyze', join(examples, file), '--json']);
    expect(code).toBe(0);
    const analysis = JSON.parse(stdout) as ArchitectureAnalysis;
    expect(analysis.components.length).toBeGreaterThan(0);
    expect(analysis.summary.length).toBeGreaterThan(0);
  });

  it('prints a report with sections and severity markers', async () => {
    const { code, stdout } = await cli(['analyze', join(examples, 'microservices-flow.json')]);
    expect(code).toBe(0);
    for (const section of ['PROBLEMS', 'STYLE', 'COMPONENTS', 'PATTERNS', 'LOAD AT PEAK', 'FINDINGS'])
      expect(stdout).toContain(section);
    expect(stdout).toMatch(/\[! \] 4-hop synchronous call chain/);
  });

  it('flags the four-hop chain of the microservices example', async () => {
    const { stdout } = await cli(['analyze', join(examples, 'microservices-flow.json'), '--json']);
    const analysis = JSON.parse(stdout) as ArchitectureAnalysis;
    expect(analysis.findings.map((f) => f.rule)).toContain('long-sync-chain');
    expect(analysis.load.nodes.find((n) => n.nodeId === 'gateway')?.offeredPerSec).toBe(
      analysis.load.clients[0]?.peakRatePerSec,
    );
  });

  it('lists the problems the editor shows, with their fixes, before the rest of the report', async () => {
    const { stdout } = await cli(['analyze', join(examples, 'microservices-basics.json')]);
    const problems = stdout.slice(stdout.indexOf('PROBLEMS'), stdout.indexOf('STYLE'));
    expect(problems).toContain('PROBLEMS (1)');
    expect(problems).toMatch(/will fail +GET \/legacy matches no route at API gateway/);
    const json = JSON.parse(
      (await cli(['analyze', join(examples, 'microservices-basics.json'), '--json'])).stdout,
    );
    expect((json as ArchitectureAnalysis).findings.filter((f) => f.problem).map((f) => f.id)).toEqual([
      'unserved-noRoute:gateway/GET /legacy',
    ]);
  });

  it('refuses an invalid document like validate, with exit 2', async () => {
    const bad = join(examples, 'index.json');
    const { code, stderr } = await cli(['analyze', bad]);
    expect(code).toBe(2);
    expect(stderr.length).toBeGreaterThan(0);
    expect(readFileSync(bad, 'utf8').length).toBeGreaterThan(0);
  });

  it('asks for exactly one file', async () => {
    expect((await cli(['analyze'])).code).toBe(2);
  });
});
