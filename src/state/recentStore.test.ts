import { beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../core/model/validate';
import { firstHeld, isAutosaveHeld, releaseHeld } from './autosaveHold';
import { createDefaultDocument } from './defaultDocument';
import { documentStore, loadDocumentFresh, undo } from './documentStore';
import { listRecent, readRecent } from './recent';
import { initRecent, peekRecent, recentStore, replaceDocument, restoreRecent } from './recentStore';
import { type TestStorage, testStorage } from './testStorage';

const named = (name: string) => ({ ...createDefaultDocument(), name });
const clock = () => new Date('2026-05-06T07:08:09.000Z');
const names = () => recentStore.getState().entries.map((e) => e.name);

let storage: TestStorage;

function releaseAll(): void {
  // A test that fills storage leaves a hold behind; the next test starts without one.
  for (let held = firstHeld(); held; held = firstHeld()) releaseHeld(held.id);
}

beforeEach(() => {
  storage = testStorage();
  initRecent(storage, clock);
  loadDocumentFresh(named('mine'));
  releaseAll();
});

describe('replaceDocument', () => {
  it('keeps the current diagram in Recent with why and when, then opens the next as an undoable step', () => {
    replaceDocument(named('template'), 'template');
    expect(documentStore.getState().document.name).toBe('template');
    expect(recentStore.getState().entries[0]).toMatchObject({
      name: 'mine',
      reason: 'template',
      setAsideAt: '2026-05-06T07:08:09.000Z',
    });
    const id = recentStore.getState().entries[0]!.id;
    expect(readRecent(storage, id)).toBe(serializeDocument(named('mine')));
    undo();
    expect(documentStore.getState().document.name).toBe('mine');
  });

  it('keeps nothing when the next diagram is the current one', () => {
    expect(replaceDocument(named('mine'), 'import')).toBeNull();
    expect(names()).toEqual([]);
  });

  it('returns the id of the kept copy, which restores the diagram it set aside', () => {
    const kept = replaceDocument(named('lesson'), 'lesson');
    expect(kept).toBe(recentStore.getState().entries[0]!.id);
    expect(restoreRecent(kept!)).toEqual({ ok: true, name: 'mine' });
    expect(documentStore.getState().document.name).toBe('mine');
  });

  it('pauses autosave with the text held, and still opens the next, when Recent has no room', () => {
    const text = serializeDocument(named('mine'));
    storage = testStorage({}, 10);
    initRecent(storage, clock);
    replaceDocument(named('shared'), 'shareLink');
    expect(documentStore.getState().document.name).toBe('shared');
    expect(isAutosaveHeld()).toBe(true);
    const held = firstHeld();
    expect(held).toMatchObject({ reason: 'notKept', text });
    releaseHeld(held!.id);
    expect(isAutosaveHeld()).toBe(false);
  });
});

describe('restoreRecent', () => {
  it('opens a kept diagram and keeps the current one in Recent in its place', () => {
    replaceDocument(named('first import'), 'import');
    replaceDocument(named('second import'), 'import');
    expect(names()).toEqual(['first import', 'mine']);
    const mine = recentStore.getState().entries[1]!;
    expect(restoreRecent(mine.id)).toEqual({ ok: true, name: 'mine' });
    expect(documentStore.getState().document.name).toBe('mine');
    expect(names()).toEqual(['second import', 'first import']);
    expect(recentStore.getState().entries[0]!.reason).toBe('restore');
  });

  it('says so when a kept copy is gone from storage, and drops it from the list', () => {
    replaceDocument(named('next'), 'import');
    const id = recentStore.getState().entries[0]!.id;
    storage.removeItem(`archplay.recent.${id}`);
    const result = restoreRecent(id);
    expect(result.ok).toBe(false);
    expect(documentStore.getState().document.name).toBe('next');
    expect(listRecent(storage)).toEqual([]);
  });

  it('refuses a kept copy that no longer parses, naming the problem, and changes nothing', () => {
    replaceDocument(named('next'), 'import');
    const id = recentStore.getState().entries[0]!.id;
    storage.setItem(`archplay.recent.${id}`, JSON.stringify({ ...named('future'), version: 99 }));
    const result = restoreRecent(id);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toContain('version');
    expect(documentStore.getState().document.name).toBe('next');
  });
});

describe('peekRecent', () => {
  it('reads a kept diagram without opening it or taking it off the list', () => {
    replaceDocument(named('next'), 'import');
    const id = recentStore.getState().entries[0]!.id;
    const peeked = peekRecent(id);
    expect(peeked.ok && peeked.document.name).toBe('mine');
    expect(documentStore.getState().document.name).toBe('next');
    expect(names()).toEqual(['mine']);
  });
});
