import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { AUTOSAVE_KEY, type StorageLike } from './persistence';
import { encodeShareHash } from './share';
import { loadStartupDocument } from './startup';

const storage = (data: Record<string, string> = {}): StorageLike => ({
  getItem: (k) => data[k] ?? null,
  setItem: (k, v) => {
    data[k] = v;
  },
  removeItem: (k) => {
    delete data[k];
  },
});

const named = (name: string) => ({ ...createDefaultDocument(), name });
const noFetch = async () => null;

describe('loadStartupDocument', () => {
  it('prefers a valid share link over the autosave', async () => {
    const result = await loadStartupDocument({
      hash: encodeShareHash(named('shared')),
      storage: storage({ [AUTOSAVE_KEY]: serializeDocument(named('saved')) }),
      fetchText: noFetch,
      stamp: 's',
    });
    expect(result).toMatchObject({ source: 'share', notice: null });
    expect(result.document.name).toBe('shared');
  });

  it('restores the autosave when there is no link', async () => {
    const result = await loadStartupDocument({
      hash: '',
      storage: storage({ [AUTOSAVE_KEY]: serializeDocument(named('saved')) }),
      fetchText: noFetch,
      stamp: 's',
    });
    expect(result.source).toBe('autosave');
    expect(result.document.name).toBe('saved');
  });

  it('opens the example when the autosave is corrupt, and says so', async () => {
    const result = await loadStartupDocument({
      hash: '',
      storage: storage({ [AUTOSAVE_KEY]: 'not json' }),
      fetchText: async () => serializeDocument(named('example')),
      stamp: 's',
    });
    expect(result.source).toBe('example');
    expect(result.notice?.tone).toBe('warning');
  });

  it('falls back to the built-in diagram when nothing else is available', async () => {
    const result = await loadStartupDocument({
      hash: '',
      storage: storage(),
      fetchText: async () => '{}',
      stamp: 's',
    });
    expect(result.source).toBe('builtin');
    expect(result.document.nodes.length).toBeGreaterThan(0);
  });
});
