/**
 * Which Chromium the end-to-end tests drive: Playwright's own if it is installed, else Debian's
 * /usr/bin/chromium, else a clear message on how to get one.
 */
import fs from 'node:fs';
import {chromium} from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string | undefined {
  const own = chromium.executablePath();
  if (own && fs.existsSync(own)) return undefined; // Playwright finds its own browser
  const system = SYSTEM_CHROMIUM.find((candidate) => fs.existsSync(candidate));
  if (system) return system;
  throw new Error(
    'No Chromium for the end-to-end tests. Install one: `npx playwright install chromium`, ' +
      'or on Debian/Ubuntu `apt-get install -y chromium` (used from /usr/bin/chromium).',
  );
}

/** Flags for a closed network and a root user (CI): no sandbox, no background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
