// Production sign-on: an approver logs in through the Keycloak login page (profile keycloak) and lands in Tasklist
// on "My group's tasks", with the filter of the RACI group Keycloak gave them. Runs when AIMS_E2E_KEYCLOAK_URL is
// set (run.sh sets it when it could start a Keycloak server and a keycloak-profile node; see README.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { expectBranding } from '../lib/branding.mjs';
import { activeFilter, filterNames, fillStable, filters } from '../lib/tasklist.mjs';

const KEYCLOAK_URL = process.env.AIMS_E2E_KEYCLOAK_URL;
const APP_URL = process.env.AIMS_E2E_KEYCLOAK_APP_URL;
const USER = process.env.AIMS_E2E_KEYCLOAK_USER;
const PASSWORD = process.env.AIMS_E2E_KEYCLOAK_PASSWORD;
const GROUP_FILTER = process.env.AIMS_E2E_KEYCLOAK_GROUP_FILTER ?? 'Security reviews';
const READY_FILE = process.env.AIMS_E2E_KEYCLOAK_READY_FILE;
const FAILED_FILE = process.env.AIMS_E2E_KEYCLOAK_FAILED_FILE;
const WAIT_SECONDS = Number(process.env.AIMS_E2E_KEYCLOAK_WAIT_SECONDS ?? 300);

/** run.sh prepares Keycloak and the keycloak-profile node while the other scenarios run: wait for it. */
async function awaitPreparedServers() {
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  while (READY_FILE && !existsSync(READY_FILE)) {
    if (FAILED_FILE && existsSync(FAILED_FILE)) {
      assert.fail(`Keycloak or the keycloak-profile node did not start:\n${readFileSync(FAILED_FILE, 'utf8')}`);
    }
    if (Date.now() > deadline) {
      assert.fail(`Keycloak and the keycloak-profile node were not ready within ${WAIT_SECONDS} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const skip = !KEYCLOAK_URL
  ? 'AIMS_E2E_KEYCLOAK_URL is not set (no Keycloak server for this run)'
  : !APP_URL || !USER || !PASSWORD
    ? 'set AIMS_E2E_KEYCLOAK_APP_URL, AIMS_E2E_KEYCLOAK_USER and AIMS_E2E_KEYCLOAK_PASSWORD too'
    : false;

describe('Keycloak login', { skip }, () => {
  let browser;
  before(async () => {
    await awaitPreparedServers();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('an approver signs in on the Keycloak login page and lands on their group filter in Tasklist', async () => {
    const { page } = browser;
    const visited = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) {
        visited.push(frame.url());
      }
    });
    await showingFailure(page, 'keycloak', async () => {
      await page.goto(`${APP_URL}/camunda/app/tasklist/`);
      // Spring Security sends the browser to Keycloak's login page (authorisation code flow).
      await page.waitForURL((url) => url.href.startsWith(KEYCLOAK_URL));
      await fillStable([
        [page.locator('#username'), USER],
        [page.locator('#password'), PASSWORD],
      ]);
      await screenshot(page, 'keycloak', 'login-page');
      await page.locator('#kc-login').click();
      await page.waitForURL((url) => url.href.startsWith(`${APP_URL}/camunda/app/tasklist/`));
      await filters(page).first().waitFor();
      await expectBranding(page, { appName: 'Tasklist', loggedIn: true });
      assert.equal(await activeFilter(page), "My group's tasks");
      assert.deepEqual(await filterNames(page), ["My group's tasks", 'My tasks', GROUP_FILTER]);
      await screenshot(page, 'keycloak', 'tasklist-after-sso');
    }).catch((error) => {
      error.message += `\npages visited: ${visited.join(' -> ')}`;
      throw error;
    });
  });
});
