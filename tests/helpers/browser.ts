import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/lib/chromium.ts';

export { CHROMIUM_PATH };

/**
 * Whether browser tests can run. Outside CI a missing Chromium skips them
 * with a message; in CI (`CI=true`) a missing Chromium is an error.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI)
    throw new Error(`Chromium is required in CI but ${CHROMIUM_PATH} is missing: install it with "apt-get install -y chromium".`);
  console.warn(
    `Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (install it with "apt-get install -y chromium", or set CHROMIUM_PATH).`,
  );
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}
