import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, runCli } from './cliHarness';

describe('archplay run: event-driven lines', () => {
  it('shows the orders of the e-commerce template with reasons, notifications, read-model and bus lag', async () => {
    const { code, stdout } = await runCli(['run', join(examplesDir, 'ecommerce.json'), '--duration', '10']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const orders = lines.find((l) => l.startsWith('orders: '))!;
    const [placed, confirmed, failed, inFlight] = orders.match(/\d+/g)!.map(Number);
    expect(placed).toBe(confirmed! + failed! + inFlight!);
    expect(stdout).toMatch(/\n {2}failed by reason: (\w+ \d+, )*unknownUser \d+/);
    expect(stdout).toMatch(/\n {2}notifications: \d+ sent, \d+ duplicates dropped\n/);
    expect(stdout).toMatch(
      /\nread model order-history: \d+ documents from events, lag \d+ events \([\d.]+ ms\)/,
    );
    expect(stdout).toMatch(/\nbus bus order_created\/notifications: lag \d+, \d+ delivered/);
    expect(stdout).toMatch(/notifications: .* end to end mean [\d.]+ ms p99 [\d.]+ ms \(waited [\d.]+ ms\)/);
  });

  it('prints no event lines for a diagram without orders, read models or buses', async () => {
    const { stdout } = await runCli(['run', join(examplesDir, 'microservices-flow.json'), '--duration', '5']);
    expect(stdout).not.toMatch(/^(orders|read model|bus) /m);
  });
});
