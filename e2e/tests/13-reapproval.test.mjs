// Scenario 13, re-approval after a material change (issue 17): an approval is bound to the state the approvers saw.
// The demo's Warehouse Route Optimiser 1.0.0 is approved for production; mia uploads a new revision of its model card
// (required evidence of the deployment gate), which invalidates the approval: the pipeline check by digest and
// environment answers 409 naming the change, and a re-approval runs in the deployment gate. mia opens its technical
// review in Tasklist and the review form shows why the approval was invalidated and the difference between the state
// the approval was bound to and the state now; she approves it there, sam and oscar approve over REST, and the pipeline
// check answers 200 again, bound to a new state digest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { BASE_URL, passwordOf } from '../lib/config.mjs';
import { approveOverRest, call, eventually, ok, openTaskOf } from '../lib/api.mjs';
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

const SYSTEM = 'Warehouse Route Optimiser';
const VERSION = '1.0.0';

function productionCheck(system, version) {
  return call('ben', 'GET', `/api/systems/${system.id}/versions/${encodeURIComponent(version.versionLabel)}`
    + `/deployment-decision?digest=sha256:${version.artifactSha256}&environment=production`);
}

async function uploadModelCard(user, versionId, text) {
  const response = await fetch(
    `${BASE_URL}/api/evidence?subjectType=MODEL_VERSION&subjectId=${versionId}&kind=MODEL_CARD&fileName=model-card.md`,
    {
      method: 'POST',
      headers: {
        Authorization: 'Basic ' + Buffer.from(`${user}:${passwordOf(user)}`).toString('base64'),
        'Content-Type': 'text/markdown',
      },
      body: text,
    },
  );
  const body = await response.text();
  assert.equal(response.status, 201, `model card upload as ${user}: ${body}`);
  return JSON.parse(body);
}

/** The version's one open deployment request (the re-approval). */
async function openRequest(system, version) {
  return eventually(
    async () => {
      const requests = await ok('ben', 'GET', `/api/systems/${system.id}/versions/${encodeURIComponent(version)}/deployment-requests`);
      const open = requests.filter((r) => ['IN_REVIEW', 'HALTED'].includes(r.status));
      return open.length === 1 && open[0];
    },
    { what: `the re-approval request of ${system.name} ${version}` },
  );
}

describe('Scenario 13: re-approval with the state difference in Tasklist', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a new model card revision invalidates the approval; mia sees what changed in the review form and re-approves', async () => {
    const { page } = browser;
    const scenario = 'reapproval';
    await showingFailure(page, scenario, async () => {
      const systems = await ok('ben', 'GET', `/api/systems?q=${encodeURIComponent(SYSTEM)}&size=50`);
      const system = systems.content.find((s) => s.name === SYSTEM);
      assert.ok(system, `the demo has ${SYSTEM}`);
      const version = await ok('ben', 'GET', `/api/systems/${system.id}/versions/${VERSION}`);
      assert.equal(version.status, 'APPROVED', JSON.stringify(version));

      const approved = await productionCheck(system, version);
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const boundDigest = approved.body.stateDigest;
      assert.match(boundDigest, /^sha256:[0-9a-f]{64}$/, JSON.stringify(approved.body));

      // The material change: a new revision of the deployment gate's required evidence.
      const upload = await uploadModelCard('mia', version.id,
        `# Model card: ${SYSTEM} ${VERSION}\n\nLimitations revised after the drift finding (e2e).\n`);
      const revision = upload.current?.revision ?? upload.revision;
      assert.ok(revision >= 2, `the upload is a new revision: ${JSON.stringify(upload)}`);

      const refused = await productionCheck(system, version);
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      const reasons = refused.body.reasons.join('\n');
      assert.match(reasons, /was invalidated/, reasons);
      assert.ok(reasons.includes(boundDigest), `the refusal names the digest the approval was bound to: ${reasons}`);
      assert.match(reasons, new RegExp(`New revision ${revision} of required evidence MODEL_CARD 'model-card\\.md'`), reasons);
      assert.equal((await ok('ben', 'GET', `/api/systems/${system.id}/versions/${VERSION}`)).status, 'REAPPROVAL_REQUIRED');

      const request = await openRequest(system, VERSION);
      assert.equal(request.status, 'IN_REVIEW', JSON.stringify(request));
      const pid = request.processInstanceId;
      const technical = await openTaskOf('mia', pid, 'task_technical_review');

      // Tasklist: the review form shows the reason and the difference between the approved and the current state.
      await login(page, 'mia');
      await openFilter(page, "My group's tasks");
      await openTaskCard(page, technical.id);
      const pane = taskPane(page);
      await expectFormRendered(pane, ['AI system', 'Model version', 'Decision', 'Rationale (required)']);
      assert.equal(await pane.getByLabel('AI system').inputValue(), SYSTEM);
      assert.equal(await pane.getByLabel('Model version').inputValue(), VERSION);
      const heading = pane.getByRole('heading', { name: 'Re-approval: what changed since the approval' });
      await heading.waitFor();
      const difference = pane.locator('.fjs-form-field-text', {
        has: page.getByRole('heading', { name: 'Re-approval: what changed since the approval' }),
      });
      const shown = (await difference.innerText()).replace(/\s+/g, ' ');
      assert.match(shown, new RegExp(`material change invalidated that approval: New revision ${revision} of required evidence MODEL_CARD 'model-card\\.md'`), shown);
      assert.match(shown, /Difference between the state the approval was bound to and the state now/, shown);
      assert.match(shown, new RegExp(`Required evidence MODEL_CARD 'model-card\\.md': revision ${revision - 1}\\b.*${revision}`), shown);
      assert.doesNotMatch(shown, /\{\{|\}\}/, `the form's template variables are filled in: ${shown}`);
      await difference.scrollIntoViewIfNeeded();
      await screenshot(page, scenario, 'review-form-state-difference');

      assert.equal(await claim(page), null, 'mia could not claim the technical re-review');
      await fillReview(page, 'APPROVE', `mia: revised model card ${revision} read; the limitations now cover the drift finding.`);
      assert.equal(await complete(page), null, 'mia could not complete the technical re-review');
      const left = await ok('mia', 'GET', `/engine-rest/task?processInstanceId=${pid}&taskDefinitionKey=task_technical_review`);
      assert.equal(left.length, 0, 'the technical re-review is still open');

      await approveOverRest('sam', (await openTaskOf('sam', pid, 'task_security_review')).id,
        'sam: no security impact in the revised model card; approved.');
      await approveOverRest('oscar', (await openTaskOf('oscar', pid, 'task_accountable_approval')).id,
        'oscar: re-approved on the revised model card after the reviews.');

      const reapproved = await productionCheck(system, version);
      assert.equal(reapproved.status, 200, JSON.stringify(reapproved.body));
      assert.match(reapproved.body.stateDigest, /^sha256:[0-9a-f]{64}$/);
      assert.notEqual(reapproved.body.stateDigest, boundDigest, 'the re-approval is bound to the new state');
      assert.equal((await ok('ben', 'GET', `/api/systems/${system.id}/versions/${VERSION}`)).status, 'APPROVED');
    });
  });
});
