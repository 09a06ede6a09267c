// Scenario 9, evidence from Tasklist: the gate forms list the attached evidence with download links, and link to the
// evidence page (/evidence.html), where a logged-in Tasklist user uploads (their webapp session and its CSRF token).
// - oscar opens the inception approval of a new system (created over REST, its model card uploaded by mia over REST):
//   the form lists model-card.md with a download link that downloads it; from the form's "to the system" link he
//   uploads a revised model card on the evidence page and sees it listed as revision 2 with its download link.
// - mia opens the demo's expiry reminder for the Credit Scoring Model's data lineage (expires in two weeks), follows
//   "Upload a new revision" (kind and file name filled in), uploads it, and completes the reminder as renewed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, showingFailure } from '../lib/browser.mjs';
import { BASE_URL } from '../lib/config.mjs';
import { call, eventually, ok } from '../lib/api.mjs';
import {
  claim,
  complete,
  expectFormRendered,
  fillStable,
  login,
  openFilter,
  openTaskCard,
  taskPane,
} from '../lib/tasklist.mjs';

const MY_GROUP = "My group's tasks";

async function uploadOverRest(user, systemId, kind, fileName, text) {
  const response = await fetch(
    `${BASE_URL}/api/evidence?subjectType=SYSTEM&subjectId=${systemId}&kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
    {
      method: 'POST',
      headers: {
        Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64'),
        'Content-Type': 'text/markdown',
      },
      body: text,
    },
  );
  const body = await response.text();
  assert.equal(response.status, 201, `upload of ${fileName} as ${user}: ${body}`);
  return JSON.parse(body);
}

async function onlyTask(user, query, what) {
  return eventually(
    async () => {
      const tasks = await ok(user, 'GET', `/engine-rest/task?${new URLSearchParams(query)}`);
      return tasks.length === 1 && tasks[0];
    },
    { what },
  );
}

/**
 * The evidence page's row of a file: its cells' texts and its current revision's link; with a revision, waits until
 * the list shows that revision as the current one (the page re-reads the list after an upload).
 */
async function listedFile(page, fileName, revision) {
  const row = page.locator('#files tbody tr', { has: page.getByRole('link', { name: fileName, exact: true }) });
  await row.waitFor();
  if (revision !== undefined) {
    await eventually(
      async () => (await row.locator('td').nth(2).innerText()).trim() === String(revision),
      { what: `${fileName} listed at revision ${revision}` },
    );
  }
  return { cells: await row.locator('td').allInnerTexts(), link: row.getByRole('link', { name: fileName, exact: true }) };
}

/** The link downloads exactly the expected text, with the user's session (no Basic credentials). */
async function assertDownloads(page, link, expected) {
  const href = await link.getAttribute('href');
  assert.match(href, /^\/api\/evidence\/\d+\/revisions\/\d+\/content$/);
  const response = await page.request.get(BASE_URL + href);
  assert.equal(response.status(), 200, `download ${href} with the Tasklist session`);
  assert.equal(await response.text(), expected);
}

describe('Scenario 9: evidence in the Tasklist forms and on the evidence page', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('oscar sees the model card in the inception approval form and uploads a revision from its linked page', async () => {
    const { page } = browser;
    const scenario = 'evidence-gate-form';
    await showingFailure(page, scenario, async () => {
      const system = await ok('olivia', 'POST', '/api/systems', {
        name: `E2E Evidence Candidate ${Date.now()}`,
        intendedUse: 'Suggests replies to support agents; agents edit and send them.',
        aiType: 'PREDICTIVE',
        businessOwner: 'olivia',
        businessUnit: 'Support',
        supplierType: 'IN_HOUSE',
        euAiActTier: 'MINIMAL',
        dataCategories: ['ticket texts'],
        processesPersonalData: false,
      });
      const firstCard = '# Model card\n\nIntended use: reply suggestions (e2e, revision 1).\n';
      await uploadOverRest('mia', system.id, 'MODEL_CARD', 'model-card.md', firstCard);
      const started = await ok('olivia', 'POST', '/engine-rest/process-definition/key/inception/start', {
        variables: {
          systemId: { value: system.id },
          intendedUse: { value: 'Suggests replies to support agents; agents edit and send them.' },
          affectedPeople: { value: 'Support agents and customers' },
          aiType: { value: 'PREDICTIVE' },
          prohibitedPractice: { value: 'NONE' },
          annexIIIArea: { value: 'NONE' },
          safetyComponent: { value: false },
          interactsWithPeople: { value: false },
          generatesSyntheticContent: { value: false },
        },
      });
      const approval = await onlyTask('oscar', { processInstanceId: started.id, taskDefinitionKey: 'task_accountable_approval' },
        `the inception approval of system ${system.id}`);

      await login(page, 'oscar');
      await openFilter(page, MY_GROUP);
      await openTaskCard(page, approval.id);
      const pane = taskPane(page);
      await expectFormRendered(pane, ['AI system', 'Decision', 'Rationale (required)']);
      await pane.getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
      const cardLink = pane.getByRole('link', { name: 'model-card.md', exact: true });
      await cardLink.scrollIntoViewIfNeeded();
      assert.match(await pane.locator('.fjs-form-field-text', { has: page.getByRole('link', { name: 'model-card.md', exact: true }) }).innerText(), /Model card: model-card\.md, revision 1, on the system, uploaded by mia/);
      await screenshot(page, scenario, 'approval-form-lists-evidence');
      // form-js opens a Markdown link in a new tab; what that tab gets is the link's answer to the Tasklist session
      const formLink = await cardLink.getAttribute('href');
      const fromForm = await page.request.get(BASE_URL + formLink);
      assert.equal(fromForm.status(), 200, `download ${formLink} with the Tasklist session`);
      assert.match(fromForm.headers()['content-disposition'] ?? '', /^attachment;.*filename\*=UTF-8''model-card\.md$/);
      assert.equal(await fromForm.text(), firstCard);

      // Tasklist greys out (and blocks clicks on) the form of a task nobody has claimed: oscar claims it first
      assert.equal(await claim(page), null, 'oscar could not claim the approval');
      await pane.getByRole('link', { name: 'to the system' }).click();
      await page.waitForURL(/\/evidence\.html\?subjectType=SYSTEM&subjectId=\d+/);
      const before = await listedFile(page, 'model-card.md');
      assert.equal(before.cells[0], 'MODEL_CARD');
      assert.equal(before.cells[2], '1');
      await assertDownloads(page, before.link, firstCard);

      const revised = '# Model card\n\nIntended use: reply suggestions (e2e, revised by the product owner).\n';
      await page.getByLabel('Kind').selectOption('MODEL_CARD');
      await page.getByLabel('File', { exact: true }).setInputFiles({
        name: 'model-card.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(revised, 'utf8'),
      });
      assert.equal(await page.getByLabel('File name').inputValue(), 'model-card.md');
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.locator('#status.ok', { hasText: 'Stored model-card.md as revision 2' }).waitFor();
      const after = await listedFile(page, 'model-card.md', 2);
      assert.equal(after.cells[2], '2');
      assert.match(after.cells[4], /^oscar, /);
      await assertDownloads(page, after.link, revised);
      await page.getByRole('link', { name: 'rev. 1' }).waitFor();
      await screenshot(page, scenario, 'evidence-page-revision-2');

      const listed = await ok('ben', 'GET', `/api/evidence?subjectType=SYSTEM&subjectId=${system.id}`);
      assert.equal(listed[0].current.revision, 2);
      assert.equal(listed[0].current.uploadedBy, 'oscar');
    });
  });

  test('mia renews the expiring data lineage from its reminder and completes it as renewed', async () => {
    const { page } = browser;
    const scenario = 'evidence-expiry-reminder';
    await showingFailure(page, scenario, async () => {
      const systems = await ok('mia', 'GET', `/api/systems?q=${encodeURIComponent('Credit Scoring Model')}&size=50`);
      const credit = systems.content.find((s) => s.name === 'Credit Scoring Model');
      assert.ok(credit, 'the demo has the Credit Scoring Model');
      // The demo's data lineage expires in two weeks: inside the 30-day lead, so the job executor fires the reminder.
      const reminder = await eventually(
        async () => {
          const tasks = await ok('mia', 'GET', '/engine-rest/task?processDefinitionKey=evidence-expiry&taskDefinitionKey=task_renew_evidence');
          for (const task of tasks) {
            const variables = await ok('mia', 'GET', `/engine-rest/task/${task.id}/form-variables?variableNames=systemId,fileName`);
            if (String(variables.systemId?.value) === String(credit.id) && variables.fileName?.value === 'data-lineage.md') {
              return task;
            }
          }
          return null;
        },
        { what: 'the expiry reminder of the demo data lineage', timeout: 60000 },
      );

      await login(page, 'mia');
      await openFilter(page, MY_GROUP);
      await openTaskCard(page, reminder.id);
      const pane = taskPane(page);
      await expectFormRendered(pane, ['File', 'Kind', 'Expires on', 'Decision', 'Rationale (required)']);
      assert.equal(await pane.getByLabel('File', { exact: true }).inputValue(), 'data-lineage.md');
      assert.equal(await claim(page), null, 'mia could not claim the reminder');
      await screenshot(page, scenario, 'reminder-form');

      await pane.getByRole('link', { name: 'Upload a new revision' }).click();
      await page.waitForURL(/\/evidence\.html\?subjectType=SYSTEM/);
      await listedFile(page, 'data-lineage.md');
      assert.equal(await page.getByLabel('Kind').inputValue(), 'DATA_LINEAGE');
      assert.equal(await page.getByLabel('File name').inputValue(), 'data-lineage.md');
      const renewed = '# Data lineage\n\nRe-traced after the bureau contract renewal (e2e).\n';
      await page.getByLabel('File', { exact: true }).setInputFiles({
        name: 'lineage-2027.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(renewed, 'utf8'),
      });
      assert.equal(await page.getByLabel('File name').inputValue(), 'data-lineage.md', 'the file name stays the reminder\'s');
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.locator('#status.ok', { hasText: 'Stored data-lineage.md as revision 2' }).waitFor();
      await assertDownloads(page, (await listedFile(page, 'data-lineage.md', 2)).link, renewed);

      await page.getByRole('link', { name: 'Back to Tasklist' }).click();
      await openFilter(page, 'My tasks');
      await openTaskCard(page, reminder.id);
      await expectFormRendered(pane, ['Decision']);
      await fillStable([
        [pane.getByLabel('Renewed: a new revision is uploaded'), true],
        [pane.getByLabel('Rationale (required)'), 'mia: lineage re-traced after the bureau contract renewal.'],
      ]);
      assert.equal(await complete(page), null, 'mia could not complete the reminder as renewed');
      const gone = await call('mia', 'GET', `/engine-rest/task/${reminder.id}`);
      assert.equal(gone.status, 404);
    });
  });
});
