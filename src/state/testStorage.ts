import type { StorageLike } from './persistence';

export interface TestStorage extends StorageLike {
  data: Map<string, string>;
  /** Characters of keys and values stored, counted as browsers count localStorage's quota. */
  usedChars(): number;
}

/**
 * An in-memory localStorage for unit tests, with a quota: a write that would pass `quotaChars`
 * throws like the browser's QuotaExceededError and changes nothing.
 */
export function testStorage(initial: Record<string, string> = {}, quotaChars = Infinity): TestStorage {
  const data = new Map(Object.entries(initial));
  const usedChars = () => {
    let total = 0;
    for (const [k, v] of data) total += k.length + v.length;
    return total;
  };
  return {
    data,
    usedChars,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      const old = data.get(k);
      const after = usedChars() - (old === undefined ? 0 : k.length + old.length) + k.length + v.length;
      if (after > quotaChars) throw new Error(`QuotaExceededError: setting "${k}" exceeded the quota`);
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}
