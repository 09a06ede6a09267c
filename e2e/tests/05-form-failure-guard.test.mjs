// The guard every scenario relies on: a task whose Camunda Form is missing makes Tasklist show "Form failure", and
// expectFormRendered must then fail. A throw-away probe process (deployed and removed again by the administrator
// over engine REST) has a user task whose formRef names no deployed form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { BASE_URL, passwordOf } from '../lib/config.mjs';
import { eventually, ok } from '../lib/api.mjs';
import { expectFormRendered, login, openFilter, openTaskCard, taskPane } from '../lib/tasklist.mjs';

const PROBE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  id="definitions_e2e_form_failure_probe" targetNamespace="http://aimsgate.io/e2e">
  <bpmn:process id="e2e-form-failure-probe" name="E2E form failure probe" isExecutable="true"
                camunda:historyTimeToLive="1">
    <bpmn:startEvent id="probe_start" />
    <bpmn:sequenceFlow id="probe_flow_1" sourceRef="probe_start" targetRef="probe_task" />
    <bpmn:userTask id="probe_task" name="Probe: form that does not exist" camunda:candidateGroups="camunda-admin"
                   camunda:formRef="e2e-form-that-does-not-exist" camunda:formRefBinding="latest" />
    <bpmn:sequenceFlow id="probe_flow_2" sourceRef="probe_task" targetRef="probe_end" />
    <bpmn:endEvent id="probe_end" />
  </bpmn:process>
</bpmn:definitions>
`;

async function deployProbe() {
  const form = new FormData();
  form.append('deployment-name', 'e2e-form-failure-probe');
  form.append('deployment-source', 'aims-gate-e2e');
  form.append('data', new Blob([PROBE], { type: 'application/xml' }), 'e2e-form-failure-probe.bpmn');
  const response = await fetch(`${BASE_URL}/engine-rest/deployment/create`, {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from(`admin:${passwordOf('admin')}`).toString('base64') },
    body: form,
  });
  const body = await response.text();
  assert.equal(response.status, 200, body);
  return JSON.parse(body);
}

describe('Form failure guard', () => {
  let browser;
  let deployment;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    if (deployment) {
      await ok('admin', 'DELETE', `/engine-rest/deployment/${deployment.id}?cascade=true`).catch(() => {});
    }
    await browser?.close();
  });

  test('a task whose form is missing shows "Form failure", and the check fails the test', async () => {
    const { page } = browser;
    await showingFailure(page, 'form-guard', async () => {
      deployment = await deployProbe();
      const instance = await ok('admin', 'POST', '/engine-rest/process-definition/key/e2e-form-failure-probe/start', {});
      const [task] = await eventually(
        async () => {
          const tasks = await ok('admin', 'GET', `/engine-rest/task?processInstanceId=${instance.id}`);
          return tasks.length > 0 && tasks;
        },
        { what: 'the probe task' },
      );
      await login(page, 'admin');
      await openFilter(page, "My group's tasks");
      await openTaskCard(page, task.id);
      await assert.rejects(expectFormRendered(taskPane(page)), /Tasklist shows a form failure/);
      await screenshot(page, 'form-guard', 'form-failure-detected');
    });
  });
});
