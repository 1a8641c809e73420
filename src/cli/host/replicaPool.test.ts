import { describe, expect, it } from 'vitest';
import type { ArchDocument } from '../../core/model/schema';
import { buildDocument, constant } from '../../core/run/run.testkit';
import { runTasks } from './replicaPool';

const doc = buildDocument({
  nodes: [
    {
      id: 'load',
      kind: 'client',
      config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 100 } },
    },
    { id: 'server', kind: 'service' },
  ],
  edges: [{ source: 'load', target: 'server', config: { latencyMs: constant(1) } }],
  scenario: { durationSec: 2 },
});

describe('replica pool', () => {
  it('returns results in task order whatever the jobs, for tasks that keep plan-wide indexes (a shard)', async () => {
    const tasks = [3, 7, 11, 15, 19].map((index) => ({ index, document: doc, seed: index }));
    const one = await runTasks(tasks, { jobs: 1 });
    const three = await runTasks(tasks, { jobs: 3 });
    expect(one.map((r) => r.index)).toEqual([3, 7, 11, 15, 19]);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(one[1]!.summary.seed).toBe(7);
  });

  it('reports progress once per finished task, up to the total', async () => {
    const seen: string[] = [];
    const tasks = [0, 1, 2].map((index) => ({ index, document: doc, seed: index }));
    await runTasks(tasks, { jobs: 2, onProgress: (done, total) => seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });

  it('rejects with the failing task named, on this thread and in a worker, and leaves no worker behind', async () => {
    const broken = { ...doc, nodes: [{ id: 'x', kind: 'nonsense' }] } as unknown as ArchDocument;
    await expect(runTasks([{ index: 4, document: broken, seed: 1 }], { jobs: 1 })).rejects.toThrow(
      /^task 4: /,
    );
    const tasks = [
      { index: 0, document: doc, seed: 1 },
      { index: 1, document: broken, seed: 1 },
      { index: 2, document: broken, seed: 1 },
    ];
    await expect(runTasks(tasks, { jobs: 2 })).rejects.toThrow(/^task [12]: /);
  });
});
