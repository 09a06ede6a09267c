// Scenario 11, the AI management system's policies in Tasklist (issue 18):
// - the governance board approves a policy version: the demo's data governance policy has passed its legal and
//   ethics reviews; grace opens "Governance board approval of the policy" in her board filter, sees the policy and
//   its text read-only, approves with a rationale, and the version is published (GET /api/policies/...).
// - a user acknowledges a policy: oscar finds "Acknowledge the policy" of the demo's AI policy in "My tasks", reads
//   it, ticks the confirmation and completes the task; the acknowledgement tracking then lists him as acknowledged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { eventually, ok } from '../lib/api.mjs';
import {
  claim,
  complete,
  expectFormRendered,
  fillReview,
  fillStable,
  login,
  openFilter,
  openTaskCard,
  taskPane,
} from '../lib/tasklist.mjs';

/** The one open task of a policy version's process with this key, as the user sees it over the engine API. */
async function policyTask(user, documentKey, versionNumber, taskKey, assignee) {
  const version = await ok(user, 'GET', `/api/policies/${documentKey}/versions/${versionNumber}`);
  return eventually(
    async () => {
      const query = `/engine-rest/task?processInstanceId=${version.processInstanceId}&taskDefinitionKey=${taskKey}`
        + (assignee ? `&assignee=${assignee}` : '');
      const tasks = await ok(user, 'GET', query);
      return tasks.length === 1 ? tasks[0] : undefined;
    },
    { what: `${taskKey} of ${documentKey} v${versionNumber} for ${user}` },
  );
}

describe('Scenario 11: policies approved and acknowledged in Tasklist', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the governance board approves the data governance policy (grace)', async () => {
    const { page } = browser;
    const scenario = 'policy-board-approval';
    await showingFailure(page, scenario, async () => {
      const before = await ok('grace', 'GET', '/api/policies/data-governance-policy/versions/1');
      assert.equal(before.status, 'IN_REVIEW');
      const task = await policyTask('grace', 'data-governance-policy', 1, 'task_board_approval');

      await login(page, 'grace');
      await openFilter(page, 'Board sign-offs and escalations');
      await openTaskCard(page, task.id);
      const pane = taskPane(page);
      await expectFormRendered(pane, ['Policy', 'Version', 'Text of this version (Markdown)', 'Decision',
        'Rationale (required)']);
      assert.equal(await pane.getByLabel('Policy', { exact: true }).inputValue(), 'Data governance policy for AI');
      assert.equal(await pane.getByLabel('Text of this version (Markdown)').isEditable(), false,
        'the text is read-only');
      assert.match(await pane.getByLabel('Text of this version (Markdown)').inputValue(), /Every dataset/);
      assert.equal(await claim(page), null, 'grace could not claim the board approval');
      await fillReview(page, 'APPROVE', 'grace: legal and ethics reviewed it; the board approves publication.');
      await screenshot(page, scenario, 'board-approval-grace');
      assert.equal(await complete(page), null, 'grace could not complete the board approval');

      const published = await eventually(async () => {
        const version = await ok('ben', 'GET', '/api/policies/data-governance-policy/versions/1');
        return version.status === 'PUBLISHED' ? version : undefined;
      }, { what: 'data governance policy v1 published' });
      const board = published.decisions.find((d) => d.taskKey === 'task_board_approval');
      assert.equal(board.decidedBy, 'grace');
      assert.equal(board.decision, 'APPROVE');
      assert.ok(published.acknowledgements.pending.includes('oscar'), 'oscar is asked to acknowledge it');
    });
  });

  test('a user acknowledges the AI policy in "My tasks" (oscar)', async () => {
    const { page } = browser;
    const scenario = 'policy-acknowledgement';
    await showingFailure(page, scenario, async () => {
      const before = await ok('oscar', 'GET', '/api/policies/ai-policy/versions/1/acknowledgements');
      assert.ok(before.pending.includes('oscar'), `oscar has yet to acknowledge: ${JSON.stringify(before.pending)}`);
      const task = await policyTask('oscar', 'ai-policy', 1, 'task_acknowledge_policy', 'oscar');

      await login(page, 'oscar');
      await openFilter(page, 'My tasks');
      await openTaskCard(page, task.id);
      const pane = taskPane(page);
      await expectFormRendered(pane, ['Policy', 'Text of this version (Markdown)',
        'I have read this policy version and will apply it']);
      assert.equal(await pane.getByLabel('Policy', { exact: true }).inputValue(), 'AI policy');
      assert.match(await pane.getByLabel('Text of this version (Markdown)').inputValue(), /## Commitments/);
      await fillStable([[pane.getByLabel('I have read this policy version and will apply it'), true]]);
      await screenshot(page, scenario, 'acknowledge-oscar');
      assert.equal(await complete(page), null, 'oscar could not complete his acknowledgement');

      const after = await eventually(async () => {
        const tracking = await ok('ben', 'GET', '/api/policies/ai-policy/versions/1/acknowledgements');
        return tracking.pending.includes('oscar') ? undefined : tracking;
      }, { what: 'oscar acknowledged the AI policy' });
      const oscar = after.people.find((p) => p.userId === 'oscar');
      assert.ok(oscar.acknowledgedAt, 'his acknowledgement has a time');
      assert.equal(after.acknowledged, before.acknowledged + 1);
    });
  });
});
