// Scenario 4, life-cycle gates in Tasklist: the gates' Camunda Forms render and submit in the real Tasklist.
// - Inception of Candidate Screening Assistant (demo data, high-risk tier): olivia fills the six-part impact
//   assessment and completes it; ethan approves the ethics review on the lifecycle-review form.
// - V&V of Demand Forecaster (demo data, accuracy below its objective): oscar sees the breach summary read-only on
//   the validation-approval form and approves.
// - A new inception: olivia starts "Inception" from Tasklist's start form for a system created over REST (no
//   prohibited practice, no Annex III area: minimal tier), oscar approves; the system has then passed INCEPTION.
// Which task belongs to which system comes from the system's life-cycle view (/api/systems/{id}/lifecycle).
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
  openStartForm,
  openTaskCard,
  submitStartForm,
  taskPane,
} from '../lib/tasklist.mjs';

const REVIEW_LABELS = ['AI system', 'Decision', 'Rationale (required)'];
const IMPACT_PARTS = {
  '1. System context': 'Ranking model inside the applicant tracking system; recruiters see the rank and its reasons.',
  '2. Stakeholders affected': 'Job applicants (including people with disabilities and career breaks), recruiters, HR.',
  '3. Ethics and bias': 'Selection rates compared per sex and age band; CV gaps and postcodes removed as proxies.',
  '4. Recourse and human oversight': 'Recruiters read every application; applicants may ask for a human re-assessment.',
  '5. Safety and governance': 'No safety-critical use; the governance board signs off every major version (e2e).',
  '6. Performance thresholds': 'Re-assess when precision@20 < 0.70 or the selection-rate ratio falls below 0.80.',
};

async function systemNamed(name) {
  const page = await ok('olivia', 'GET', `/api/systems?q=${encodeURIComponent(name)}&size=50`);
  const system = page.content.find((s) => s.name === name);
  assert.ok(system, `system '${name}' is in the inventory: ${JSON.stringify(page.content.map((s) => s.name))}`);
  return system;
}

/** Waits for an open task of a gate of the system (from its life-cycle view) and returns it. */
function openGateTask(systemId, gate, taskKey) {
  return eventually(
    async () => {
      const view = await ok('olivia', 'GET', `/api/systems/${systemId}/lifecycle`);
      const run = view.inProgress.find((r) => r.gate === gate);
      return run?.openTasks.find((t) => t.taskKey === taskKey);
    },
    { what: `${taskKey} of ${gate} of system ${systemId}` },
  );
}

function openTaskKeys(view, gate) {
  return view.inProgress.filter((r) => r.gate === gate).flatMap((r) => r.openTasks.map((t) => t.taskKey));
}

/** Picks an option of a form-js select (a drop-down list, not a native <select>) by its label. */
async function choose(scope, fieldLabel, optionLabel) {
  const field = scope
    .locator('.fjs-form-field-select')
    .filter({ has: scope.page().locator('.fjs-form-field-label', { hasText: fieldLabel }) });
  assert.equal(await field.count(), 1, `one select labelled '${fieldLabel}'`);
  for (let attempt = 1; ; attempt += 1) {
    await field.locator('.fjs-input-group').click();
    await field.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
    const shown = (await field.locator('.fjs-select-display').innerText()).trim();
    if (shown === optionLabel) {
      return;
    }
    if (attempt === 3) {
      assert.fail(`select '${fieldLabel}' shows '${shown}' instead of '${optionLabel}'`);
    }
  }
}

/** No "Form failure" alert anywhere on the page. */
async function assertNoFormFailure(page) {
  const failures = await page.locator('.alert-danger:visible', { hasText: /form failure/i }).allInnerTexts();
  assert.deepEqual(failures, [], `Tasklist shows a form failure: ${failures.join(' | ')}`);
}

