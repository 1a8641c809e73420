/**
 * A readable id `<prefix>-<n>` not in `taken` (or `prefix` itself when `bare` and free); ids must
 * match the schema's `[A-Za-z0-9_.:-]+` and stay within its 64 characters.
 */
export function uniqueId(prefix: string, taken: ReadonlySet<string>, bare = false): string {
  const base = prefix.replace(/[^A-Za-z0-9_.:-]+/g, '-').slice(0, 56) || 'node';
  if (bare && !taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
