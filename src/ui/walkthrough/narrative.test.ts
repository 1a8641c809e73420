import { describe, expect, it } from 'vitest';
import ecommerce from '../../../public/examples/ecommerce.json';
import { documentSchema } from '../../core/model/schema';
import { createRun } from '../../core/run/createRun';
import type { WalkthroughStepResult } from '../../worker/protocol';
import { highlightCss } from './highlightCss';
import { buildHops, describeOutcome, describeStatus, formatMs } from './narrative';

const doc = documentSchema.parse(ecommerce);
const labels = new Map(doc.nodes.map((n) => [n.id, { label: n.label, kind: n.kind }]));
const label = (id: string) => labels.get(id) ?? { label: id, kind: 'service' };

function walk(): WalkthroughStepResult[] {
  const run = createRun(doc, { walkthrough: {} });
  const steps: WalkthroughStepResult[] = [];
  for (let i = 0; i < 200; i++) {
    const r = run.walkthroughStep();
    steps.push(r);
    if (r.done) break;
  }
  return steps;
}

describe('walkthrough narrative', () => {
  it('folds each request and its reply into one numbered hop, answered once the reply came', () => {
    const steps = walk();
    const { hops, hopOfStep } = buildHops(steps, label);
    expect(hops.length).toBe(steps.filter((s) => s.event?.kind === 'request').length);
    expect(hops.map((h) => h.n)).toEqual(hops.map((_, i) => i + 1));
    expect(hops.every((h) => h.status !== null)).toBe(true);
    // The last step is the client's reply: it points back at hop 1.
    expect(hopOfStep.at(-1)).toBe(0);
    const partial = buildHops(steps.slice(0, 3), label).hops;
    expect(partial[0]!.status).toBeNull();
  });

  it('tells saga calls in business words with the order drawn for the request', () => {
    const steps = walk();
    const { hops } = buildHops(steps, label);
    const order = steps.at(-1)!.sagaStep!.order;
    const reserve = hops.find((h) => h.sagaStep === 'reserveStock')!;
    expect(reserve.text).toBe(
      `Order service asks Inventory service to reserve ${order.quantity}\u00a0×\u00a0${order.productName}`,
    );
    expect(reserve.call).toBe('POST /inventory/reserve');
    expect(hops[0]!.text).toBe('Web shop sends a request to API gateway');
    expect(hops.find((h) => h.call === 'log')?.side).toBe(true);
  });

  it('sums up only a finished walkthrough: the reply the client got, and whether the order was confirmed', () => {
    const steps = walk();
    const last = steps.at(-1)!;
    const outcome = describeOutcome(last, label);
    expect(outcome?.ok).toBe(true);
    expect(outcome?.text).toMatch(
      /^Web shop got 200 OK after .+\. Order .+ is confirmed and order_created was published\.$/,
    );
    expect(describeOutcome(steps[2]!, label)).toBeNull();
    const declined = {
      ...last,
      sagaStep: { ...last.sagaStep!, state: 'failed', failureReason: 'paymentDeclined' },
    };
    expect(describeOutcome(declined as typeof last, label)).toMatchObject({
      ok: false,
      text: expect.stringMatching(/failed: payment declined\.$/),
    });
  });

  it('formats statuses and durations for people', () => {
    expect(describeStatus(404)).toBe('404 Not Found');
    expect(describeStatus(0)).toBe('no response');
    expect(describeStatus(299)).toBe('299');
    expect(formatMs(8.44)).toBe('8.4 ms');
    expect(formatMs(105.4)).toBe('105 ms');
    expect(formatMs(2100)).toBe('2.10 s');
  });

  it('highlights the current hop edge and receiver, and fades only what is off the path', () => {
    const steps = walk().slice(0, 2);
    const css = highlightCss(steps);
    expect(css).toContain('.react-flow__edge[data-id="gateway-order-sidecar"] .react-flow__edge-path');
    expect(css).toContain('.react-flow__node[data-id="order-sidecar"] .arch-node');
    expect(css).toContain('.react-flow__node[data-id="web"]');
    expect(css).not.toContain('data-id="users"');
    expect(highlightCss([])).toBe('');
  });
});