/** Opens a task from a filter, checks its form, claims it. Returns the task pane. */
async function openAndClaim(page, user, filter, taskId, labels) {
  await login(page, user);
  await openFilter(page, filter);
  await openTaskCard(page, taskId);
  const pane = taskPane(page);
  await expectFormRendered(pane, labels);
  assert.equal(await claim(page), null, `${user} could not claim task ${taskId}`);
  return pane;
}

describe('Scenario 4: life-cycle gate forms in Tasklist', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('inception of Candidate Screening Assistant: impact assessment (olivia), ethics review (ethan)', async () => {
    const { page } = browser;
    const scenario = 'lifecycle-impact';
    await showingFailure(page, scenario, async () => {
      const system = await systemNamed('Candidate Screening Assistant');
      const assessment = await openGateTask(system.id, 'INCEPTION', 'task_impact_assessment');

      const pane = await openAndClaim(page, 'olivia', 'Product owner approvals', assessment.taskId, [
        'AI system',
        'EU AI Act tier',
        ...Object.keys(IMPACT_PARTS),
        'Summary (required)',
      ]);
      assert.equal(await pane.getByLabel('AI system', { exact: true }).inputValue(), system.name);
      assert.equal(await pane.getByLabel('EU AI Act tier').inputValue(), 'HIGH');
      assert.equal(await pane.getByLabel('EU AI Act tier').isEditable(), false, 'the tier is read-only');
      for (const part of Object.keys(IMPACT_PARTS)) {
        assert.ok(await pane.getByLabel(part).isVisible(), `part '${part}' is visible`);
      }
      await fillStable([
        ...Object.entries(IMPACT_PARTS).map(([label, text]) => [pane.getByLabel(label), text]),
        [pane.getByLabel('Summary (required)'), 'Impact assessed with HR and the works council (e2e run).'],
      ]);
      await pane.getByLabel('1. System context').scrollIntoViewIfNeeded();
      await screenshot(page, scenario, 'impact-assessment-olivia');
      assert.equal(await complete(page), null, 'olivia could not complete the impact assessment');
      await assertNoFormFailure(page);

      const ethics = await openGateTask(system.id, 'INCEPTION', 'task_ethics_review');
      const open = openTaskKeys(await ok('olivia', 'GET', `/api/systems/${system.id}/lifecycle`), 'INCEPTION');
      assert.ok(!open.includes('task_impact_assessment'), `the impact assessment is done: ${open}`);
      assert.ok(open.includes('task_legal_review'), `the legal review runs in parallel: ${open}`);

      const review = await openAndClaim(page, 'ethan', 'Ethics reviews', ethics.taskId, REVIEW_LABELS);
      assert.equal(await review.getByLabel('AI system', { exact: true }).inputValue(), system.name);
      await fillReview(page, 'APPROVE', 'ethan: bias testing per sex and age band is adequate; recruiters stay in charge.');
      await screenshot(page, scenario, 'ethics-review-ethan');
      assert.equal(await complete(page), null, 'ethan could not complete the ethics review');
      await assertNoFormFailure(page);

      const left = openTaskKeys(await ok('olivia', 'GET', `/api/systems/${system.id}/lifecycle`), 'INCEPTION');
      assert.deepEqual(left, ['task_legal_review'], 'only the legal review is left');
    });
  });

  test('V&V of Demand Forecaster: oscar sees the threshold breach read-only and approves', async () => {
    const { page } = browser;
    const scenario = 'lifecycle-validation';
    await showingFailure(page, scenario, async () => {
      const system = await systemNamed('Demand Forecaster');
      const approval = await openGateTask(system.id, 'VERIFICATION_AND_VALIDATION', 'task_accountable_approval');

      const pane = await openAndClaim(page, 'oscar', 'Product owner approvals', approval.taskId, [
        'AI system',
        'Model version',
        'Threshold breaches',
        'Breaches against the objectives',
        ...REVIEW_LABELS.slice(1),
      ]);
      assert.equal(await pane.getByLabel('AI system', { exact: true }).inputValue(), system.name);
      assert.equal(await pane.getByLabel('Model version').inputValue(), '0.9.0');
      assert.ok(Number(await pane.getByLabel('Threshold breaches').inputValue()) >= 1, 'at least one breach');
      const summary = pane.getByLabel('Breaches against the objectives');
      assert.match(await summary.inputValue(), /accuracy = 0\.74 < /);
      assert.equal(await summary.isEditable(), false, 'the breach summary is read-only');
      await fillReview(page, 'APPROVE', 'oscar: accuracy breach accepted for V&V; its risk must be treated before deployment.');
      await summary.scrollIntoViewIfNeeded();
      await screenshot(page, scenario, 'validation-approval-oscar');
      assert.equal(await complete(page), null, 'oscar could not complete the V&V approval');
      await assertNoFormFailure(page);

      const view = await eventually(
        async () => {
          const v = await ok('olivia', 'GET', `/api/systems/${system.id}/lifecycle`);
          return v.stagesPassed.includes('VERIFICATION_AND_VALIDATION') && v;
        },
        { what: `VERIFICATION_AND_VALIDATION in the stages passed of system ${system.id}` },
      );
      assert.deepEqual(openTaskKeys(view, 'VERIFICATION_AND_VALIDATION'), []);
    });
  });

  test('a new inception started from the Tasklist start form (NONE/NONE) is approved by oscar', async () => {
    const { page } = browser;
    const scenario = 'lifecycle-inception';
    await showingFailure(page, scenario, async () => {
      const name = `E2E Inception Candidate ${Date.now()}`;
      const system = await ok('olivia', 'POST', '/api/systems', {
        name,
        intendedUse: 'Suggests products to customers; staff can override.',
        aiType: 'PREDICTIVE',
        businessOwner: 'olivia',
        businessUnit: 'Retail',
        supplierType: 'IN_HOUSE',
        euAiActTier: 'MINIMAL',
        dataCategories: ['usage logs', 'product catalogue'],
        processesPersonalData: false,
      });
      assert.ok(system.id, JSON.stringify(system));

      await login(page, 'olivia');
      const dialog = await openStartForm(page, 'Inception');
      await expectFormRendered(dialog, [
        'AI system id',
        'Type of AI system',
        'Intended use',
        'Affected people',
        'Prohibited AI practice (Art. 5(1))',
        'High-risk use case (Annex III)',
      ]);
      await fillStable([
        [dialog.getByLabel('AI system id'), String(system.id)],
        [dialog.getByLabel('Intended use'), 'Suggests products to shop customers; staff can override every suggestion.'],
        [dialog.getByLabel('Affected people'), 'Shop customers and the sales staff who confirm orders.'],
      ]);
      await choose(dialog, 'Type of AI system', 'Recommendation');
      await choose(dialog, 'Prohibited AI practice (Art. 5(1))', 'None of these');
      await choose(dialog, 'High-risk use case (Annex III)', 'None of these');
      await screenshot(page, scenario, 'inception-start-olivia');
      await submitStartForm(page, dialog);
      await assertNoFormFailure(page);

      const approval = await openGateTask(system.id, 'INCEPTION', 'task_accountable_approval');
      const pane = await openAndClaim(page, 'oscar', 'Product owner approvals', approval.taskId, REVIEW_LABELS);
      assert.equal(await pane.getByLabel('AI system', { exact: true }).inputValue(), name);
      await fillReview(page, 'APPROVE', 'oscar: minimal tier confirmed; no prohibited practice, no Annex III use.');
      await screenshot(page, scenario, 'inception-approval-oscar');
      assert.equal(await complete(page), null, 'oscar could not complete the inception approval');
      await assertNoFormFailure(page);

      const view = await eventually(
        async () => {
          const v = await ok('olivia', 'GET', `/api/systems/${system.id}/lifecycle`);
          return v.stagesPassed.includes('INCEPTION') && v;
        },
        { what: `INCEPTION in the stages passed of system ${system.id}` },
      );
      assert.equal(view.euAiActTier, 'MINIMAL');
      assert.equal(view.gates.INCEPTION, 'PASSED');
    });
  });
});
