// Scenario 12, the Statement of Applicability in Tasklist: olivia submits a new SoA version over REST (the demo data
// carries an approved version 1), security (sam) and legal (lena) approve their reviews over REST, and the governance
// board (grace) approves the version in Tasklist on the soa-approval form: the version is then the SoA in force and
// the one before it is superseded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { approveOverRest, eventually, ok, openTaskOf } from '../lib/api.mjs';
import {
  claim,
  complete,
  expectFormRendered,
  fillReview,
  login,
  openFilter,
  openTaskCard,
  taskPane,
} from '../lib/tasklist.mjs';

describe('Scenario 12: the board approves a Statement of Applicability version in Tasklist', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('olivia submits, sam and lena review, grace approves in Tasklist', async () => {
    const { page } = browser;
    const scenario = 'soa-approval';
    await showingFailure(page, scenario, async () => {
      const inForce = await ok('ben', 'GET', '/api/soa/current');
      assert.equal(inForce.status, 'APPROVED', 'the demo data carries an approved SoA');
      const version = await ok('olivia', 'POST', '/api/soa/versions', {
        note: 'e2e: A.4.4 tooling register now partly implemented.',
        basedOnVersionNo: inForce.versionNo,
      });
      assert.equal(version.status, 'IN_REVIEW');
      const pid = version.processInstanceId;
      await approveOverRest('sam', (await openTaskOf('sam', pid, 'task_security_review')).id,
        'sam: security controls of the version checked in the e2e run.');
      await approveOverRest('lena', (await openTaskOf('lena', pid, 'task_legal_review')).id,
        'lena: exclusions checked against the obligations in the e2e run.');
      const board = await openTaskOf('grace', pid, 'task_board_approval');

      await login(page, 'grace');
      await openFilter(page, 'Board sign-offs and escalations');
      await openTaskCard(page, board.id);
      const pane = taskPane(page);
      await expectFormRendered(pane, ['SoA version', 'Decision', 'Rationale (required)']);
      const summary = await pane.getByLabel('SoA version', { exact: true }).inputValue();
      assert.match(summary, new RegExp(`^Version ${version.versionNo}: \\d+ of 38 Annex A controls applicable`));
      assert.equal(await pane.getByLabel('SoA version', { exact: true }).isEditable(), false, 'the summary is read-only');
      assert.equal(await claim(page), null, 'grace could not claim the board approval');
      await fillReview(page, 'APPROVE', 'grace: the board adopts this SoA version after both reviews (e2e).');
      await screenshot(page, scenario, 'board-approval-grace');
      assert.equal(await complete(page), null, 'grace could not complete the board approval');

      const current = await eventually(async () => {
        const soa = await ok('ben', 'GET', '/api/soa/current');
        return soa.id === version.id ? soa : null;
      }, { what: `SoA version ${version.versionNo} in force` });
      assert.equal(current.status, 'APPROVED');
      assert.equal(current.decidedBy, 'grace');
      const previous = await ok('ben', 'GET', `/api/soa/versions/${inForce.id}`);
      assert.equal(previous.status, 'SUPERSEDED');
    });
  });
});
