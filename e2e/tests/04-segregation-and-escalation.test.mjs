// Scenario 3: segregation of duties and escalation.
// - The submitter (olivia) cannot take her own request's Accountable approval: Tasklist shows the engine's refusal;
//   another product owner (oscar) can.
// - An incident's containment is overdue (reported over REST, its SLA timer job fired as admin over REST): the
//   board's escalation task appears in the governance board's Tasklist filter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { approveOverRest, deploymentDecision, eventually, ok, tasksOfRequest } from '../lib/api.mjs';
import {
  activeFilter,
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

describe('Scenario 3: segregation of duties and escalation', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('olivia submitted Support Chat Assistant 1.4.0 and cannot approve it; oscar can', async () => {
    const { page } = browser;
    const scenario = 'segregation';
    await showingFailure(page, scenario, async () => {
      // Set-up (not the subject here): the demo request's two reviews, done over engine REST.
      for (const [user, key] of [['mia', 'task_technical_review'], ['sam', 'task_security_review']]) {
        for (const task of await tasksOfRequest(user, 2, '1.4.0', key)) {
          await approveOverRest(user, task.id, `${user}: reviewed for the segregation-of-duties scenario.`);
        }
      }
      const [approval] = await eventually(
        async () => {
          const tasks = await tasksOfRequest('olivia', 2, '1.4.0', 'task_accountable_approval');
          return tasks.length > 0 && tasks;
        },
        { what: 'the Accountable approval of 2:1.4.0' },
      );

      await login(page, 'olivia');
      await openFilter(page, 'Product owner approvals');
      await openTaskCard(page, approval.id);
      await expectFormRendered(taskPane(page), ['AI system', 'Model version', 'Decision', 'Rationale (required)']);
      const refusal = await claim(page);
      assert.ok(refusal, 'olivia, the submitter, was able to claim her own approval');
      assert.match(refusal, /Segregation of duties: olivia submitted this request and cannot approve it/);
      await screenshot(page, scenario, 'submitter-refused-olivia');
      const [still] = await tasksOfRequest('oscar', 2, '1.4.0', 'task_accountable_approval');
      assert.equal(still?.assignee ?? null, null, 'the refused claim left the task unassigned');

      await login(page, 'oscar');
      await openFilter(page, 'Product owner approvals');
      await openTaskCard(page, approval.id);
      await expectFormRendered(taskPane(page), ['AI system', 'Model version', 'Decision', 'Rationale (required)']);
      assert.equal(await claim(page), null);
      await fillReview(page, 'APPROVE', 'oscar: both reviews approved; residual risk accepted for the chat assistant.');
      assert.equal(await complete(page), null);
      assert.equal((await deploymentDecision('ben', 2, '1.4.0')).status, 200);
    });
  });

  test("an overdue containment appears in the governance board's filter", async () => {
    const { page } = browser;
    const scenario = 'escalation';
    await showingFailure(page, scenario, async () => {
      const title = `Approval rate drift on bureau segment (e2e ${Date.now()})`;
      const incident = await ok('mia', 'POST', '/api/incidents', {
        systemId: 1,
        versionLabels: ['2.1.0'],
        type: 'MODEL_DRIFT',
        title,
        description: 'Approval rate for one bureau segment drifted 12 points within a week (e2e scenario).',
        detectedAt: new Date(Date.now() - 60_000).toISOString(),
      });
      assert.ok(incident.processInstanceId, JSON.stringify(incident));

      // Fire the containment SLA timer now instead of waiting for it: admin executes the timer job over REST.
      const instance = await ok('admin', 'GET', `/engine-rest/process-instance/${incident.processInstanceId}`);
      const [definition] = await ok(
        'admin',
        'GET',
        `/engine-rest/job-definition?processDefinitionId=${instance.definitionId}&activityIdIn=timer_containment_sla`,
      );
      assert.ok(definition, 'the containment SLA timer has a job definition');
      const jobs = await ok(
        'admin',
        'GET',
        `/engine-rest/job?processInstanceId=${incident.processInstanceId}&timers=true&jobDefinitionId=${definition.id}`,
      );
      assert.equal(jobs.length, 1, `one containment SLA timer: ${JSON.stringify(jobs)}`);
      await ok('admin', 'POST', `/engine-rest/job/${jobs[0].id}/execute`);

      const [escalation] = await eventually(
        async () => {
          const tasks = await ok(
            'grace',
            'GET',
            `/engine-rest/task?processInstanceId=${incident.processInstanceId}&taskDefinitionKey=task_escalate_containment`,
          );
          return tasks.length > 0 && tasks;
        },
        { what: 'the containment escalation task' },
      );

      await login(page, 'grace');
      assert.equal(await activeFilter(page), "My group's tasks", 'grace lands on her groups\' tasks');
      await openFilter(page, 'Board sign-offs and escalations');
      assert.equal(await openTaskCard(page, escalation.id), 'Containment overdue: board review');
      const pane = taskPane(page);
      await expectFormRendered(pane, ['Incident', 'Severity', 'Board instruction']);
      assert.equal(await pane.getByLabel('Incident', { exact: true }).inputValue(), title);
      assert.match(await pane.getByLabel('Severity', { exact: true }).inputValue(), /^SEV[1-4]$/);
      assert.equal(await claim(page), null);
      await fillStable([[pane.getByLabel('Board instruction'), 'Roll back to the previous scorecard today and report back by 17:00.']]);
      await screenshot(page, scenario, 'containment-overdue-grace');
      assert.equal(await complete(page), null);
      // The containment task itself stays open with the ML engineers (the timer does not interrupt it).
      const containment = await ok(
        'mia',
        'GET',
        `/engine-rest/task?processInstanceId=${incident.processInstanceId}&taskDefinitionKey=task_contain_incident`,
      );
      assert.equal(containment.length, 1);
    });
  });
});
