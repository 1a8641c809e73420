#!/usr/bin/env node
// Makes sure a Chromium exists before the e2e tests: PW_CHROMIUM_PATH, Playwright's own browser,
// or the system /usr/bin/chromium. On an ordinary laptop with none of them it downloads
// Playwright's Chromium; where downloads are impossible it says how to install the system one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

function bundledPath() {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}

const explicit = process.env.PW_CHROMIUM_PATH;
if (explicit) {
  if (!existsSync(explicit)) {
    console.error(`PW_CHROMIUM_PATH points at ${explicit}, which does not exist.`);
    process.exit(1);
  }
  process.exit(0);
}
const bundled = bundledPath();
if ((bundled && existsSync(bundled)) || existsSync('/usr/bin/chromium')) process.exit(0);

console.log("No Chromium found: installing Playwright's Chromium (npx playwright install chromium)...");
const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    "Could not download Playwright's Chromium. Install one yourself, e.g. `sudo apt-get install -y chromium` " +
      '(used from /usr/bin/chromium), or set PW_CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}
