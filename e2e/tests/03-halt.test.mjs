// Scenario 2, halt: a version of a system with an unresolved HIGH/CRITICAL risk is submitted from Tasklist
// (Credit Scoring Model 2.2.0-rc1); the engine halts it, the product owner sees the remediation task with the
// blocking risks listed in its form, and the pipeline check answers 409.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { deploymentDecision, eventually, tasksOfRequest } from '../lib/api.mjs';
import {
  activeFilter,
  expectFormRendered,
  fillDeploymentRequest,
  login,
  openFilter,
  openStartForm,
  openTaskCard,
  submitStartForm,
  taskPane,
} from '../lib/tasklist.mjs';

describe('Scenario 2: a HIGH residual risk halts the deployment', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('Credit Scoring Model 2.2.0-rc1 is halted; olivia sees the blocking risks; the pipeline gets 409', async () => {
    const { page } = browser;
    const scenario = 'halt';
    await showingFailure(page, scenario, async () => {
      await login(page, 'olivia');
      const dialog = await openStartForm(page, 'Deployment approval');
      await fillDeploymentRequest(dialog, 1, '2.2.0-rc1', 'Release candidate with the new bureau feed (e2e)');
      await submitStartForm(page, dialog);

      // The engine halted the request at once: the remediation task is assigned to the submitter.
      const [task] = await eventually(
        async () => {
          const tasks = await tasksOfRequest('olivia', 1, '2.2.0-rc1', 'task_remediate_risks');
          return tasks.length > 0 && tasks;
        },
        { what: 'the remediation task of 1:2.2.0-rc1' },
      );
      assert.equal(task.assignee, 'olivia');

      await page.reload();
      await openFilter(page, 'My tasks');
      assert.equal(await activeFilter(page), 'My tasks');
      assert.equal(await openTaskCard(page, task.id), 'Remediate blocking risks');
      const pane = taskPane(page);
      await expectFormRendered(pane, ['Blocking risks', 'Next step', 'Remediation note']);
      const blocking = await pane.getByLabel('Blocking risks').inputValue();
      assert.match(blocking, /Training data poisoning through the third-party bureau feed/);
      assert.match(blocking, /CRITICAL/);
      await pane.getByLabel('Blocking risks').scrollIntoViewIfNeeded();
      await screenshot(page, scenario, 'remediation-task-olivia');

      const decision = await deploymentDecision('ben', 1, '2.2.0-rc1');
      assert.equal(decision.status, 409, JSON.stringify(decision.body));
      assert.ok(
        decision.body.reasons.some((reason) => /HALTED|not APPROVED/.test(reason)),
        `reasons: ${JSON.stringify(decision.body.reasons)}`,
      );
      assert.ok(
        decision.body.reasons.some((reason) => /Training data poisoning/.test(reason)),
        `the blocking risk is named: ${JSON.stringify(decision.body.reasons)}`,
      );
    });
  });
});
