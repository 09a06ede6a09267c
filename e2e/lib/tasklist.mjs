// What an approver does in Camunda Tasklist, step by step, as page helpers. Every task or start form that is
// opened is checked to have rendered its Camunda Form: Tasklist's "Form failure" alert fails the test.
import assert from 'node:assert/strict';
import { BASE_URL, passwordOf, STEP_TIMEOUT } from './config.mjs';

export const TASKLIST = `${BASE_URL}/camunda/app/tasklist/`;

/**
 * Fills inputs and keeps checking that they hold their values: on a busy machine AngularJS or form-js may re-render
 * an input right after it was filled and drop the value. fields: [locator, value] pairs; value true checks a radio or
 * checkbox.
 */
export async function fillStable(fields) {
  for (let attempt = 1; ; attempt += 1) {
    for (const [locator, value] of fields) {
      if (value === true) {
        await locator.check();
      } else if ((await locator.inputValue()) !== value) {
        await locator.fill(value);
      }
    }
    await fields[0][0].page().waitForTimeout(300);
    let lost = null;
    for (const [locator, value] of fields) {
      const holds = value === true ? await locator.isChecked() : (await locator.inputValue()) === value;
      if (!holds) {
        lost = locator;
        break;
      }
    }
    if (!lost) {
      return;
    }
    if (attempt === 5) {
      assert.fail(`an input did not keep its value after ${attempt} attempts: ${lost}`);
    }
  }
}

/** Logs in through a webapp's own login form (the demo profile's Camunda identity); app: tasklist, cockpit, admin. */
export async function loginAt(page, app, user) {
  await page.context().clearCookies();
  await page.goto(`${BASE_URL}/camunda/app/${app}/`);
  const brand = page.locator('[cam-widget-header] .navbar-brand .brand-name');
  for (let attempt = 1; ; attempt += 1) {
    // The first visit of a freshly started platform is the slowest page load of a run.
    await page.getByPlaceholder('Username').waitFor({ timeout: 3 * STEP_TIMEOUT });
    await fillStable([
      [page.getByPlaceholder('Username'), user],
      [page.getByPlaceholder('Password'), passwordOf(user)],
    ]);
    await page.getByRole('button', { name: 'Log in' }).click();
    try {
      await brand.waitFor({ timeout: attempt < 3 ? STEP_TIMEOUT / 2 : STEP_TIMEOUT });
      return;
    } catch (error) {
      if (attempt === 3 || !(await page.getByPlaceholder('Username').isVisible())) {
        throw error;
      }
    }
  }
}

/** Logs in to Tasklist and waits for its filters. */
export async function login(page, user) {
  await loginAt(page, 'tasklist', user);
  await filters(page).first().waitFor();
}

export function filters(page) {
  return page.locator('[cam-tasklist-filters] .task-filter');
}

/** A filter's name without Tasklist's task counter. */
function filterName(anchor) {
  return anchor.evaluate((a) =>
    [...a.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .trim(),
  );
}

/** Names of the filters shown, in Tasklist's order (by priority). */
export async function filterNames(page) {
  await filters(page).first().waitFor();
  const anchors = await filters(page).locator('h4.name a').all();
  return Promise.all(anchors.map(filterName));
}

/** The filter Tasklist focused (the landing filter right after login, or the one clicked). */
export async function activeFilter(page) {
  const active = page.locator('[cam-tasklist-filters] .task-filter.active h4.name a');
  await active.waitFor();
  return filterName(active);
}

export async function openFilter(page, name) {
  const names = await filterNames(page);
  const index = names.indexOf(name);
  assert.ok(index >= 0, `filter '${name}' is not shown; Tasklist shows: ${names.join(', ')}`);
  await filters(page).nth(index).locator('h4.name a').click();
  const deadline = Date.now() + STEP_TIMEOUT;
  while ((await activeFilter(page)) !== name) {
    if (Date.now() > deadline) {
      assert.fail(`filter '${name}' did not become active`);
    }
    await page.waitForTimeout(200);
  }
}

function card(page, taskId) {
  return page.locator('ol.tasks-list li.task').filter({ has: page.locator(`a[href*="task=${taskId}"]`) });
}

/**
 * Finds a task's card in the current filter's list (the list refreshes itself; a reload picks up tasks created
 * moments ago) and opens it. Returns the card's title.
 */
export async function openTaskCard(page, taskId) {
  const deadline = Date.now() + STEP_TIMEOUT;
  while ((await card(page, taskId).count()) === 0) {
    if (Date.now() > deadline) {
      const titles = await page.locator('ol.tasks-list li.task h4.task').allInnerTexts();
      throw new Error(`Task ${taskId} is not in the list of filter '${await activeFilter(page)}' (cards: ${titles.join(', ') || 'none'})`);
    }
    await page.waitForTimeout(1000);
    if ((await card(page, taskId).count()) === 0) {
      const filter = await activeFilter(page);
      await page.reload();
      await filters(page).first().waitFor();
      if ((await activeFilter(page)) !== filter) {
        await openFilter(page, filter);
      }
    }
  }
  const title = (await card(page, taskId).locator('h4.task').innerText()).trim();
  await card(page, taskId).locator('h4.task a').click();
  await page.locator('[cam-tasklist-task] h2.task', { hasText: title }).waitFor();
  return title;
}

/** Visible error alerts in a scope (Tasklist keeps hidden ones in the DOM). */
async function visibleFailures(scope) {
  const alerts = scope.locator('.alert-danger');
  const texts = [];
  for (let i = 0; i < (await alerts.count()); i += 1) {
    if (await alerts.nth(i).isVisible()) {
      texts.push((await alerts.nth(i).innerText()).replace(/\s+/g, ' ').replace(/^×\s*/, '').trim());
    }
  }
  return texts;
}

/**
 * Waits until the Camunda Form in scope (the task pane or the start dialog) has rendered its fields, and fails on
 * Tasklist's "Form failure" (missing or broken form), on a form without fields, or when an expected label is missing.
 */
export async function expectFormRendered(scope, expectedLabels = []) {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const failures = (await visibleFailures(scope)).filter((text) => /form failure/i.test(text));
    if (failures.length > 0) {
      assert.fail(`Tasklist shows a form failure: ${failures.join(' | ')}`);
    }
    const fields = scope.locator('.fjs-container .fjs-form-field');
    const count = await fields.count();
    if (count > 0 && (await fields.first().isVisible())) {
      break;
    }
    if (Date.now() > deadline) {
      assert.fail('The Camunda Form did not render any field (no .fjs-form-field within the time limit)');
    }
    await scope.page().waitForTimeout(250);
  }
  const labels = (await scope.locator('.fjs-container .fjs-form-field-label').allInnerTexts()).map((l) =>
    l.replace(/\*$/, '').trim(),
  );
  for (const label of expectedLabels) {
    assert.ok(labels.includes(label), `form field '${label}' is missing; the form shows: ${labels.join(', ')}`);
  }
  return labels;
}

