// HTTP Basic calls to AIMS Gate's REST API and Camunda's engine REST API: the pipeline check, test set-up that is
// not the subject of a scenario, and the oracle that tells which Tasklist card belongs to which request.
import { BASE_URL, passwordOf } from './config.mjs';

export async function call(user, method, path, body) {
  const headers = { Authorization: 'Basic ' + Buffer.from(`${user}:${passwordOf(user)}`).toString('base64') };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(BASE_URL + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { raw: text };
  }
  return { status: response.status, body: json };
}

export async function ok(user, method, path, body) {
  const result = await call(user, method, path, body);
  if (result.status >= 300) {
    throw new Error(`${method} ${path} as ${user}: ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body;
}

/** The pipeline check: GET /api/systems/{id}/versions/{v}/deployment-decision. */
export function deploymentDecision(user, systemId, versionLabel) {
  return call(user, 'GET', `/api/systems/${systemId}/versions/${encodeURIComponent(versionLabel)}/deployment-decision`);
}

/**
 * Open tasks of one deployment request visible to the user, found by the request's process variables (requests
 * started from the Tasklist start form have no business key).
 */
export async function tasksOfRequest(user, systemId, versionLabel, taskDefinitionKey) {
  const query = new URLSearchParams({
    processDefinitionKey: 'deployment-approval',
    processVariables: `versionLabel_eq_${versionLabel}`,
  });
  if (taskDefinitionKey) {
    query.set('taskDefinitionKey', taskDefinitionKey);
  }
  const tasks = await ok(user, 'GET', `/engine-rest/task?${query}`);
  const ofSystem = [];
  for (const task of tasks) {
    const variables = await ok(user, 'GET', `/engine-rest/task/${task.id}/form-variables?variableNames=systemId,versionLabel`);
    if (String(variables.systemId?.value) === String(systemId)) {
      ofSystem.push(task);
    }
  }
  return ofSystem;
}

/** The one open task of a process instance with this key, as the user sees it over engine REST (polls for it). */
export function openTaskOf(user, processInstanceId, taskDefinitionKey) {
  return eventually(
    async () => {
      const tasks = await ok(user, 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${taskDefinitionKey}`);
      return tasks.length === 1 ? tasks[0] : null;
    },
    { what: `${taskDefinitionKey} of ${processInstanceId} visible to ${user}` },
  );
}

/** Claims and completes a review task over engine REST: set-up for a scenario about something else. */
export async function approveOverRest(user, taskId, rationale) {
  await ok(user, 'POST', `/engine-rest/task/${taskId}/claim`, { userId: user });
  await ok(user, 'POST', `/engine-rest/task/${taskId}/complete`, {
    variables: { decision: { value: 'APPROVE' }, rationale: { value: rationale } },
  });
}

/** Polls until fn returns a truthy value (or throws the last error). */
export async function eventually(fn, { timeout = 20000, interval = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}
