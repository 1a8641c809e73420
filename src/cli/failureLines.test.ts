import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli } from './cliHarness';

const examples = join(import.meta.dirname, '../../public/examples');

describe('archplay run: failures by cause', () => {
  it('--json of every example carries failures.byCause, summing to requests.failed', async () => {
    for (const file of [
      'distributed-logging',
      'ecommerce',
      'event-driven-cqrs',
      'microservices-basics',
      'microservices-flow',
      'service-mesh-canary',
    ]) {
      const { code, stdout } = await cli([
        'run',
        join(examples, `${file}.json`),
        '--json',
        '--duration',
        '20',
      ]);
      expect(code).toBe(0);
      const s = JSON.parse(stdout);
      const sum = Object.values(s.failures.byCause as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(sum, file).toBe(s.requests.failed);
    }
  });

  it("the table lists the e-commerce template's failed requests by cause with their shares, and each node's", async () => {
    const { code, stdout } = await cli(['run', join(examples, 'ecommerce.json'), '--duration', '30']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('failures by cause: '));
    expect(lines[head]).toMatch(/^failures by cause: [1-9]\d* failed requests$/);
    expect(lines[head + 1]).toMatch(/^ {2}cause +failed +share$/);
    const rows = lines.slice(head + 2, lines.indexOf('failures answered, by node:'));
    expect(rows.map((r) => r.trim().replace(/ +\d+ +[\d.]+%$/, ''))).toEqual(
      expect.arrayContaining(['breaker open', 'payment declined', 'out of stock', 'unknown user or product']),
    );
    // Shares add up to the whole.
    const shares = rows.map((r) => Number(r.match(/([\d.]+)%$/)![1]));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(stdout).toMatch(/\n {2}payment: \d+ timeout, \d+ payment declined\n/);
  });

  it('shows the failures a node answered even when retries kept them from the clients', async () => {
    const { stdout } = await cli(['run', join(examples, 'microservices-flow.json'), '--duration', '10']);
    expect(stdout).toContain(
      'failures by cause: 0 failed requests\nfailures answered, by node:\n  payment: ',
    );
    expect(stdout).toMatch(/\n {2}payment: \d+ injected error\n/);
  });
});
