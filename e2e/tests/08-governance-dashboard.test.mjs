// The AI governance dashboard in Cockpit (issue 19): grace (governance board) sees it on the Cockpit dashboard with
// the KPI API's numbers and downloads the board report from it; mia (ML engineer, no Cockpit rights) sees neither
// the dashboard nor its data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { ok } from '../lib/api.mjs';
import { BASE_URL } from '../lib/config.mjs';
import { loginAt } from '../lib/tasklist.mjs';

const DATA = '/camunda/api/cockpit/plugin/ai-governance/default/kpis';

describe('AI governance dashboard in Cockpit', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('grace sees the KPI API numbers and downloads the board report', async () => {
    const { page } = browser;
    await showingFailure(page, 'governance-dashboard', async () => {
      const kpis = await ok('grace', 'GET', '/api/reports/kpis');
      await loginAt(page, 'cockpit', 'grace');
      const dashboard = page.locator('#aims-governance-dashboard');
      await dashboard.waitFor();
      const value = (key) => dashboard.locator(`[data-kpi="${key}"] .aims-gov-value`).innerText();
      assert.equal(await value('systems'), String(kpis.portfolio.systems));
      assert.equal(await value('risksNotClosed'), String(kpis.risks.notClosed));
      assert.equal(await value('halted'), String(kpis.deployments.halted));
      assert.equal(await value('overdueTreatments'), String(kpis.risks.overdueTreatments));
      for (const [tier, count] of Object.entries(kpis.portfolio.byTier)) {
        assert.equal(await dashboard.locator(`[data-kpi="byTier"] td[data-key="${tier}"]`).innerText(), String(count));
      }
      const heat = kpis.risks.residualHeatMap;
      for (let l = 1; l <= 5; l += 1) {
        for (let i = 1; i <= 5; i += 1) {
          assert.equal(await dashboard.locator(`[data-cell="${l}x${i}"]`).innerText(), String(heat[l - 1][i - 1]));
        }
      }
      const boardTasks = kpis.attention.filter((item) => item.taskId);
      for (const item of boardTasks) {
        const link = dashboard.locator(`a[href*="task=${item.taskId}"]`);
        assert.match(await link.getAttribute('href'), /\/camunda\/app\/tasklist\/default\/#\/\?task=/);
      }
      await screenshot(page, 'governance-dashboard', 'cockpit-grace');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dashboard.locator('#aims-gov-board-report').click(),
      ]);
      assert.match(download.suggestedFilename(), /^board-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
      const file = await download.path();
      const { readFileSync } = await import('node:fs');
      assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    });
  });

  test('mia, without Cockpit rights, sees neither the dashboard nor its data', async () => {
    const { page } = browser;
    await showingFailure(page, 'governance-dashboard', async () => {
      await loginAt(page, 'tasklist', 'mia');
      const status = await page.evaluate(async (path) => (await fetch(path, { credentials: 'same-origin' })).status,
        DATA);
      assert.equal(status, 403);
      await page.goto(`${BASE_URL}/camunda/app/cockpit/default/#/dashboard`);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('#aims-governance-dashboard').count(), 0);
      assert.equal(await page.getByText('AI governance').count(), 0);
      await screenshot(page, 'governance-dashboard', 'cockpit-mia');
    });
  });
});
