import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { AUTOSAVE_KEY } from './persistence';
import { listRecent, readRecent } from './recent';
import { encodeShareHash } from './share';
import { loadStartupDocument } from './startup';
import { testStorage } from './testStorage';

const named = (name: string) => ({ ...createDefaultDocument(), name });
const noFetch = async () => null;
const now = new Date('2026-03-04T05:06:07.089Z');

describe('loadStartupDocument', () => {
  it('prefers a valid share link over the autosave, and keeps the autosaved diagram in Recent', async () => {
    const saved = serializeDocument(named('saved'));
    const storage = testStorage({ [AUTOSAVE_KEY]: saved });
    const result = await loadStartupDocument({
      hash: encodeShareHash(named('shared')),
      storage,
      fetchText: noFetch,
      now,
    });
    expect(result).toMatchObject({ source: 'share', notice: null, held: null });
    expect(result.document.name).toBe('shared');
    expect(result.setAside).toMatchObject({
      name: 'saved',
      reason: 'shareLink',
      setAsideAt: now.toISOString(),
    });
    expect(readRecent(storage, result.setAside!.id)).toBe(saved);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(saved);
  });

  it('keeps nothing when the share link holds the autosaved diagram itself', async () => {
    const storage = testStorage({ [AUTOSAVE_KEY]: serializeDocument(named('same')) });
    const result = await loadStartupDocument({
      hash: encodeShareHash(named('same')),
      storage,
      fetchText: noFetch,
      now,
    });
    expect(result.setAside).toBeNull();
    expect(listRecent(storage)).toEqual([]);
  });

  it('holds autosave when a share link replaces an autosave that Recent has no room for', async () => {
    const saved = serializeDocument(named('saved'));
    const storage = testStorage({ [AUTOSAVE_KEY]: saved }, AUTOSAVE_KEY.length + saved.length + 50);
    const result = await loadStartupDocument({
      hash: encodeShareHash(named('shared')),
      storage,
      fetchText: noFetch,
      now,
    });
    expect(result.document.name).toBe('shared');
    expect(result.held).toMatchObject({ reason: 'notKept', text: saved });
    expect(result.held?.title).toContain('“saved” could not be kept in Recent');
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(saved);
  });

  it('restores the autosave when there is no link', async () => {
    const result = await loadStartupDocument({
      hash: '',
      storage: testStorage({ [AUTOSAVE_KEY]: serializeDocument(named('saved')) }),
      fetchText: noFetch,
      now,
    });
    expect(result.source).toBe('autosave');
    expect(result.document.name).toBe('saved');
  });

  it('opens the example when the autosave is unreadable, and says where it was kept', async () => {
    const storage = testStorage({ [AUTOSAVE_KEY]: 'not json' });
    const result = await loadStartupDocument({
      hash: '',
      storage,
      fetchText: async () => serializeDocument(named('example')),
      now,
    });
    expect(result).toMatchObject({ source: 'example', held: null, notice: { tone: 'warning' } });
    const key = 'archplay.document.corrupt.2026-03-04T05-06-07-089Z';
    expect(result.notice?.details[0]).toContain(key);
    expect(storage.data.get(key)).toBe('not json');
  });

  it('holds autosave over an unreadable autosave that cannot be copied aside', async () => {
    const storage = testStorage({ [AUTOSAVE_KEY]: 'not json' }, 30);
    const result = await loadStartupDocument({ hash: '', storage, fetchText: noFetch, now });
    expect(result.source).toBe('builtin');
    expect(result.held).toMatchObject({ reason: 'unreadable', text: 'not json' });
    expect(result.held?.fileName).toBe('archplay autosave 2026-03-04 05-06-07.json');
    expect(storage.data.get(AUTOSAVE_KEY)).toBe('not json');
  });

  it('names the limit when a share link is too large, and opens the autosave instead', async () => {
    const storage = testStorage({ [AUTOSAVE_KEY]: serializeDocument(named('saved')) });
    const result = await loadStartupDocument({
      hash: `#d=${'A'.repeat(3_000_000)}`,
      storage,
      fetchText: noFetch,
      now,
    });
    expect(result.source).toBe('autosave');
    expect(result.notice?.details[0]).toMatch(
      /^\(link\): the link is 3,000,000 characters long; the limit is/,
    );
  });

  it('falls back to the built-in diagram when nothing else is available', async () => {
    const result = await loadStartupDocument({
      hash: '',
      storage: testStorage(),
      fetchText: async () => '{}',
      now,
    });
    expect(result.source).toBe('builtin');
    expect(result.document.nodes.length).toBeGreaterThan(0);
  });
});
