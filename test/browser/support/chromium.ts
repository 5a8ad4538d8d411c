import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. They need Debian's Chromium (`apt-get install -y chromium`); CI
 * installs it and sets REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping.
 */
export const chromiumAvailable = (): boolean => {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no ${CHROMIUM}`);
  process.stderr.write(`\n  console browser tests skipped: no ${CHROMIUM} (apt-get install -y chromium)\n\n`);
  return false;
};

/** Headless Debian Chromium in a fresh profile, nothing downloaded, no calls home (this machine's network is closed). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
