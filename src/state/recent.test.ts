import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY } from './persistence';
import {
  forgetRecent,
  keepRecent,
  listRecent,
  MAX_RECENT,
  MAX_RECENT_CHARS,
  RECENT_ENTRY_PREFIX,
  RECENT_INDEX_KEY,
  readRecent,
} from './recent';
import { testStorage } from './testStorage';

const meta = (name: string) => ({
  name,
  reason: 'template' as const,
  setAsideAt: '2026-01-02T03:04:05.000Z',
});
const doc = (name: string, size = 100) => JSON.stringify({ name, pad: 'x'.repeat(size) });

describe('Recent storage', () => {
  it('keeps a document under a key of its own and lists it newest first with its name, time and reason', () => {
    const storage = testStorage();
    keepRecent(storage, doc('a'), meta('A'));
    const second = keepRecent(storage, doc('b'), { ...meta('B'), reason: 'shareLink' });
    expect(second.ok).toBe(true);
    const list = listRecent(storage);
    expect(list.map((e) => [e.name, e.reason])).toEqual([
      ['B', 'shareLink'],
      ['A', 'template'],
    ]);
    expect(list[0]!.setAsideAt).toBe('2026-01-02T03:04:05.000Z');
    expect(readRecent(storage, list[1]!.id)).toBe(doc('a'));
    expect(storage.data.has(RECENT_ENTRY_PREFIX + list[1]!.id)).toBe(true);
  });

  it('keeps the last ten and removes the text of older ones', () => {
    const storage = testStorage();
    for (let i = 0; i < MAX_RECENT + 3; i++) keepRecent(storage, doc(`d${i}`), meta(`D${i}`));
    const list = listRecent(storage);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.name).toBe(`D${MAX_RECENT + 2}`);
    expect(list.at(-1)!.name).toBe('D3');
    const entryKeys = [...storage.data.keys()].filter((k) => k.startsWith(RECENT_ENTRY_PREFIX));
    expect(entryKeys).toHaveLength(MAX_RECENT);
  });

  it('drops the oldest entries when the total text would pass the size bound', () => {
    const storage = testStorage();
    const big = Math.floor(MAX_RECENT_CHARS / 3);
    for (let i = 0; i < 4; i++) keepRecent(storage, doc(`d${i}`, big), meta(`D${i}`));
    const list = listRecent(storage);
    expect(list.map((e) => e.name)).toEqual(['D3', 'D2']);
    expect(list.reduce((sum, e) => sum + e.chars, 0)).toBeLessThanOrEqual(MAX_RECENT_CHARS);
  });

  it('refuses a document larger than the whole bound, saying so, and changes nothing', () => {
    const storage = testStorage();
    keepRecent(storage, doc('a'), meta('A'));
    const before = new Map(storage.data);
    const result = keepRecent(storage, 'x'.repeat(MAX_RECENT_CHARS + 1), meta('Huge'));
    expect(result).toEqual({ ok: false, message: 'the diagram is 2.0 MB; Recent keeps at most 2.0 MB' });
    expect(storage.data).toEqual(before);
  });

  it('does not keep the same text twice in a row', () => {
    const storage = testStorage();
    keepRecent(storage, doc('a'), meta('A'));
    keepRecent(storage, doc('a'), meta('A again'));
    expect(listRecent(storage).map((e) => e.name)).toEqual(['A']);
  });

  it('makes room by dropping the oldest entries when storage is full, never the autosave', () => {
    const autosave = doc('autosave', 3000);
    const storage = testStorage({ [AUTOSAVE_KEY]: autosave }, 6000);
    for (let i = 0; i < 3; i++) keepRecent(storage, doc(`d${i}`, 600), meta(`D${i}`));
    const result = keepRecent(storage, doc('new', 1500), meta('New'));
    expect(result.ok).toBe(true);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(autosave);
    const names = listRecent(storage).map((e) => e.name);
    expect(names[0]).toBe('New');
    expect(names.length).toBeLessThan(4);
    expect(storage.usedChars()).toBeLessThanOrEqual(6000);
  });

  it('fails with a reason, and changes nothing, when even an empty Recent has no room', () => {
    const autosave = doc('autosave', 3000);
    const storage = testStorage({ [AUTOSAVE_KEY]: autosave }, 4000);
    keepRecent(storage, doc('small', 10), meta('Small'));
    const before = new Map(storage.data);
    const result = keepRecent(storage, doc('big', 2000), meta('Big'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^storage is full \(QuotaExceededError/);
    expect(storage.data).toEqual(before);
    expect(listRecent(storage).map((e) => e.name)).toEqual(['Small']);
  });

  it('forgets an entry and its text', () => {
    const storage = testStorage();
    const kept = keepRecent(storage, doc('a'), meta('A'));
    if (!kept.ok) throw new Error(kept.message);
    forgetRecent(storage, kept.entry.id);
    expect(listRecent(storage)).toEqual([]);
    expect(readRecent(storage, kept.entry.id)).toBeNull();
  });

  it('reads a damaged or foreign index as empty, and skips malformed entries', () => {
    expect(listRecent(testStorage({ [RECENT_INDEX_KEY]: 'not json' }))).toEqual([]);
    expect(listRecent(testStorage({ [RECENT_INDEX_KEY]: '{"a":1}' }))).toEqual([]);
    const mixed = JSON.stringify([
      { id: '1', name: 'A', setAsideAt: 't', reason: 'import', chars: 3 },
      { id: 'x' },
    ]);
    expect(listRecent(testStorage({ [RECENT_INDEX_KEY]: mixed })).map((e) => e.name)).toEqual(['A']);
  });
});
