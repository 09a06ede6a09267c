// Prepares the Keycloak server that run.sh started for the Keycloak login scenario: waits until the imported realm
// answers, lets the webapp client redirect back to the AIMS Gate node under test, and creates one test user in a
// RACI group. Uses Keycloak's admin REST API with the bootstrap administrator.
// env: KC_URL, KC_ADMIN, KC_ADMIN_PASSWORD, APP_URL, E2E_USER, E2E_PASSWORD, E2E_GROUP, [KC_REALM]
const { KC_URL, KC_ADMIN, KC_ADMIN_PASSWORD, APP_URL, E2E_USER, E2E_PASSWORD, E2E_GROUP } = process.env;
const REALM = process.env.KC_REALM ?? 'aims-gate';

async function waitForRealm(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${KC_URL}/realms/${REALM}/.well-known/openid-configuration`);
      if (response.ok) {
        return;
      }
    } catch {
      // still starting
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Keycloak realm ${REALM} at ${KC_URL} did not answer within ${timeoutMs / 1000} s`);
}

async function adminToken() {
  const response = await fetch(`${KC_URL}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: KC_ADMIN, password: KC_ADMIN_PASSWORD }),
  });
  if (!response.ok) {
    throw new Error(`admin token: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

async function admin(token, method, path, body) {
  const response = await fetch(`${KC_URL}/admin/realms/${REALM}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok && response.status !== 409) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

await waitForRealm(Number(process.env.KC_WAIT_SECONDS ?? 240) * 1000);
const token = await adminToken();
const [webapp] = await admin(token, 'GET', '/clients?clientId=aims-gate-webapp');
const redirect = `${APP_URL}/*`;
if (!webapp.redirectUris.includes(redirect)) {
  webapp.redirectUris = [...webapp.redirectUris, redirect];
  await admin(token, 'PUT', `/clients/${webapp.id}`, webapp);
}
await admin(token, 'POST', '/users', {
  username: E2E_USER,
  enabled: true,
  email: `${E2E_USER}@e2e.example`,
  emailVerified: true,
  firstName: 'Kim',
  lastName: 'Keycloak',
  groups: [`/${E2E_GROUP}`],
  credentials: [{ type: 'password', value: E2E_PASSWORD, temporary: false }],
});
console.log(`Keycloak ready: user ${E2E_USER} in /${E2E_GROUP}, redirect ${redirect}`);
