import { describe, expect, it } from 'vitest';
import { TraceStore } from './traces';

describe('TraceStore', () => {
  it('samples every n-th request and keeps a bounded number of traces', () => {
    const store = new TraceStore(10, 2);
    let sampled = 0;
    for (let i = 0; i < 50; i++) if (store.maybeStart(i)) sampled++;
    expect(sampled).toBe(5);
    expect(store.list().map((t) => t.traceId)).toEqual([4, 5]);
  });

  it('builds a span tree with parents and closes spans with a status', () => {
    const store = new TraceStore(1, 5);
    const trace = store.maybeStart(0)!;
    const root = store.open(trace, -1, 'client', null, 'GET /', 0);
    const child = store.open(trace, root, 'svc', 'e1', 'GET /', 1);
    store.close(trace, child, 5, 200);
    store.close(trace, root, 6, 200);
    expect(trace.spans[1]).toMatchObject({ parentId: root, endMs: 5, status: 200, edgeId: 'e1' });
    expect(trace.spans[0]).toMatchObject({ parentId: null, endMs: 6 });
  });
});
