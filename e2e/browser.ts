import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Where Chromium comes from: an explicit path, Playwright's own download, or the system package. */
export function resolveChromium(): { executablePath?: string; source: string } {
  const explicit = process.env.PW_CHROMIUM_PATH;
  if (explicit) return { executablePath: explicit, source: `PW_CHROMIUM_PATH (${explicit})` };
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = '';
  }
  if (bundled && existsSync(bundled)) return { source: `Playwright's Chromium (${bundled})` };
  if (existsSync(SYSTEM_CHROMIUM))
    return { executablePath: SYSTEM_CHROMIUM, source: `system Chromium (${SYSTEM_CHROMIUM})` };
  return { source: 'none' };
}

/** Flags for a system Chromium in a closed sandbox: no sandbox as root, no GPU, and no background traffic. */
export const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
