// The embeddable widgets end to end: Chromium opens the demo intranet page (web/examples/
// intranet.html, built into target/widgets by `cargo xtask widgets`) at /widgets/ of an in-memory
// demo sandbox, and every widget is checked against direct API calls.
//
// Run by hand: `cargo xtask widgets && cargo build --profile native-release -p webwork-sandbox`,
// then `cd tests/widgets && node --test`. WEBWORK_WIDGETS overrides the bundle folder.
//
// The sandbox's "today" is 2026-03-04 (support.mjs) while the browser's clock is the machine's,
// so the tests set the date attributes (range, month) to the demo data's dates; that the widgets
// then load again is itself part of what is tested.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startSandboxServing, launchBrowser, openPage, call, eventually, repo } from '../e2e/support.mjs';

const WIDGETS = process.env.WEBWORK_WIDGETS || path.join(repo, 'target/widgets');
const WEEK = '2026-02-23..2026-03-01';
const WEEK_FROM = '2026-02-23';
const WEEK_TO = '2026-03-01';
const MONTH = '2026-03';
const APPROVALS_RANGE = '2026-01-01..2026-03-04';
const TIMER_MEMBER = 5;

let sandbox;
let browser;

before(async () => {
  if (!existsSync(path.join(WIDGETS, 'webwork-widgets.js'))) {
    throw new Error(`${WIDGETS}/webwork-widgets.js is missing; run \`cargo xtask widgets\` first`);
  }
  sandbox = await startSandboxServing(['--mount', `/widgets=${WIDGETS}`]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** Serves `html` at /widgets/NAME (beside the bundle, so its relative imports resolve) and opens it. */
async function openTestPage(page, name, html) {
  await page.route(`${sandbox.origin}/widgets/${name}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${sandbox.origin}/widgets/${name}`);
}

/** The state a widget shows (`data-state` of its frame, inside the shadow root). */
function frame(page, element) {
  return page.locator(`${element} section.widget`).first();
}

async function waitState(page, element, state) {
  await eventually(`${element} to be ${state}`, async () => (await frame(page, element).getAttribute('data-state')) === state);
}

/** Opens the intranet page as `token` and points the date attributes at the demo data. */
async function openIntranet(token = 'demo-owner') {
  const opened = await openPage(browser);
  await opened.page.goto(`${sandbox.origin}/widgets/?token=${token}`);
  await opened.page.evaluate(
    ({ WEEK, MONTH, APPROVALS_RANGE }) => {
      document.querySelector('webwork-hours-chart').setAttribute('range', WEEK);
      document.querySelector('webwork-leave-calendar').setAttribute('month', MONTH);
      document.querySelector('webwork-approvals').setAttribute('range', APPROVALS_RANGE);
    },
    { WEEK, MONTH, APPROVALS_RANGE },
  );
  return opened;
}

// Numbers and dates as the widgets write them in English: the browser's Intl in `en`.
const hours = (minutes) => new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(minutes / 60);
const fullName = (m) => `${m.firstname.trim()} ${m.lastname.trim()}`.trim() || m.email;

/** Sums of a tracked-hours report per user id. */
function minutesPerUser(report) {
  const per = new Map();
  for (const day of Object.values(report.dates ?? {})) {
    for (const row of day.users) per.set(row.user_id, (per.get(row.user_id) ?? 0) + row.total_minutes);
  }
  return per;
}

/** The chart's totals as { name: minutes }, read in one go (it may be re-rendering). */
function legend(page) {
  return page.locator('webwork-hours-chart').evaluate((el) =>
    Object.fromEntries(
      [...el.shadowRoot.querySelectorAll('.totals li')].map((li) => [
        li.querySelector('.total-name').textContent,
        Number(li.querySelector('.total-value').dataset.minutes),
      ]),
    ),
  );
}

test('every widget renders the sandbox data', async () => {
  const { context, page, problems } = await openIntranet();
  try {
    const owner = 'demo-owner';
    const members = await call(sandbox, owner, 'GET', '/members?workspace_id=1&per_page=100');

    // Timer: member 5 is not tracking; today's minutes and the contract picker come from the API.
    await waitState(page, 'webwork-timer', 'ready');
    const state = await call(sandbox, owner, 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${TIMER_MEMBER}`);
    const status = await page.locator('webwork-timer .timer-status').textContent();
    assert.match(status, /Not tracking/);
    const minutes = state.total_minutes;
    const today = minutes === 0 ? '0 min' : `${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)} h` : ''}${minutes % 60 ? ` ${minutes % 60} min` : ''}`.trim();
    assert.ok(status.endsWith(today), `${status} ends with ${today}`);
    const contracts = await call(sandbox, owner, 'GET', `/contracts?workspace_id=1&user_id=${TIMER_MEMBER}&status=active&per_page=100`);
    const options = await page.locator('webwork-timer select').first().locator('option').allTextContents();
    assert.deepEqual(options, ['No contract', ...contracts.map((c) => c.project_name)]);
    assert.ok(contracts.length >= 2, 'the demo member has contracts on projects 1 and 2');

    // Team status: the first 8 active members who track, each with their tracker's state.
    await waitState(page, 'webwork-team-status', 'ready');
    const shown = members.filter((m) => m.status === 'active' && m.current_role !== 'Project viewer').slice(0, 8);
    const names = await page.locator('webwork-team-status .person-name').allTextContents();
    assert.deepEqual([...names].sort(), shown.map(fullName).sort());
    let working = 0;
    for (const m of shown) {
      const s = await call(sandbox, owner, 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${m.id}`);
      if (s.is_running) working += 1;
    }
    assert.equal(await page.locator('webwork-team-status .summary').textContent(), `${working} of ${shown.length} working now`);

    // Hours chart: the week's total and each member's hours, as the report says.
    await eventually('the chart of the demo week', async () => (await page.locator('webwork-hours-chart .chart-head h3').textContent()).includes('Feb 23'));
    await waitState(page, 'webwork-hours-chart', 'ready');
    const report = await call(sandbox, owner, 'GET', `/reports/tracked-hours?workspace_id=1&start_date=${WEEK_FROM}&end_date=${WEEK_TO}`);
    assert.ok(report.total.total_minutes > 0, 'the demo week has time');
    assert.equal(await page.locator('webwork-hours-chart .summary').textContent(), `${hours(report.total.total_minutes)} h in all`);
    const expected = {};
    for (const [id, m] of minutesPerUser(report)) expected[fullName(members.find((x) => x.id === id))] = m;
    assert.deepEqual(await legend(page), expected);
    // More than eight members: the chart (webwork-ui's StackedBarChart) stacks the seven largest
    // and "Others" (issue 21: 40 near-identical colours otherwise); the table view keeps everyone.
    const perUser = minutesPerUser(report);
    assert.ok(perUser.size > 8, `the demo week has more than eight members with time (${perUser.size})`);
    const drawn = await page.locator('webwork-hours-chart .chart-legend li').allTextContents();
    assert.equal(drawn.length, 8, `legend: ${drawn}`);
    assert.equal(drawn[7], 'Others');
    const largest = [...perUser.values()].sort((a, b) => b - a).slice(0, 7);
    assert.deepEqual(drawn.slice(0, 7).map((name) => expected[name]).sort((a, b) => b - a), largest, 'the seven largest are drawn');
    // A bar segment per drawn member and day with time, plus one for the others that day.
    const topIds = new Set([...perUser.keys()].filter((id) => drawn.slice(0, 7).includes(fullName(members.find((x) => x.id === id)))));
    const segments = Object.values(report.dates).reduce((n, day) => {
      const ids = new Set(day.users.filter((u) => u.total_minutes > 0).map((u) => u.user_id));
      return n + [...ids].filter((id) => topIds.has(id)).length + ([...ids].some((id) => !topIds.has(id)) ? 1 : 0);
    }, 0);
    assert.equal(await page.locator('webwork-hours-chart svg.chart-svg rect').count(), segments);
    // Its table view shows the same numbers, a column for every member.
    await page.locator('webwork-hours-chart').getByRole('button', { name: 'Table view' }).click();
    assert.equal(await page.locator('webwork-hours-chart table.chart-table tbody tr').count(), 7);
    assert.equal(await page.locator('webwork-hours-chart table.chart-table thead th').count(), perUser.size + 2, 'day, every member, total');

    // Leave calendar: every approved or pending leave touching March, by name.
    await eventually('the March calendar', async () => (await page.locator('webwork-leave-calendar caption').textContent().catch(() => '')) === 'Away in March 2026');
    const leaves = (await call(sandbox, owner, 'GET', '/leaves?workspace_id=1&date_from=2026-03-01&date_to=2026-03-31&per_page=100')).filter((l) => l.status !== 'rejected');
    assert.ok(leaves.length > 0, 'the demo data has leave in March');
    const leaveNames = await page.locator('webwork-leave-calendar tr.leave .person-name').allTextContents();
    assert.deepEqual([...leaveNames].sort(), leaves.map((l) => fullName(members.find((m) => m.id === l.user_id))).sort());
    assert.equal(await page.locator('webwork-leave-calendar tr.leave[data-pending="true"]').count(), leaves.filter((l) => l.status === 'pending').length);

    // Approvals: submitted timesheets and pending time requests of the range.
    const sheets = await call(sandbox, owner, 'GET', '/timesheets?workspace_id=1&status=submitted&per_page=100');
    const requests = await call(sandbox, owner, 'GET', '/time-requests?workspace_id=1&status=pending&date_from=2026-01-01&date_to=2026-03-04&per_page=100');
    assert.ok(sheets.length > 0 && requests.length > 0, 'the demo data has both waiting');
    await eventually('the approvals of the range', async () => (await page.locator('webwork-approvals .summary').textContent().catch(() => '')) === `${sheets.length + requests.length} waiting`);
    assert.equal(await page.locator('webwork-approvals li[data-kind="timesheet"]').count(), sheets.length);
    assert.equal(await page.locator('webwork-approvals li[data-kind="time-request"]').count(), requests.length);

    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('the timer starts and stops a tracker, and the sandbox shows it', async () => {
  const { context, page, problems } = await openIntranet();
  try {
    await waitState(page, 'webwork-timer', 'ready');
    const contractSelect = page.locator('webwork-timer select').first();
    const contracts = await call(sandbox, 'demo-owner', 'GET', `/contracts?workspace_id=1&user_id=${TIMER_MEMBER}&status=active&per_page=100`);
    await contractSelect.selectOption(String(contracts[0].id));
    const tasks = await call(sandbox, 'demo-owner', 'GET', `/tasks?workspace_id=1&contract_id=${contracts[0].id}&per_page=100`);
    const taskSelect = page.locator('webwork-timer select').nth(1);
    await eventually('the contract\'s tasks', async () => (await taskSelect.locator('option').count()) === tasks.length + 1);
    await taskSelect.selectOption(String(tasks[0].id));
    await page.locator('webwork-timer').getByRole('button', { name: 'Start' }).click();

    await eventually('the running timer', async () => (await page.locator('webwork-timer .timer-status').textContent()).startsWith('Tracking since'));
    const running = await call(sandbox, 'demo-owner', 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${TIMER_MEMBER}`);
    assert.equal(running.is_running, true);
    assert.equal(running.contract_id, contracts[0].id);
    assert.equal(running.task_id, tasks[0].id);
    assert.equal(await page.locator('webwork-timer .timer-what').textContent(), `${contracts[0].project_name} · ${tasks[0].title}`);

    // Team status, pointed at the member, shows them working on that project.
    await page.evaluate((id) => document.querySelector('webwork-team-status').setAttribute('member-ids', String(id)), TIMER_MEMBER);
    await eventually('the member working in team status', async () => (await page.locator('webwork-team-status .person').count()) === 1 && (await page.locator('webwork-team-status .person').getAttribute('data-working')) === 'true');
    assert.match(await page.locator('webwork-team-status .person-detail').textContent(), new RegExp(contracts[0].project_name));

    await page.locator('webwork-timer').getByRole('button', { name: 'Stop' }).click();
    await eventually('the stopped timer', async () => (await page.locator('webwork-timer .timer-status').textContent()).startsWith('Not tracking'));
    const stopped = await call(sandbox, 'demo-owner', 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${TIMER_MEMBER}`);
    assert.notEqual(stopped.is_running, true);
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('approvals approve and reject, and the sandbox records both', async () => {
  const { context, page, problems } = await openIntranet();
  try {
    const requests = await call(sandbox, 'demo-owner', 'GET', '/time-requests?workspace_id=1&status=pending&date_from=2026-01-01&date_to=2026-03-04&per_page=100');
    const sheets = await call(sandbox, 'demo-owner', 'GET', '/timesheets?workspace_id=1&status=submitted&per_page=100');
    const total = requests.length + sheets.length;
    await eventually('the approvals', async () => (await page.locator('webwork-approvals .summary').textContent().catch(() => '')) === `${total} waiting`);

    await page.locator('webwork-approvals li[data-kind="time-request"]').first().getByRole('button', { name: /^Approve/ }).click();
    await eventually('one fewer waiting', async () => (await page.locator('webwork-approvals .summary').textContent()) === `${total - 1} waiting`);
    const stillPending = await call(sandbox, 'demo-owner', 'GET', '/time-requests?workspace_id=1&status=pending&date_from=2026-01-01&date_to=2026-03-04&per_page=100');
    assert.equal(stillPending.length, requests.length - 1);
    const approved = requests.find((r) => !stillPending.some((p) => p.id === r.id));
    assert.equal((await call(sandbox, 'demo-owner', 'GET', `/time-requests/${approved.id}?workspace_id=1`)).status, 'approved');

    const sheet = page.locator('webwork-approvals li[data-kind="timesheet"]').first();
    await sheet.getByRole('button', { name: /^Reject/ }).click();
    const confirm = sheet.getByRole('button', { name: 'Confirm rejection' });
    assert.equal(await confirm.isDisabled(), true, 'a rejection needs a reason');
    await sheet.getByLabel('Reason (the member reads it)').fill('Hours on Friday look doubled');
    await confirm.click();
    await eventually('two fewer waiting', async () => (await page.locator('webwork-approvals .summary').textContent()) === `${total - 2} waiting`);
    const rejected = await call(sandbox, 'demo-owner', 'GET', '/timesheets?workspace_id=1&status=rejected&per_page=100');
    assert.ok(rejected.some((t) => t.reject_reason === 'Hours on Friday look doubled'));
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('changing workspace-id loads the other workspace', async () => {
  // Make demo-owner (user 1) an executive manager of workspace 2, so it may read it there.
  const me = await call(sandbox, 'demo-owner', 'GET', '/members/1?workspace_id=1');
  await call(sandbox, 'demo-other-owner', 'POST', '/members?workspace_id=2', {
    workspace_id: 2, email: me.email, firstname: me.firstname, lastname: me.lastname, role: 'Executive manager',
  });
  const { context, page, problems } = await openIntranet();
  try {
    // The legend each workspace should show, from the API: both weeks have time (workspace 2's
    // seed tracks the weekdays of the last 10 days), and not the same, so the switch is visible.
    const expectedLegend = async (token, ws) => {
      const members = await call(sandbox, token, 'GET', `/members?workspace_id=${ws}&per_page=100`);
      const report = await call(sandbox, token, 'GET', `/reports/tracked-hours?workspace_id=${ws}&start_date=${WEEK_FROM}&end_date=${WEEK_TO}`);
      const expected = {};
      for (const [id, m] of minutesPerUser(report)) expected[fullName(members.find((x) => x.id === id))] = m;
      return expected;
    };
    const ws1 = await expectedLegend('demo-owner', 1);
    const ws2 = await expectedLegend('demo-other-owner', 2);
    assert.ok(Object.keys(ws1).length > 0 && Object.keys(ws2).length > 0, 'both workspaces tracked time that week');
    assert.notDeepEqual(ws2, ws1);
    await eventually('the chart of workspace 1', async () => isDeepStrictEqual(await legend(page), ws1));

    await page.locator('#workspace').selectOption('2');
    await eventually('the chart of workspace 2', async () => isDeepStrictEqual(await legend(page), ws2));
    // The other widgets moved too: the timer's member 5 is not in workspace 2.
    await eventually('the timer in workspace 2', async () => ['error', 'refused'].includes(await frame(page, 'webwork-timer').getAttribute('data-state')));
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('an unconfigured widget says what it needs', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    // A page that loads the bundle but never calls configure.
    await openTestPage(page, 'bare.html', `<!doctype html><script type="module" src="./webwork-widgets.js"></script>
          <webwork-timer base-url="/api/v2" workspace-id="1" member-id="5"></webwork-timer>
          <webwork-leave-calendar workspace-id="1" month="${MONTH}"></webwork-leave-calendar>`);
    await waitState(page, 'webwork-timer', 'not-configured');
    assert.match(await page.locator('webwork-timer .state-note').textContent(), /WebWorkWidgets\.configure\(\{ token \}\)/);
    assert.equal(await page.locator('webwork-timer .state-note').getAttribute('role'), 'status');

    await page.evaluate(() => WebWorkWidgets.configure({ token: 'demo-owner' }));
    await waitState(page, 'webwork-timer', 'ready');
    // No base-url attribute and none configured: it says so.
    await waitState(page, 'webwork-leave-calendar', 'not-configured');
    assert.match(await page.locator('webwork-leave-calendar .state-note').textContent(), /base-url/);

    // A missing or malformed attribute is named; fixing it loads.
    await page.evaluate(() => document.querySelector('webwork-timer').removeAttribute('member-id'));
    await eventually('the member-id note', async () => /set member-id/.test(await page.locator('webwork-timer .state-note').textContent().catch(() => '')));
    await page.evaluate(() => document.querySelector('webwork-timer').setAttribute('member-id', 'five'));
    await eventually('the malformed member-id note', async () => /member-id must be/.test(await page.locator('webwork-timer .state-note').textContent().catch(() => '')));
    await page.evaluate(() => WebWorkWidgets.configure({ token: 'demo-owner', baseUrl: '/api/v2' }));
    await waitState(page, 'webwork-leave-calendar', 'ready');

    // Disconnecting unmounts (the view leaves the shadow root); connecting again mounts once.
    await page.evaluate(() => {
      window.calendar = document.querySelector('webwork-leave-calendar');
      window.calendar.remove();
    });
    assert.equal(await page.evaluate(() => window.calendar.shadowRoot.querySelectorAll('section.widget').length), 0);
    await page.evaluate(() => document.body.append(window.calendar));
    await waitState(page, 'webwork-leave-calendar', 'ready');
    assert.equal(await page.evaluate(() => window.calendar.shadowRoot.querySelectorAll('section.widget').length), 1);
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('a demo-regular token shows the refusal state', async () => {
  // The regular user submits their pending timesheet, so the approvals list shows one of theirs.
  const own = await call(sandbox, 'demo-regular', 'GET', '/timesheets?workspace_id=1&status=pending&per_page=100');
  assert.ok(own.length > 0, 'the demo member has a pending timesheet');
  await call(sandbox, 'demo-regular', 'PUT', `/timesheets/${own[0].id}/submit?workspace_id=1`, { workspace_id: 1 });
  const { context, page, problems } = await openIntranet('demo-regular');
  try {
    for (const element of ['webwork-timer', 'webwork-team-status', 'webwork-hours-chart']) {
      await waitState(page, element, 'refused');
      assert.match(await page.locator(`${element} [role="alert"]`).textContent(), /Not allowed.*403/s);
    }
    // What a regular user may read still shows: their own leave, their own waiting timesheet...
    await eventually('the calendar', async () => ['ready', 'empty'].includes(await frame(page, 'webwork-leave-calendar').getAttribute('data-state')));
    await waitState(page, 'webwork-approvals', 'ready');
    const sheet = page.locator('webwork-approvals li[data-kind="timesheet"]').first();
    assert.equal(await sheet.locator('.person-name').textContent(), "Seán O'Brien");
    // ...but approving it is refused at the row, which stays, and the sandbox keeps it submitted.
    const submitted = () => call(sandbox, 'demo-owner', 'GET', '/timesheets?workspace_id=1&user_id=5&status=submitted&per_page=100');
    const before = (await submitted()).map((t) => t.id).sort();
    const rows = await page.locator('webwork-approvals li[data-kind="timesheet"]').count();
    assert.equal(rows, before.length);
    await sheet.getByRole('button', { name: /^Approve/ }).click();
    await eventually('the refusal at the row', async () => /Not allowed/.test(await sheet.locator('[role="alert"]').textContent().catch(() => '')));
    assert.equal(await page.locator('webwork-approvals li[data-kind="timesheet"]').count(), rows);
    assert.deepEqual((await submitted()).map((t) => t.id).sort(), before);
    // Switching the page's token to the owner lifts the refusal everywhere.
    await page.locator('#token').selectOption('demo-owner');
    await waitState(page, 'webwork-timer', 'ready');
    await waitState(page, 'webwork-hours-chart', 'ready');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('a token provider is asked again after a 401', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await openTestPage(page, 'provider.html', `<!doctype html><script type="module">
            import { WebWorkWidgets } from './webwork-widgets.js';
            window.asked = 0;
            // The first token has expired (the sandbox answers 401); the provider's next one works.
            WebWorkWidgets.configure({ baseUrl: '/api/v2', tokenProvider: () => Promise.resolve(++window.asked === 1 ? 'expired-token' : 'demo-owner') });
          </script>
          <webwork-leave-calendar workspace-id="1" month="${MONTH}"></webwork-leave-calendar>`);
    await waitState(page, 'webwork-leave-calendar', 'ready');
    assert.equal(await page.evaluate(() => window.asked), 2);
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('gateway mode: no token in the page, requests carry X-WebWork-Client and no Authorization', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    const seen = [];
    // The test plays the gateway at the page's own origin: it records what the page sends and
    // adds the token itself, as webwork-gateway does from its session.
    await page.route(
      (url) => url.origin === sandbox.origin && url.pathname.startsWith('/api/v2/'),
      async (route) => {
        const headers = route.request().headers();
        seen.push([headers.authorization ?? null, headers['x-webwork-client'] ?? null]);
        await route.continue({ headers: { ...headers, authorization: 'Bearer demo-owner' } });
      },
    );
    // No base-url anywhere: gateway mode defaults to the page's origin + /api/v2.
    await openTestPage(page, 'gateway.html', `<!doctype html><script type="module">
            import { WebWorkWidgets } from './webwork-widgets.js';
            WebWorkWidgets.configure({ gateway: true });
          </script>
          <webwork-leave-calendar workspace-id="1" month="${MONTH}"></webwork-leave-calendar>`);
    await waitState(page, 'webwork-leave-calendar', 'ready');
    assert.ok(seen.length >= 1, 'the widget called the API through the page origin');
    assert.deepEqual(
      seen.filter(([authorization, client]) => authorization !== null || client !== '1'),
      [],
    );
    const html = await page.content();
    assert.ok(!html.includes('demo-owner'), 'no token anywhere in the page');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('loading, error with Retry, and empty states', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    let release;
    const held = new Promise((r) => (release = r));
    // The first leave list waits, then fails with a 500 (not retried); later ones pass.
    let first = true;
    await page.route(`${sandbox.origin}/api/v2/leaves?**`, async (route) => {
      if (!first) return route.continue();
      first = false;
      await held;
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ success: false, message: 'Database on fire' }) });
    });
    await openTestPage(page, 'states.html', `<!doctype html><script type="module">
            import { WebWorkWidgets } from './webwork-widgets.js';
            WebWorkWidgets.configure({ token: 'demo-owner', baseUrl: '/api/v2' });
          </script>
          <webwork-leave-calendar workspace-id="1" month="${MONTH}"></webwork-leave-calendar>`);
    await waitState(page, 'webwork-leave-calendar', 'loading');
    assert.equal(await frame(page, 'webwork-leave-calendar').getAttribute('aria-busy'), 'true');
    release();
    await waitState(page, 'webwork-leave-calendar', 'error');
    const banner = page.locator('webwork-leave-calendar [role="alert"]');
    assert.match(await banner.textContent(), /Server error.*Database on fire/s);
    await banner.getByRole('button', { name: 'Retry' }).click();
    await waitState(page, 'webwork-leave-calendar', 'ready');

    // A month nobody is away.
    const june = await call(sandbox, 'demo-owner', 'GET', '/leaves?workspace_id=1&date_from=2025-06-01&date_to=2025-06-30&per_page=100');
    assert.equal(june.filter((l) => l.status !== 'rejected').length, 0);
    await page.evaluate(() => document.querySelector('webwork-leave-calendar').setAttribute('month', '2025-06'));
    await waitState(page, 'webwork-leave-calendar', 'empty');
    assert.equal(await page.locator('webwork-leave-calendar .empty-title').textContent(), 'Nobody is away in June 2025.');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});
