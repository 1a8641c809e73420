import { describe, expect, it } from 'vitest';
import { type AggregateDefinition, AggregateRepository, loadAggregate, replayAggregate } from './aggregate';
import { EventStore } from './eventStore';

interface Account {
  readonly id: string;
  readonly balance: number;
  readonly history: readonly number[];
}

const account: AggregateDefinition<Account> = {
  type: 'account',
  initial: (id) => ({ id, balance: 0, history: [] }),
  apply: (s, e) => {
    const amount = (e.data as { amount: number }).amount;
    const sign = e.type === 'Deposited' ? 1 : -1;
    return { ...s, balance: s.balance + sign * amount, history: [...s.history, sign * amount] };
  },
};

describe('Aggregate rebuild', () => {
  it('rebuilds from the latest snapshot plus later events the same state as a full replay', () => {
    const store = new EventStore({ snapshotEvery: 4 });
    const repo = new AggregateRepository(store, account);
    for (let i = 1; i <= 11; i++) {
      const r = repo.execute(
        'acc',
        () => [{ type: i % 3 === 0 ? 'Withdrawn' : 'Deposited', data: { amount: i } }],
        i,
      );
      expect(r.ok).toBe(true);
    }
    expect(store.latestSnapshot('acc')?.version).toBe(8);
    const loaded = loadAggregate(store, account, 'acc');
    if (!loaded.ok) throw new Error('load failed');
    expect([
      loaded.aggregate.snapshotVersion,
      loaded.aggregate.eventsApplied,
      loaded.aggregate.version,
    ]).toEqual([8, 3, 11]);
    expect(loaded.aggregate.state).toEqual(replayAggregate(store, account, 'acc'));
    expect(loaded.aggregate.state.balance).toBe(66 - 2 * (3 + 6 + 9));
  });

  it('returns a rejection from decide without appending', () => {
    const store = new EventStore();
    const repo = new AggregateRepository(store, account);
    const r = repo.execute('acc', (s) => (s.balance < 5 ? { rejected: 'insufficient funds' } : []), 0);
    expect(r).toEqual({ ok: false, error: { kind: 'rejected', reason: 'insufficient funds' } });
    expect(store.headPosition).toBe(0);
  });

  it('reports a concurrency conflict when another writer appended between load and append', () => {
    const store = new EventStore();
    const repo = new AggregateRepository(store, account);
    repo.execute('acc', () => [{ type: 'Deposited', data: { amount: 1 } }], 0);
    const r = repo.execute(
      'acc',
      () => {
        store.append('acc', [{ type: 'Deposited', data: { amount: 2 } }], 'any', 1); // the concurrent writer
        return [{ type: 'Withdrawn', data: { amount: 1 } }];
      },
      1,
    );
    expect(r.ok === false && r.error).toEqual({
      kind: 'wrongExpectedVersion',
      streamId: 'acc',
      expected: 0,
      actual: 1,
    });
  });

  it('refuses a rebuild whose early events were archived without a covering snapshot', () => {
    const store = new EventStore({ maxRetainedEvents: 2, snapshotEvery: 100 });
    for (let i = 0; i < 4; i++) store.append('acc', [{ type: 'Deposited', data: { amount: 1 } }], 'any', i);
    const r = loadAggregate(store, account, 'acc');
    expect(r.ok === false && r.error.kind).toBe('historyArchived');
    store.saveSnapshot('acc', 3, { id: 'acc', balance: 3, history: [1, 1, 1] }, 5);
    const again = loadAggregate(store, account, 'acc');
    expect(again.ok && again.aggregate.state.balance).toBe(4);
  });

  it('decides on the state a rebuild gives when another writer appended since its last command', () => {
    const store = new EventStore();
    const repo = new AggregateRepository(store, account);
    repo.execute('acc', () => [{ type: 'Deposited', data: { amount: 5 } }], 0);
    store.append('acc', [{ type: 'Deposited', data: { amount: 7 } }], 'any', 1);
    const seen: number[] = [];
    repo.execute(
      'acc',
      (s) => {
        seen.push(s.balance);
        return [];
      },
      2,
    );
    expect(seen).toEqual([12]);
  });

  it('lets go of the state it remembered for a released stream, and a later command rebuilds the same one', () => {
    const store = new EventStore();
    const repo = new AggregateRepository(store, account);
    const other = new AggregateRepository(store, account);
    const r = repo.execute('acc', () => [{ type: 'Deposited', data: { amount: 5 } }], 0);
    other.release('acc');
    expect(store.recall('acc', repo)).toBe(r.ok && r.state);
    repo.release('acc');
    expect(store.recall('acc', repo)).toBeUndefined();
    const seen: Account[] = [];
    repo.execute(
      'acc',
      (s) => {
        seen.push(s);
        return [];
      },
      1,
    );
    expect(seen).toEqual([r.ok && r.state]);
  });

  it('refuses a command whose stream lost early events to archiving, though it ran one on it before', () => {
    const store = new EventStore({ maxRetainedEvents: 2, snapshotEvery: 100 });
    const repo = new AggregateRepository(store, account);
    repo.execute('acc', () => [{ type: 'Deposited', data: { amount: 1 } }], 0);
    repo.execute('acc', () => [{ type: 'Deposited', data: { amount: 1 } }], 1);
    repo.execute('other', () => [{ type: 'Deposited', data: { amount: 1 } }], 2);
    const r = repo.execute('acc', () => [{ type: 'Deposited', data: { amount: 1 } }], 3);
    expect(r.ok === false && r.error.kind).toBe('historyArchived');
  });
});
