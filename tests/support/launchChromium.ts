import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH names another build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/**
 * Debian's chromium under playwright-core with the flags measured in shared/reference/toolchain.md:
 * headless, no sandbox (root in CI), nothing that reaches the network on its own. Undefined when no
 * chromium is installed, so the caller decides whether that is a skip or a failure.
 */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 20_000,
  });
}
