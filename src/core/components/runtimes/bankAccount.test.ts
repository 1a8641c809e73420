import { describe, expect, it } from 'vitest';
import bank from '../../../../public/examples/bank-account.json';
import { validateDocument } from '../../model/validate';
import { createRun } from '../../run/createRun';
import { entryOf } from '../../run/run.testkit';

function runBank(change: (doc: typeof bank) => void = () => {}) {
  const doc = structuredClone(bank);
  change(doc);
  const v = validateDocument(doc);
  if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('; '));
  const run = createRun(v.document, { traceSampleEvery: 0 });
  run.runToEnd();
  return run.summary();
}

describe('the bank account template (a declared aggregate end to end)', () => {
  it('refuses overdrafts with 422, and its read model counts exactly the accepted commands', () => {
    const s = runBank();
    const store = entryOf(s, 'ledger', 'eventStore').eventStore;
    const commands = store.aggregates!.account!.commands;
    expect(commands.withdraw!.rejected).toBeGreaterThan(0);
    expect(commands.deposit!.rejected).toBe(0);
    expect(store.appends).toBe(commands.deposit!.accepted + commands.withdraw!.accepted);
    const model = entryOf(s, 'balances', 'readModel').readModel;
    expect(model.lagPositions).toBe(0);
    expect(model.fields!.deposits).toBe(commands.deposit!.accepted);
    expect(model.fields!.withdrawals).toBe(commands.withdraw!.accepted);
    // The rule keeps every balance >= 0, so their sum is too.
    expect(model.fields!.balance).toBeGreaterThanOrEqual(0);
    expect(s.publishing!.outbox!.lost).toBe(0);
    expect(s.invariants.ok).toBe(true);
  });

  it('accepts every withdrawal once the rule is gone, so less money is left', () => {
    const guarded = runBank();
    const s = runBank((doc) => {
      const withdraw = doc.nodes.find((n) => n.id === 'ledger')!.config.aggregates![0]!.commands[1]!;
      delete (withdraw as { rule?: string }).rule;
    });
    const commands = entryOf(s, 'ledger', 'eventStore').eventStore.aggregates!.account!.commands;
    expect(commands.withdraw!.rejected).toBe(0);
    const left = entryOf(s, 'balances', 'readModel').readModel.fields!.balance!;
    expect(left).toBeLessThan(entryOf(guarded, 'balances', 'readModel').readModel.fields!.balance!);
  });

  it('folds a duplicated projection feed once: the checkpoint skips the copies, so the fields match a clean run', () => {
    const clean = entryOf(runBank(), 'balances', 'readModel').readModel;
    const s = runBank((doc) => {
      const faults = doc.scenario.faults as unknown[];
      faults.push({ kind: 'linkFaults', atSec: 0, edgeId: 'ledger-balances', duplicateRate: 0.3 });
    });
    const model = entryOf(s, 'balances', 'readModel').readModel;
    expect(model.duplicatesSkipped).toBeGreaterThan(0);
    expect(clean.duplicatesSkipped).toBeUndefined();
    expect(model.fields).toEqual(clean.fields);
    expect(s.invariants.ok).toBe(true);
  });

  it('keeps refusing overdrafts on a slow disk, where appends take longer', () => {
    const fast = runBank();
    const s = runBank((doc) => {
      const faults = doc.scenario.faults as unknown[];
      faults.push({ kind: 'slowDisk', atSec: 0, nodeId: 'ledger', factor: 20 });
    });
    const commands = entryOf(s, 'ledger', 'eventStore').eventStore.aggregates!.account!.commands;
    expect(commands.withdraw!.rejected).toBeGreaterThan(0);
    expect(entryOf(s, 'ledger', 'eventStore').eventStore.appends).toBe(
      commands.deposit!.accepted + commands.withdraw!.accepted,
    );
    expect(entryOf(s, 'ledger', 'eventStore').latencyMs.mean).toBeGreaterThan(
      entryOf(fast, 'ledger', 'eventStore').latencyMs.mean,
    );
  });

  it('refuses at import an append naming a command the store does not declare', () => {
    const doc = structuredClone(bank);
    const steps = doc.nodes.find((n) => n.id === 'accounts')!.config.endpoints![1]!.steps;
    (steps[1] as { command?: string }).command = 'transfer';
    const v = validateDocument(doc);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
        'nodes[1].config.endpoints[1].steps[1].command: the event store "ledger" declares no command "transfer"',
      ]);
  });
});
