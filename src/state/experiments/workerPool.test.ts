import { describe, expect, it } from 'vitest';
import type { ReplicaTask, TaskRecord } from '../../worker/protocol';
import { JobCancelled, type PoolWorker, runInPoolWorker, runTasksInPool } from './workerPool';

/** Fake pool workers whose tasks finish when the test says so, in any order. */
function fakeWorkers() {
  const pending: { task: ReplicaTask; resolve: (r: TaskRecord) => void; reject: (e: Error) => void }[] = [];
  const terminated: number[] = [];
  let killers: ((e: Error) => void)[] = [];
  let made = 0;
  const create = (): PoolWorker => {
    const id = made++;
    let kill: (e: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => {
      kill = reject;
    });
    failed.catch(() => {});
    killers.push(kill);
    return {
      runTask: (task) => new Promise((resolve, reject) => pending.push({ task, resolve, reject })),
      exportDocument: () => Promise.reject(new Error('unused')),
      importText: () => Promise.reject(new Error('unused')),
      failed,
      terminate: () => terminated.push(id),
    };
  };
  const record = (task: ReplicaTask): TaskRecord => ({
    index: task.index,
    seed: task.seed,
    metrics: { x: task.index },
    slos: [],
    invariantsOk: true,
  });
  /** Finishes the pending task at position `k` of the queue of started tasks. */
  const finish = async (k: number) => {
    const [p] = pending.splice(k, 1);
    p!.resolve(record(p!.task));
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    create,
    pending,
    terminated,
    finish,
    made: () => made,
    kill: (e: Error) => {
      for (const k of killers) k(e);
      killers = [];
    },
  };
}

const tasks = (n: number): ReplicaTask[] =>
  Array.from({ length: n }, (_, index) => ({ index, seed: 100 + index, document: {} as never }));

describe('the experiment worker pool', () => {
  it('gives records back in task order whatever order the workers finish in, and stops its workers', async () => {
    const fake = fakeWorkers();
    const progress: number[] = [];
    const workers: number[] = [];
    const job = runTasksInPool(tasks(5), {
      size: 2,
      createWorker: fake.create,
      onProgress: (done) => progress.push(done),
      onWorkers: (count) => workers.push(count),
    });
    expect(fake.made()).toBe(2);
    expect(fake.pending.map((p) => p.task.index)).toEqual([0, 1]);
    await fake.finish(1); // task 1 first; its worker takes task 2
    await fake.finish(1); // task 2
    await fake.finish(0); // task 0; its worker takes task 4 after task 3 went to the other
    await fake.finish(0);
    await fake.finish(0);
    const records = await job.result;
    expect(records.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(workers).toEqual([2, 0]);
    expect(fake.terminated.sort()).toEqual([0, 1]);
  });

  it('starts no more workers than tasks, and at least one', async () => {
    const fake = fakeWorkers();
    runTasksInPool(tasks(2), { size: 8, createWorker: fake.create });
    expect(fake.made()).toBe(2);
    const other = fakeWorkers();
    runTasksInPool(tasks(3), { size: 0, createWorker: other.create });
    expect(other.made()).toBe(1);
    await expect(runTasksInPool([], { createWorker: other.create }).result).resolves.toEqual([]);
  });

  it('Cancel terminates every worker at once and rejects with JobCancelled', async () => {
    const fake = fakeWorkers();
    const job = runTasksInPool(tasks(6), { size: 3, createWorker: fake.create });
    await fake.finish(0);
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(JobCancelled);
    expect(fake.terminated.sort()).toEqual([0, 1, 2]);
    // A task that ends after the cancel is ignored, and no new task is handed out.
    const before = fake.pending.length;
    await fake.finish(0);
    expect(fake.pending.length).toBe(before - 1);
  });

  it('a failed task rejects with the task named and stops the other workers', async () => {
    const fake = fakeWorkers();
    const job = runTasksInPool(tasks(4), { size: 2, createWorker: fake.create });
    fake.pending[1]!.reject(new Error('edges[0].target: no node "nowhere"'));
    await expect(job.result).rejects.toThrow('task 1: edges[0].target: no node "nowhere"');
    expect(fake.terminated.sort()).toEqual([0, 1]);
  });

  it('a worker that dies fails the job instead of leaving it waiting', async () => {
    const fake = fakeWorkers();
    const job = runTasksInPool(tasks(4), { size: 2, createWorker: fake.create });
    fake.kill(new Error('the worker script failed to load'));
    await expect(job.result).rejects.toThrow('the worker script failed to load');
  });

  it('a one-off call runs on a worker of its own, terminated when it ends or is cancelled', async () => {
    const fake = fakeWorkers();
    const ok = runInPoolWorker(async () => 42, fake.create);
    await expect(ok.result).resolves.toBe(42);
    expect(fake.terminated).toEqual([0]);
    const slow = runInPoolWorker(() => new Promise<number>(() => {}), fake.create);
    slow.cancel();
    await expect(slow.result).rejects.toBeInstanceOf(JobCancelled);
    expect(fake.terminated).toEqual([0, 1]);
  });
});
