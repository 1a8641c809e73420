import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { resolveChromium, SYSTEM_CHROMIUM_ARGS } from '../../e2e/browser';
import { expandingLink } from './expandingLink';

/**
 * `npx tsx bench/share/browserLinkMemory.ts [dist ...]` (Linux): the resident memory of Chromium's
 * processes while the app, built into each `dist` (default `dist`), opens a 72 KB share link that
 * expands to 500 M characters, sampled every 20 ms from /proc until the page shows its refusal.
 * Build an older commit into another directory to compare (`vite build --outDir /tmp/old`).
 */
const PORT = Number(process.env.PW_PORT ?? 4173);

/** RSS of `root` and all its descendants, in MB (shared pages count once per process). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while it was read.
    }
  }
  let kb = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) kb += Number(rss[1]);
    } catch {
      // Ended.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

async function startPreview(dist: string): Promise<ChildProcess> {
  const preview = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return preview;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  preview.kill();
  throw new Error(`vite preview of ${dist} did not start on port ${PORT}`);
}

async function measure(dist: string): Promise<void> {
  const preview = await startPreview(dist);
  const { executablePath } = resolveChromium();
  const server = await chromium.launchServer({ executablePath, args: SYSTEM_CHROMIUM_ARGS });
  try {
    const root = server.process().pid!;
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('.react-flow__node').first().waitFor();
    const idleMb = treeRssMb(root);
    let peakMb = idleMb;
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, treeRssMb(root));
    }, 20);
    const { link } = expandingLink(500_000_000);
    const start = performance.now();
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${PORT}/#d=${link}`);
    const banner = page.getByTestId('banner');
    await banner.waitFor({ timeout: 120_000 });
    const ms = performance.now() - start;
    clearInterval(sampler);
    const said = ((await banner.textContent()) ?? '').replace(/\s+/g, ' ');
    console.log(
      `${dist}: ${(link.length / 1024).toFixed(0)} KB link; Chromium ${idleMb.toFixed(0)} MB with the app open, ` +
        `peak ${peakMb.toFixed(0)} MB (+${(peakMb - idleMb).toFixed(0)} MB) until the refusal after ${ms.toFixed(0)} ms: ${said}`,
    );
    await browser.close();
  } finally {
    await server.close();
    preview.kill();
  }
}

const dists = process.argv.slice(2);
for (const dist of dists.length > 0 ? dists : ['dist']) await measure(dist);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
