// The widgets on an intranet page with no token in it: `webwork-gateway` serves the page and the
// widget folder and answers the widgets' reads with its own service token (an allow-list, a shared
// cache), and their writes only for a person signed in through its OAuth session. An in-memory
// sandbox stands in for the real API. Also: a page of another site embedding the widgets, allowed
// only through the gateway's explicit CORS list.
//
// Run by hand after `cargo xtask widgets` and `cargo build --profile native-release -p
// webwork-sandbox -p webwork-gateway`: `cd tests/widgets && node --test gateway.test.mjs`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandboxServing, startGateway, secretFile, oauthFlags, approveAs, launchBrowser, openPage, call, eventually, repo } from '../e2e/support.mjs';

const WIDGETS = process.env.WEBWORK_WIDGETS || path.join(repo, 'target/widgets');
const WEEK = '2026-02-23..2026-03-01';
const TIMER_MEMBER = 5;

/** An intranet page whose widgets talk to `base` (default: the page's own origin) in gateway mode. */
function intranetPage(base) {
  const options = base ? `{ gateway: true, baseUrl: ${JSON.stringify(base)} }` : '{ gateway: true }';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet</title>
<link rel="stylesheet" href="./webwork-widgets.css">
<script type="module">
  import { WebWorkWidgets } from './webwork-widgets.js';
  WebWorkWidgets.configure(${options});
</script></head>
<body>
  <webwork-team-status workspace-id="1" limit="3"></webwork-team-status>
  <webwork-hours-chart workspace-id="1" range="${WEEK}"></webwork-hours-chart>
  <webwork-timer workspace-id="1" member-id="${TIMER_MEMBER}"></webwork-timer>
</body></html>`;
}

let sandbox;
let browser;
let folder;

before(async () => {
  // The built widget folder plus two pages of ours: the gateway hashes their inline scripts into
  // its Content-Security-Policy at start, so they must be files, not routed responses.
  folder = mkdtempSync(path.join(os.tmpdir(), 'webwork-widgets-gw-'));
  cpSync(WIDGETS, folder, { recursive: true });
  writeFileSync(path.join(folder, 'gateway.html'), intranetPage());
  sandbox = await startSandboxServing(['--mount', `/widgets=${folder}`], ['--access', 'reference']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

function widgetGateway(extra = []) {
  return startGateway(sandbox, [
    '--widgets',
    folder,
    '--service-token-file',
    secretFile('service-token', 'demo-owner\n'),
    ...oauthFlags(sandbox),
    ...extra,
  ]);
}

async function waitState(page, element, state) {
  await eventually(`${element} to be ${state}`, async () => (await page.locator(`${element} section.widget`).first().getAttribute('data-state')) === state);
}

test('a visitor sees the widgets without any token in the page; writes need a signed-in person', async () => {
  const gateway = await widgetGateway();
  const { context, page, problems } = await openPage(browser);
  const csp = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  const sent = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v2/')) sent.push(r.headers());
  });
  const bodies = [];
  page.on('response', async (r) => {
    if (r.url().includes('/api/v2/')) bodies.push(JSON.stringify(r.headers()) + (await r.text().catch(() => '')));
  });
  try {
    await page.goto(`${gateway.origin}/widgets/gateway.html`);
    await waitState(page, 'webwork-team-status', 'ready');
    await waitState(page, 'webwork-hours-chart', 'ready');
    await waitState(page, 'webwork-timer', 'ready');
    const report = await call(sandbox, 'demo-owner', 'GET', '/reports/tracked-hours?workspace_id=1&start_date=2026-02-23&end_date=2026-03-01');
    assert.equal(await page.locator('webwork-hours-chart .summary').textContent(), `${new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(report.total.total_minutes / 60)} h in all`);
    assert.ok(sent.length > 0);
    assert.deepEqual(sent.filter((h) => h.authorization), [], 'the page sends no token');
    assert.ok(!bodies.some((b) => b.includes('demo-owner')), 'the service token never reaches the browser');
    assert.ok(!(await page.content()).includes('demo-owner'));
    assert.deepEqual(csp, [], 'the widgets work under the gateway CSP');

    // Start is a write: without a signed-in person the gateway refuses it, and nothing starts.
    await page.locator('webwork-timer').getByRole('button', { name: 'Start' }).click();
    const refusal = page.locator('webwork-timer .banner.error');
    await refusal.waitFor();
    assert.match(await refusal.textContent(), /sign in|401/i, 'the widget says why');
    const state = await call(sandbox, 'demo-owner', 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${TIMER_MEMBER}`);
    assert.notEqual(state.is_running, true, 'the service token did not write');

    // Signed in through the gateway's OAuth, the same page starts and stops the tracker.
    await page.goto(`${gateway.origin}/auth/login?return=${encodeURIComponent('/widgets/gateway.html')}`);
    await approveAs(page, 'Olivia Martin');
    await page.waitForURL(`${gateway.origin}/widgets/gateway.html`);
    await waitState(page, 'webwork-timer', 'ready');
    await page.locator('webwork-timer').getByRole('button', { name: 'Start' }).click();
    await eventually('the running timer', async () => (await page.locator('webwork-timer .timer-status').textContent()).startsWith('Tracking since'));
    assert.equal((await call(sandbox, 'demo-owner', 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${TIMER_MEMBER}`)).is_running, true);
    await page.locator('webwork-timer').getByRole('button', { name: 'Stop' }).click();
    await eventually('the stopped timer', async () => (await page.locator('webwork-timer .timer-status').textContent()).startsWith('Not tracking'));
    assert.deepEqual(problems.errors, []);
    assert.ok(!gateway.log().includes('demo-owner'), 'the service token is not logged');
  } finally {
    await context.close();
    await gateway.stop();
  }
});

test('another site embeds the widgets only when the gateway lists its origin (CORS with credentials, never *)', async () => {
  const listed = await widgetGateway(['--cors-allow-origin', sandbox.origin]);
  const unlisted = await widgetGateway();
  try {
    for (const [gateway, allowed] of [
      [listed, true],
      [unlisted, false],
    ]) {
      writeFileSync(path.join(folder, 'cross.html'), intranetPage(gateway.api));
      const { context, page } = await openPage(browser);
      try {
        await page.goto(`${sandbox.origin}/widgets/cross.html`);
        await waitState(page, 'webwork-team-status', allowed ? 'ready' : 'error');
      } finally {
        await context.close();
      }
      const preflight = await fetch(`${gateway.api}/members?workspace_id=1`, {
        method: 'OPTIONS',
        headers: { Origin: sandbox.origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-webwork-client' },
      });
      const allow = preflight.headers.get('access-control-allow-origin');
      assert.equal(allow, allowed ? sandbox.origin : null);
      assert.notEqual(allow, '*');
      if (allowed) assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    }
  } finally {
    await listed.stop();
    await unlisted.stop();
  }
});
