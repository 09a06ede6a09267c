// Branding and landing: Tasklist, Cockpit and Admin carry AIMS Gate's branding (Camunda's documented config.js and
// user-styles.css, from our classpath) instead of the Community edition's "migrate to Camunda 8" banner; every
// approver lands on "My group's tasks" and sees the filter of their own RACI group, and only that one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { call, ok } from '../lib/api.mjs';
import { expectBranding } from '../lib/branding.mjs';
import { BASE_URL, STEP_TIMEOUT } from '../lib/config.mjs';
import { activeFilter, filterNames, login, loginAt } from '../lib/tasklist.mjs';

/** Demo users (DemoData) and the filter of their RACI group (EngineAuthorizationSetup). */
const GROUP_FILTER = {
  olivia: 'Product owner approvals',
  oscar: 'Product owner approvals',
  mia: 'ML engineering tasks',
  sam: 'Security reviews',
  lena: 'Legal reviews',
  priya: 'Privacy reviews',
  ethan: 'Ethics reviews',
  grace: 'Board sign-offs and escalations',
  ben: 'Business stakeholder tasks',
  alex: 'Auditor tasks',
};

describe('AIMS Gate branding and Tasklist filters', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('Tasklist login page and Tasklist: AIMS Gate branding, no Camunda 8 banner', async () => {
    const { page } = browser;
    await showingFailure(page, 'branding', async () => {
      await page.context().clearCookies();
      await page.goto(`${BASE_URL}/camunda/app/tasklist/`);
      // The first page of the run: the webapps may still be warming up.
      await page.getByPlaceholder('Username').waitFor({ timeout: 3 * STEP_TIMEOUT });
      await expectBranding(page, { appName: 'Tasklist', loggedIn: false });
      await screenshot(page, 'branding', 'tasklist-login');
      await login(page, 'sam');
      await expectBranding(page, { appName: 'Tasklist', loggedIn: true });
    });
  });

  test('Cockpit (governance board) and Admin (administrator) carry the branding too', async () => {
    const { page } = browser;
    await showingFailure(page, 'branding', async () => {
      await loginAt(page, 'cockpit', 'grace');
      await page.getByText('Running Process Instances').waitFor();
      await page.waitForLoadState('networkidle');
      await expectBranding(page, { appName: 'Cockpit', loggedIn: true });
      await screenshot(page, 'branding', 'cockpit-grace');
      await loginAt(page, 'admin', 'admin');
      await page.waitForLoadState('networkidle');
      await expectBranding(page, { appName: 'Admin', loggedIn: true });
      await screenshot(page, 'branding', 'admin');
    });
  });

  test("approvers land on \"My group's tasks\" and see their group's filter only", async () => {
    const { page } = browser;
    await showingFailure(page, 'filters', async () => {
      for (const user of ['sam', 'grace']) {
        await login(page, user);
        assert.equal(await activeFilter(page), "My group's tasks", `${user}'s landing filter`);
        assert.deepEqual(await filterNames(page), ["My group's tasks", 'My tasks', GROUP_FILTER[user]]);
        await screenshot(page, 'filters', `landing-${user}`);
      }
    });
  });

  test('every RACI group has its own filter, readable by that group only', async () => {
    for (const [user, groupFilter] of Object.entries(GROUP_FILTER)) {
      const names = (await ok(user, 'GET', '/engine-rest/filter?resourceType=Task')).map((filter) => filter.name);
      assert.deepEqual(names.sort(), ["My group's tasks", 'My tasks', groupFilter].sort(), `filters readable by ${user}`);
    }
    const all = await ok('admin', 'GET', '/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc');
    assert.equal(new Set(all.map((filter) => filter.name)).size, all.length, 'each filter exists once');
    assert.equal(all.length, 2 + new Set(Object.values(GROUP_FILTER)).size);
    const landing = all.find((filter) => filter.name === "My group's tasks");
    for (const other of all.filter((filter) => filter !== landing)) {
      assert.ok(landing.properties.priority < other.properties.priority, `"My group's tasks" comes before '${other.name}'`);
    }
    assert.equal((await call('guest', 'GET', '/engine-rest/filter')).status, 403, 'a user without a RACI group reads no filter');
  });
});
