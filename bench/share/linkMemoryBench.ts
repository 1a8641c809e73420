import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import LZString from 'lz-string';
import { parseDocument } from '../../src/core';
import { decodeShareHash } from '../../src/state/shareDecode';
import { expandingLink } from './expandingLink';

/**
 * `npx tsx bench/share/linkMemoryBench.ts [--chars N]`: the peak memory of opening a small link
 * that expands to N characters (500 M by default), decoded the old way (lz-string expands it all,
 * then the size check refuses it) and the bounded way (`decodeShareHash`). Each decoder runs in a
 * process of its own, so each peak is its own; a third process only builds the link, as the floor.
 */
const decoders = {
  floor: (_link: string) => 'nothing decoded',
  'lz-string, then the size check': (link: string) => {
    const text = LZString.decompressFromEncodedURIComponent(link);
    const parsed = parseDocument(text ?? '');
    return parsed.ok ? 'opened' : (parsed.errors[0]?.message ?? 'refused');
  },
  'bounded (decodeShareHash)': (link: string) => {
    const read = decodeShareHash(`#d=${link}`);
    return read.kind === 'invalid' ? (read.errors[0]?.message ?? 'refused') : read.kind;
  },
} as const;
type DecoderName = keyof typeof decoders;

function child(name: DecoderName, chars: number): void {
  const { link, expandedChars } = expandingLink(chars);
  const start = performance.now();
  const outcome = decoders[name](link);
  const ms = performance.now() - start;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ linkChars: link.length, expandedChars, ms, peakMb, outcome }));
}

function main(): void {
  const args = process.argv.slice(2);
  const charsAt = args.indexOf('--chars');
  const chars = charsAt >= 0 ? Number(args[charsAt + 1]) : 500_000_000;
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    child(args[childAt + 1] as DecoderName, chars);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  for (const name of Object.keys(decoders) as DecoderName[]) {
    const run = spawnSync('npx', ['tsx', self, '--child', name, '--chars', String(chars)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) {
      console.log(`${name}: failed (${run.status}) ${run.stderr.split('\n').slice(-5).join(' ')}`);
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    console.log(
      `${name.padEnd(32)} link ${(r.linkChars / 1024).toFixed(0)} KB -> ${(r.expandedChars / 1e6).toFixed(0)} M chars: ` +
        `peak RSS ${r.peakMb.toFixed(0)} MB, ${r.ms.toFixed(0)} ms, "${r.outcome}"`,
    );
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main();
