import { describe, expect, it } from 'vitest';
import { DeclaredAggregates } from './declaredAggregates';
import { DeclaredProjections } from './declaredProjections';

const account = {
  type: 'account',
  initial: { balance: 0 },
  commands: [
    { name: 'deposit', emits: 'Deposited', rule: 'x_amount > 0' },
    { name: 'withdraw', emits: 'Withdrawn', rule: 'balance - x_amount >= 0' },
  ],
  events: [
    { type: 'Deposited', apply: [{ field: 'balance', value: 'balance + x_amount' }] },
    { type: 'Withdrawn', apply: [{ field: 'balance', value: 'balance - x_amount' }] },
  ],
};

/** Sends a command and, when accepted, folds its event in, as the event store does. */
function send(a: DeclaredAggregates, command: string, stream: string, amount: number): boolean {
  const params = { 'x-amount': String(amount) };
  const r = a.decide(command, stream, params);
  if (r.ok) a.apply(stream, r.eventType, params);
  return r.ok;
}

describe('declared aggregates', () => {
  it('refuses a command whose rule is false against the state the events folded into', () => {
    const a = new DeclaredAggregates([account]);
    expect(send(a, 'withdraw', 'acct-1', 10)).toBe(false);
    expect(send(a, 'deposit', 'acct-1', 100)).toBe(true);
    expect(send(a, 'withdraw', 'acct-1', 60)).toBe(true);
    expect(send(a, 'withdraw', 'acct-1', 60)).toBe(false);
    expect(send(a, 'deposit', 'acct-1', -5)).toBe(false);
    expect(a.stateOf('acct-1', 'deposit')).toEqual({ balance: 40 });
    // Each stream has its own state.
    expect(a.stateOf('acct-2', 'deposit')).toEqual({ balance: 0 });
    expect(a.summary()).toEqual({
      account: {
        streams: 1,
        commands: { deposit: { accepted: 1, rejected: 1 }, withdraw: { accepted: 1, rejected: 2 } },
      },
    });
  });
});

describe('declared projections', () => {
  const p = new DeclaredProjections([
    {
      event: 'Deposited',
      updates: [
        { field: 'balance', op: 'sum', value: 'x_amount' },
        { field: 'deposits', op: 'increment' },
        { field: 'amounts', op: 'append', value: 'number(x_amount)' },
      ],
    },
    {
      event: 'Withdrawn',
      updates: [
        { field: 'balance', op: 'sum', value: '-x_amount' },
        { field: 'amounts', op: 'remove', value: 'number(x_amount)' },
        { field: 'last', op: 'set', value: "streamId + ''" },
        { field: 'seen', op: 'set', value: 'doc.deposits' },
      ],
    },
  ]);
  const event = (type: string, amount: number, version: number) => ({
    streamId: 'acct-1',
    version,
    type,
    params: { 'x-amount': String(amount) },
  });

  it('sets, increments, sums, appends and removes fields of the stream document', () => {
    let doc = p.apply(undefined, event('Deposited', 100, 1));
    doc = p.apply(doc, event('Deposited', 30, 2));
    expect(doc).toEqual({ balance: 130, deposits: 2, amounts: [100, 30] });
    doc = p.apply(doc, event('Withdrawn', 30, 3));
    expect(doc.balance).toBe(100);
    expect(doc.amounts).toEqual([100]);
    expect(doc.seen).toBe(2);
    // A string concatenation is not arithmetic: the expression gives null.
    expect(doc.last).toBe(null);
    expect(p.handles('Opened')).toBe(false);
  });

  it('leaves the document it was given unchanged (the model replaces documents)', () => {
    const first = p.apply(undefined, event('Deposited', 5, 1));
    p.apply(first, event('Deposited', 5, 2));
    expect(first).toEqual({ balance: 5, deposits: 1, amounts: [5] });
  });
});
