// The admin panel deployed the way a customer runs it against the real API: the built panel
// (dist/) served by `webwork-gateway`, which forwards /api/v2 to an in-memory sandbox standing in
// for the real API (its OAuth2 emulation, short token lifetimes and the reference's access rule).
// Run by hand after `trunk build --release` and `cargo build --profile native-release -p
// webwork-sandbox -p webwork-gateway`: `cd tests/e2e && node --test gateway.test.mjs`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startSandboxServing,
  startGateway,
  oauthFlags,
  approveAs,
  launchBrowser,
  openPage,
  signIn,
  call,
  unique,
  eventually,
  repo,
} from './support.mjs';

const DIST = process.env.WEBWORK_DIST || path.join(repo, 'dist');
// Short lifetimes, so expiry, a silent refresh and a refused refresh all happen within the test.
const ACCESS_TTL = 3;
const REFRESH_TTL = 9;

let sandbox;
let browser;

before(async () => {
  [sandbox, browser] = await Promise.all([
    startSandboxServing([], ['--access', 'reference', '--access-token-ttl', String(ACCESS_TTL), '--refresh-token-ttl', String(REFRESH_TTL)]),
    launchBrowser(),
  ]);
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** A gateway with OAuth, in front of the sandbox, serving the panel. */
function oauthGateway(extra = []) {
  return startGateway(sandbox, ['--panel', DIST, ...oauthFlags(sandbox), ...extra]);
}

/** Records Content-Security-Policy violations and failed page loads of `page`. */
function watchConsole(page) {
  const csp = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  return csp;
}

test('the panel through the gateway with a personal token: no CORS, the CSP holds, nothing stored but the token the person chose', async () => {
  const gateway = await startGateway(sandbox, ['--panel', DIST]);
  const { context, page, problems } = await openPage(browser);
  const csp = watchConsole(page);
  try {
    const index = await fetch(`${gateway.origin}/signin`);
    assert.equal(index.status, 200, 'SPA fallback serves the panel at any path');
    const policy = index.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src[^;]*'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /'unsafe-eval'/);
    assert.match(index.headers.get('cache-control') ?? '', /no-cache/);

    await signIn(page, { origin: gateway.origin, api: gateway.api }, 'demo-owner');
    await page.getByRole('grid', { name: 'Members' }).getByRole('link', { name: 'Olivia Martin' }).waitFor();
    assert.deepEqual(csp, [], 'the panel works under the gateway CSP');
    assert.deepEqual(problems.errors, []);
    const log = gateway.log();
    assert.match(log, /"path":"\/api\/v2\/members"/, 'the access log has the call');
    assert.ok(!log.includes('demo-owner'), 'the token is never logged');
    assert.ok(!/workspace_id=/.test(log), 'nor the query string');
  } finally {
    await context.close();
    await gateway.stop();
  }
});

test('a role the API refuses sees one screen that says why', async () => {
  const gateway = await startGateway(sandbox, ['--panel', DIST]);
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${gateway.origin}/signin`);
    await page.getByLabel('API base URL').fill(gateway.api);
    await page.getByLabel('Personal access token').fill('demo-regular');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\/1\/members$/);
    const screen = page.getByRole('alert').filter({ hasText: 'does not open this workspace to your role' });
    await screen.waitFor();
    const text = await screen.innerText();
    assert.match(text, /owners and executive managers only/);
    assert.match(text, /Regular User/);
    assert.equal(await page.getByRole('grid').count(), 0, 'no list of refusals behind it');
    // Every page of the workspace shows the same screen, not a 403 banner each.
    await page.getByRole('link', { name: 'Projects' }).click();
    await screen.waitFor();
    assert.equal(await page.locator('.banner.error').count(), 0);
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
    await gateway.stop();
  }
});

test('Sign in with WebWork: the token stays on the gateway, refreshes unnoticed, and an ended session keeps the form', async () => {
  const gateway = await oauthGateway();
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${gateway.origin}/signin`);
    await page.getByRole('link', { name: 'Sign in with WebWork' }).click();
    await page.waitForURL((url) => url.origin === sandbox.origin && url.pathname === '/oauth/authorize');
    assert.equal(new URL(page.url()).searchParams.get('client_id'), 'demo-client');
    assert.equal(new URL(page.url()).searchParams.get('client_secret'), null, 'the secret never travels through the browser');
    await approveAs(page, 'Olivia Martin');
    await page.waitForURL(`${gateway.origin}/w/1/members`);
    await page.getByRole('grid', { name: 'Members' }).getByRole('link', { name: 'Olivia Martin' }).waitFor();

    // The browser holds an HttpOnly cookie and no token.
    const cookies = await context.cookies(gateway.origin);
    const session = cookies.find((c) => c.name === 'webwork_session');
    assert.ok(session, 'a session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.secure, true);
    assert.equal(session.sameSite, 'Lax');
    const stored = await page.evaluate(() => ({ all: JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie, session: sessionStorage.getItem('webwork.session') }));
    assert.ok(!stored.all.includes(session.value), 'the cookie is not readable by the page');
    const kept = JSON.parse(stored.session);
    assert.equal(kept.gateway, true, 'the tab remembers a gateway session');
    assert.equal(kept.token, '', 'and holds no token');

    // The access token expires; the next page loads anyway (the gateway refreshed it).
    await page.waitForTimeout((ACCESS_TTL + 1) * 1000);
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { name: 'Projects', exact: true }).waitFor();
    await page.getByRole('grid', { name: 'Projects' }).getByRole('link').first().waitFor();
    assert.equal(await page.getByRole('dialog', { name: 'Sign in again' }).count(), 0, 'nobody was asked to sign in');

    // A form is half done when the refresh token itself expires.
    const name = unique('Kept ');
    await page.getByRole('link', { name: 'New project' }).click();
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.waitForTimeout((REFRESH_TTL + 1) * 1000);
    await page.getByRole('button', { name: 'Create project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.waitFor();
    // The page behind the modal is inert (out of the accessibility tree), so the field is read by its name.
    assert.equal(await page.locator('main input[name=name]').inputValue(), name, 'the form keeps what was typed');

    // Sign in again in a popup; the dialog notices and closes, the form is still there.
    const [popup] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Sign in with WebWork' }).click()]);
    await approveAs(popup, 'Olivia Martin');
    await popup.waitForEvent('close', { timeout: 15_000 });
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), name);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    const projects = await call(sandbox, 'demo-owner', 'GET', '/projects?workspace_id=1&per_page=100');
    assert.equal(projects.filter((p) => p.name === name).length, 1, 'the project exists once');

    // Signing out ends the gateway's session too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    const after = await page.evaluate(() => fetch('/auth/session').then((r) => r.json()));
    assert.equal(after.signed_in, false);
    assert.deepEqual(problems.errors, []);

    const log = gateway.log();
    for (const secret of ['demo-secret', session.value]) assert.ok(!log.includes(secret), 'no secret or cookie value in the log');
    assert.ok(!/code=|access_token|refresh_token/.test(log), 'no OAuth code or token in the log');
  } finally {
    await context.close();
    await gateway.stop();
  }
});

