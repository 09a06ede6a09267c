// Debian's Chromium, headless, driven by playwright-core. No browser is ever downloaded: the executable is
// /usr/bin/chromium (AIMS_E2E_CHROMIUM), started with a fresh --user-data-dir per browser.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, SCREENSHOTS, STEP_TIMEOUT } from './config.mjs';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A fresh browser profile (launchPersistentContext passes it as --user-data-dir). */
export async function launch() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'aims-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Saves a full-page screenshot as screenshots/<scenario>-<nn>-<step>.png and returns its path. */
export async function screenshot(page, scenario, step) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  counter += 1;
  const file = path.join(SCREENSHOTS, `${scenario}-${String(counter).padStart(2, '0')}-${step}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Runs a scenario body; on failure saves a screenshot of what the browser showed, then fails as before. */
export async function showingFailure(page, scenario, body) {
  try {
    return await body();
  } catch (error) {
    const file = await screenshot(page, scenario, 'FAILED').catch(() => null);
    if (file) {
      error.message += `\n(screenshot of the failure: ${file})`;
    }
    throw error;
  }
}
