import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Writes files, refusing to replace any that exists unless `force`; returns an error line or the paths written. */
export async function writeNewFiles(
  files: readonly { path: string; text: string }[],
  force: boolean,
): Promise<{ ok: true; paths: string[] } | { ok: false; message: string }> {
  if (!force) {
    const taken = files.find((f) => existsSync(f.path));
    if (taken) return { ok: false, message: `${taken.path}: already exists; use --force to replace it` };
  }
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      await writeFile(f.path, f.text);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      message: `cannot write ${files.map((f) => f.path).join(', ')} (${String(code ?? error)})`,
    };
  }
  return { ok: true, paths: files.map((f) => f.path) };
}

/** Paths of exported files inside `dir`. */
export function inDir(dir: string, names: readonly string[]): string[] {
  return names.map((name) => join(dir, name));
}
