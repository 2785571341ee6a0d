import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by scripts/ensure-system-packages.sh: never a downloaded browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

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

/** Headless Chromium as the app (PDF printing) and the browser tests both run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