export function taskPane(page) {
  return page.locator('[cam-tasklist-task]');
}

/** Claims the open task; returns the Tasklist notification text when the claim was refused, else null. */
export async function claim(page) {
  const pane = taskPane(page);
  await pane.locator('button.claim').click();
  const refused = page.locator('.page-notifications .alert-danger, [notifications-panel] .alert-danger');
  const which = await Promise.race([
    refused.first().waitFor().then(() => 'refused'),
    pane.locator('button.claim').waitFor({ state: 'detached' }).then(() => 'claimed'),
  ]);
  if (which === 'refused') {
    return (await refused.first().innerText()).replace(/\s+/g, ' ').replace(/^×\s*/, '').trim();
  }
  return null;
}

/** Fills the review-decision form (decision and rationale). */
export async function fillReview(page, decision, rationale) {
  const pane = taskPane(page);
  await fillStable([
    [pane.getByLabel(decision === 'APPROVE' ? 'Approve' : 'Reject', { exact: true }), true],
    [pane.getByLabel('Rationale (required)'), rationale],
  ]);
}

/**
 * Clicks Complete and waits until Tasklist closes the completed task ("Select a task in the list."); returns the
 * error notification's text instead when the engine refused the completion.
 */
export async function complete(page) {
  const pane = taskPane(page);
  const button = pane.getByRole('button', { name: 'Complete' });
  await assertEnabled(button);
  await button.click();
  const closed = pane.locator('.no-task', { hasText: 'Select a task in the list' });
  const refused = page.locator('.page-notifications .alert-danger');
  const which = await Promise.race([
    closed.waitFor().then(() => 'done'),
    refused.first().waitFor().then(() => 'refused'),
  ]);
  if (which === 'refused') {
    return (await refused.first().innerText()).replace(/\s+/g, ' ').replace(/^×\s*/, '').trim();
  }
  return null;
}

async function assertEnabled(locator) {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) {
      assert.fail('The Complete button stayed disabled: the form is not valid or the task is not claimed');
    }
    await locator.page().waitForTimeout(200);
  }
}

/** Opens "Start process", picks the process and waits for its start form. Returns the dialog. */
export async function openStartForm(page, processName) {
  await page.locator('[cam-widget-header]').getByText('Start process').click();
  const dialog = page.locator('.modal-dialog');
  await dialog.getByRole('link', { name: processName }).click();
  await dialog.locator('h3', { hasText: `Start process: ${processName}` }).waitFor();
  return dialog;
}

/** Fills the deployment-request start form (after checking that it rendered). */
export async function fillDeploymentRequest(dialog, systemId, versionLabel, note) {
  await expectFormRendered(dialog, ['AI system id', 'Model version label', 'Submission note']);
  await fillStable([
    [dialog.getByLabel('AI system id'), String(systemId)],
    [dialog.getByLabel('Model version label'), versionLabel],
    [dialog.getByLabel('Submission note'), note],
  ]);
}

/** Submits the start dialog and waits for "The process has been started." */
export async function submitStartForm(page, dialog) {
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  const started = page.locator('.page-notifications .alert', { hasText: 'The process has been started' });
  const refused = dialog.locator('.alert-danger:visible');
  const which = await Promise.race([
    started.first().waitFor().then(() => 'started'),
    refused.first().waitFor().then(() => 'refused'),
  ]);
  if (which === 'refused') {
    assert.fail(`Starting the process was refused: ${await refused.first().innerText()}`);
  }
}
