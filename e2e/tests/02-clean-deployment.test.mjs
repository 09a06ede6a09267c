// Scenario 1, clean deployment: the product owner starts "Deployment approval" from its start form in Tasklist;
// every reviewer finds the task in their group's filter, claims it, fills the Camunda Form with a rationale and
// completes it; the Accountable (oscar) approves, the board (grace) signs off the high-risk tier; the pipeline check
// then answers 200.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { deploymentDecision, eventually, tasksOfRequest } from '../lib/api.mjs';
import {
  claim,
  complete,
  expectFormRendered,
  fillDeploymentRequest,
  fillReview,
  login,
  openFilter,
  openStartForm,
  openTaskCard,
  submitStartForm,
  taskPane,
} from '../lib/tasklist.mjs';

const REVIEW_LABELS = ['AI system', 'Model version', 'Decision', 'Rationale (required)'];

/** Starts a deployment request from Tasklist's start form as the product owner olivia. */
async function startRequest(page, scenario, systemId, versionLabel, note) {
  await login(page, 'olivia');
  const dialog = await openStartForm(page, 'Deployment approval');
  await fillDeploymentRequest(dialog, systemId, versionLabel, note);
  await screenshot(page, scenario, 'start-form-filled');
  await submitStartForm(page, dialog);
}

/**
 * One reviewer's turn: log in, find this request's task in the group's filter, open it, check that the form shows
 * this request, claim, approve with a rationale, complete. The engine REST API only tells which card is which:
 * Tasklist cards show the task name, and the request is in the form.
 */
async function review(page, scenario, { user, filter, taskKey, systemId, systemName, versionLabel, shot }) {
  const [task] = await eventually(
    async () => {
      const tasks = await tasksOfRequest(user, systemId, versionLabel, taskKey);
      return tasks.length > 0 && tasks;
    },
    { what: `${taskKey} of ${systemId}:${versionLabel} visible to ${user}` },
  );
  await login(page, user);
  await openFilter(page, filter);
  await openTaskCard(page, task.id);
  const pane = taskPane(page);
  await expectFormRendered(pane, REVIEW_LABELS);
  assert.equal(await pane.getByLabel('AI system').inputValue(), systemName);
  assert.equal(await pane.getByLabel('Model version').inputValue(), versionLabel);
  assert.equal(await claim(page), null, `${user} could not claim ${taskKey}`);
  await fillReview(page, 'APPROVE', `${user}: evidence for ${systemName} ${versionLabel} checked in the e2e run; no open points.`);
  if (shot) {
    await screenshot(page, scenario, shot);
  }
  assert.equal(await complete(page), null, `${user} could not complete ${taskKey}`);
  const left = await tasksOfRequest(user, systemId, versionLabel, taskKey);
  assert.equal(left.length, 0, `${taskKey} is still open after ${user} completed it`);
}

describe('Scenario 1: clean deployment through Tasklist', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('short path: Support Chat Assistant 1.5.0 (technical, security, Accountable)', async () => {
    const { page } = browser;
    const scenario = 'clean-short';
    const request = { systemId: 2, systemName: 'Support Chat Assistant', versionLabel: '1.5.0' };
    await showingFailure(page, scenario, async () => {
      await startRequest(page, scenario, 2, '1.5.0', 'Release 1.5: knowledge base refresh (e2e)');
      assert.equal((await deploymentDecision('ben', 2, '1.5.0')).status, 409, 'in review: may not ship yet');
      await review(page, scenario, { ...request, user: 'mia', filter: 'ML engineering tasks', taskKey: 'task_technical_review', shot: 'technical-review-mia' });
      await review(page, scenario, { ...request, user: 'sam', filter: 'Security reviews', taskKey: 'task_security_review' });
      await review(page, scenario, { ...request, user: 'oscar', filter: 'Product owner approvals', taskKey: 'task_accountable_approval', shot: 'accountable-approval-oscar' });
      const decision = await deploymentDecision('ben', 2, '1.5.0');
      assert.equal(decision.status, 200, JSON.stringify(decision.body));
      assert.equal(decision.body.allowed, true);
      assert.equal(decision.body.approvedBy, 'oscar');
    });
  });

  test('high-risk tier: Insurance Pricing Engine 3.0.0 (plus legal/privacy, ethics and board sign-off)', async () => {
    const { page } = browser;
    const scenario = 'clean-high-risk';
    const request = { systemId: 3, systemName: 'Insurance Pricing Engine', versionLabel: '3.0.0' };
    await showingFailure(page, scenario, async () => {
      await startRequest(page, scenario, 3, '3.0.0', 'First production release of the pricing engine (e2e)');
      await review(page, scenario, { ...request, user: 'mia', filter: "My group's tasks", taskKey: 'task_technical_review' });
      await review(page, scenario, { ...request, user: 'sam', filter: 'Security reviews', taskKey: 'task_security_review' });
      await review(page, scenario, { ...request, user: 'priya', filter: 'Privacy reviews', taskKey: 'task_legal_privacy_review', shot: 'privacy-review-priya' });
      await review(page, scenario, { ...request, user: 'ethan', filter: 'Ethics reviews', taskKey: 'task_ethics_review' });
      assert.equal((await deploymentDecision('ben', 3, '3.0.0')).status, 409, 'reviews done, not approved yet');
      await review(page, scenario, { ...request, user: 'oscar', filter: 'Product owner approvals', taskKey: 'task_accountable_approval' });
      assert.equal((await deploymentDecision('ben', 3, '3.0.0')).status, 409, 'the board has not signed off yet');
      await review(page, scenario, { ...request, user: 'grace', filter: 'Board sign-offs and escalations', taskKey: 'task_board_signoff', shot: 'board-signoff-grace' });
      const decision = await deploymentDecision('ben', 3, '3.0.0');
      assert.equal(decision.status, 200, JSON.stringify(decision.body));
      assert.equal(decision.body.approvedBy, 'grace');
    });
  });
});
