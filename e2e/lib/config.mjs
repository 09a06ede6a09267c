// Where the platform under test runs and where screenshots go; all from the environment (see README.md).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.AIMS_E2E_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const CHROMIUM = process.env.AIMS_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.AIMS_E2E_SCREENSHOTS ?? path.join(here, '..', 'screenshots');
/** Demo passwords (profile demo); the same defaults as application-demo.yml. */
export const DEMO_PASSWORD = process.env.AIMS_DEMO_PASSWORD ?? 'demo';
export const ADMIN_PASSWORD = process.env.AIMS_DEMO_ADMIN_PASSWORD ?? 'admin';
/** How long one UI step may take (a slow CI machine renders Tasklist in a few seconds). */
export const STEP_TIMEOUT = Number(process.env.AIMS_E2E_STEP_TIMEOUT_MS ?? 30000);

export function passwordOf(user) {
  return user === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD;
}