test('a state-changing call with the session cookie from another site is refused (CSRF)', async () => {
  const gateway = await oauthGateway();
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${gateway.origin}/auth/login?return=/signed-in`);
    await approveAs(page, 'Olivia Martin');
    await page.waitForURL(`${gateway.origin}/signed-in`);
    // Another origin on the same site (another port of 127.0.0.1) posts to the gateway: SameSite
    // does not stop the cookie there, so only the gateway's CSRF check (no X-WebWork-Client header,
    // a foreign Origin) stands between the post and a new project.
    await page.goto(`${sandbox.origin}/api/v2/openapi.json`);
    const before = (await call(sandbox, 'demo-owner', 'GET', '/projects?workspace_id=1&per_page=100')).length;
    const status = await page.evaluate(async (target) => {
      const r = await fetch(target, {
        method: 'POST',
        credentials: 'include',
        mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ workspace_id: 1, name: 'csrf' }),
      });
      return r.type;
    }, `${gateway.api}/projects?workspace_id=1`);
    assert.equal(status, 'opaque');
    const afterCount = (await call(sandbox, 'demo-owner', 'GET', '/projects?workspace_id=1&per_page=100')).length;
    assert.equal(afterCount, before, 'no project was created by the cross-site post');
    // The same call from the gateway's own origin with the panel's header works.
    await page.goto(`${gateway.origin}/signed-in`);
    const own = await page.evaluate(async () => {
      const r = await fetch('/api/v2/projects?workspace_id=1', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-WebWork-Client': '1' },
        body: JSON.stringify({ workspace_id: 1, name: `same-origin ${Date.now()}` }),
      });
      return r.status;
    });
    assert.equal(own, 201);
  } finally {
    await context.close();
    await gateway.stop();
  }
});
