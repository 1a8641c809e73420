import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles `entry` (a path from the repository root) with its imports into one ES module for Node,
 * as Vite bundles the simulation worker for the browser: one module scope, so a constant or a
 * function imported from another file is a local the JIT compiler can fold or inline. Returns the
 * bundle's path in `outDir`.
 */
export async function bundleForNode(entry: string, outDir: string): Promise<string> {
  const fileName = 'bundle.mjs';
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      rolldownOptions: { output: { entryFileNames: fileName } },
    },
  });
  return join(outDir, fileName);
}
