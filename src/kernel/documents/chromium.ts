import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by scripts/ensure-system-packages.sh for the browser tests: never a downloaded browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Offices run closed networks: without these flags Chromium keeps trying to reach Google's services and can hang on
 * refused connections.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium as the app (PDF printing, see printing-browser.ts) and the browser tests (Debian's) run it. */
export function launchChromium(executablePath: string = DEBIAN_CHROMIUM): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
