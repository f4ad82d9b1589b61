// The panel under faults (issue 22): against a sandbox that answers 20% of API requests with a
// 503 or a dropped connection (`--fail-rate 0.2`) and delays every one (`--latency`), a person
// walks every page of the sidebar, sends every kind of form and approves timesheets in bulk.
// The panel must never show a blank page, never throw (no uncaught error, no panic), keep what
// was typed when a send fails, and never send a POST twice by itself: every POST the page
// makes is one click (reads and PUTs are retried by the client, POSTs never are).
//
// The sandbox draws its faults at random (it has no seed), so which sends fail differs from run
// to run; each form's first send is refused by the test itself (a 503 through `page.route`), so
// every form is seen keeping its values, and then it is sent until it succeeds, at most SENDS
// times (at 0.2, seven failures in a row are a 1-in-78,000 chance). Each test is its own browser
// context, so its own 60-a-minute budget of the panel (the sandbox's limit is off).

import assert from 'node:assert/strict';
import { e2eFile, signIn, call, listAll, unique, eventually, toast, sections, TODAY } from './support.mjs';

const FAIL_RATE = '0.2';
const LATENCY_MS = '40';
/** Sends of one form before the test gives up. */
const SENDS = 8;

let sandbox;
const e2e = e2eFile(
  (s) => {
    sandbox = s;
  },
  { flags: ['--fail-rate', FAIL_RATE, '--latency', LATENCY_MS] },
);

const OWNER = 'demo-owner';

/** A call to the faulty sandbox, sent again while the fault injection refuses it (test setup
 * and checks; the sandbox's faults happen before anything runs, so sending again is safe). */
async function api(method, pathAndQuery, body) {
  for (let i = 0; ; i += 1) {
    try {
      return await call(sandbox, OWNER, method, pathAndQuery, body);
    } catch (e) {
      if (i >= 10 || !/503|fetch failed|terminated|socket|other side closed/i.test(String(e.message ?? e) + String(e.cause ?? ''))) throw e;
    }
  }
}

/** Every row of a list, each page sent again on an injected fault. */
async function all(pathAndQuery) {
  for (let i = 0; ; i += 1) {
    try {
      return await listAll(sandbox, OWNER, pathAndQuery);
    } catch (e) {
      if (i >= 10) throw e;
    }
  }
}

/** Counts the page's write requests (POST, PUT, DELETE to the API), by "METHOD path". */
function countWrites(page) {
  const writes = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (r.method() !== 'GET' && r.method() !== 'OPTIONS' && u.pathname.startsWith('/api/v2/')) writes.push(`${r.method()} ${u.pathname}`);
  });
  return writes;
}

/** The main content is there: a heading and some text (not a blank page). */
async function assertNotBlank(page, where) {
  const main = page.locator('main');
  await main.locator('h1').first().waitFor();
  const text = (await main.innerText()).trim();
  assert.ok(text.length > 20, `${where}: the main content is not blank ("${text.slice(0, 80)}")`);
}

/**
 * Sends a form until `done` shows, at most SENDS times. After every failed send the fields hold
 * what was typed (`fields`: [locator, value] pairs), and every click made exactly one write
 * request matching `write` (a RegExp over "METHOD path"). Resolves to the number of sends.
 */
async function sendUntilDone(page, writes, { submit, done, fields, write, what }) {
  // The first send always fails (a 503 from the test, before the sandbox), so every form is
  // seen keeping its values at least once, whatever the sandbox's draws are.
  let injected = false;
  const once = (route) => {
    const r = route.request();
    if (injected || !write.test(`${r.method()} ${new URL(r.url()).pathname}`)) return route.fallback();
    injected = true;
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ success: false, error: null, message: 'Injected by the test.', meta: { api_version: '2.0.0' } }),
    });
  };
  await page.route('**/api/v2/**', once);
  try {
    return await sendLoop(page, writes, { submit, done, fields, write, what });
  } finally {
    await page.unroute('**/api/v2/**', once);
  }
}

async function sendLoop(page, writes, { submit, done, fields, write, what }) {
  for (let send = 1; send <= SENDS; send += 1) {
    const before = writes.filter((w) => write.test(w)).length;
    await submit.click();
    // The answer: the success notice, or an error under the form with the button usable again.
    const outcome = await eventually(`${what}: an answer to send ${send}`, async () => {
      if (await done.isVisible()) return 'done';
      const alert = page.locator('main [role="alert"]');
      if ((await alert.count()) > 0 && (await alert.first().isVisible()) && (await submit.isEnabled().catch(() => false))) return 'failed';
      return null;
    }, 30_000);
    const sent = writes.filter((w) => write.test(w)).length - before;
    assert.equal(sent, 1, `${what}: send ${send} made ${sent} write requests (${writes.slice(-3).join(', ')})`);
    if (outcome === 'done') {
      assert.ok(send > 1, `${what}: the first send, refused, did not end the form`);
      return send;
    }
    for (const [field, value] of fields) {
      assert.equal(await field.inputValue(), value, `${what}: after failed send ${send}, a field still holds what was typed`);
    }
  }
  throw new Error(`${what}: no send of ${SENDS} succeeded`);
}

// 1. Every page of the sidebar.
e2e('every page of the sidebar shows its page under 20% failed requests: never blank, never an uncaught error', async (page) => {
  // The faults are on: some answers are 503s, some connections drop.
  const faults = { served: 0, failed: 0 };
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/v2/')) faults[r.status() === 503 ? 'failed' : 'served'] += 1;
  });
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/v2/')) faults.failed += 1;
  });
  await signIn(page, sandbox);
  const links = await sections(page).getByRole('link').allInnerTexts();
  const names = links.map((l) => l.replace(/\s*\d+$/, '').trim());
  assert.ok(names.length >= 14, `the sidebar lists the sections (${names.join(', ')})`);
  for (const name of names) {
    await sections(page).getByRole('link', { name, exact: false }).first().click();
    await page.locator('main h1').first().waitFor();
    // Settled: nothing loading any more (data, or an error banner that retries by itself).
    await eventually(`${name} to settle`, async () => (await page.locator('main [aria-busy="true"]').count()) === 0, 8_000).catch(() => {});
    await assertNotBlank(page, name);
  }
  // The detail pages too, and the report pages.
  for (const path of ['members/2', 'projects/1', 'contracts/1', 'viewers/6', 'webhooks/wh_demo_people', 'reports/tracked-hours',
    'reports/timeline', 'reports/activity', 'reports/attendance', 'reports/tasks']) {
    await page.goto(`${sandbox.origin}/w/1/${path}`);
    await assertNotBlank(page, path);
  }
  assert.ok(faults.failed > 0 && faults.served > faults.failed, `requests failed on the way (${faults.failed} of ${faults.failed + faults.served})`);
}, { timeout: 90_000 });

// 2. Members, projects, contracts, tasks, viewers, webhooks.
e2e('the forms of people and projects keep what was typed after a failed send, and each click is one POST', async (page) => {
  const writes = countWrites(page);
  await signIn(page, sandbox);
  const tag = unique('flt');

  // Invite a member.
  await page.goto(`${sandbox.origin}/w/1/members/invite`);
  const email = `${tag}@e2e.test`;
  const inv = [[page.getByLabel('E-mail'), email], [page.getByLabel('First name'), 'Fay'], [page.getByLabel('Last name'), tag]];
  for (const [f, v] of inv) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'invite', submit: page.getByRole('button', { name: 'Send invitation' }), fields: inv, write: /^POST \/api\/v2\/members$/,
    done: page.getByRole('status').filter({ hasText: 'Invitation sent' }),
  });

  // A project.
  await page.goto(`${sandbox.origin}/w/1/projects/new`);
  const projectName = `Faulty ${tag}`;
  const proj = [[page.getByRole('textbox', { name: 'Name', exact: true }), projectName], [page.getByLabel('Notes'), 'Under faults.']];
  for (const [f, v] of proj) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'project', submit: page.getByRole('button', { name: 'Create project' }), fields: proj, write: /^POST \/api\/v2\/projects$/,
    done: toast(page, `Created ${projectName}.`),
  });
  const [project] = (await all(`/projects?workspace_id=1&name=${encodeURIComponent(projectName)}`));

  // A contract on it.
  await page.goto(`${sandbox.origin}/w/1/contracts/new?project=${project.id}&member=5`);
  await page.getByLabel('Project').locator(`option[value="${project.id}"]`).waitFor({ state: 'attached' });
  await page.getByLabel('Member').locator('option[value="5"]').waitFor({ state: 'attached' });
  await page.getByLabel('Project').selectOption(String(project.id));
  await page.getByLabel('Member').selectOption('5');
  const con = [[page.getByLabel('Weekly hours limit'), '25'], [page.getByLabel('Project'), String(project.id)], [page.getByLabel('Member'), '5']];
  await con[0][0].fill('25');
  await sendUntilDone(page, writes, {
    what: 'contract', submit: page.getByRole('button', { name: 'Create contract' }), fields: con, write: /^POST \/api\/v2\/contracts$/,
    done: toast(page, 'Contract created.'),
  });

  // A task in it.
  await page.goto(`${sandbox.origin}/w/1/tasks/new?project=${project.id}`);
  const task = [[page.getByLabel('Title'), `Fix ${tag}`], [page.getByLabel('Description'), 'Typed once.']];
  for (const [f, v] of task) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'task', submit: page.getByRole('button', { name: 'Create task' }), fields: task, write: /^POST \/api\/v2\/tasks$/,
    done: toast(page, 'Task created.'),
  });

  // A project viewer.
  await page.goto(`${sandbox.origin}/w/1/viewers/new`);
  const viewer = [[page.getByLabel('E-mail'), `v.${tag}@client.test`], [page.getByLabel('First name'), 'Val'], [page.getByLabel('Last name'), tag]];
  for (const [f, v] of viewer) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'viewer', submit: page.getByRole('button', { name: 'Create viewer' }), fields: viewer, write: /^POST \/api\/v2\/project-viewers$/,
    done: toast(page, `Created Val ${tag}.`),
  });

  // A webhook.
  await page.goto(`${sandbox.origin}/w/1/webhooks/new`);
  const hookUrl = `https://hooks.example.com/${tag}`;
  const hook = [[page.getByLabel('URL'), hookUrl]];
  await hook[0][0].fill(hookUrl);
  await page.getByRole('checkbox', { name: 'member.invited' }).check();
  await sendUntilDone(page, writes, {
    what: 'webhook', submit: page.getByRole('button', { name: 'Create webhook' }), fields: hook, write: /^POST \/api\/v2\/webhooks$/,
    done: page.getByRole('status').filter({ hasText: 'Webhook created' }),
  });

  // One row each, however many sends it took.
  assert.equal((await all(`/members?workspace_id=1&email=${encodeURIComponent(email)}`)).length, 1, 'one member');
  assert.equal((await all(`/projects?workspace_id=1&name=${encodeURIComponent(projectName)}`)).length, 1, 'one project');
  assert.equal((await all(`/contracts?workspace_id=1&project_id=${project.id}`)).length, 1, 'one contract');
  assert.equal((await all(`/tasks?workspace_id=1&project_id=${project.id}`)).length, 1, 'one task');
  assert.equal((await all('/project-viewers?workspace_id=1')).filter((v) => v.email === `v.${tag}@client.test`).length, 1, 'one viewer');
  assert.equal((await all('/webhooks?workspace_id=1')).filter((h) => h.url === hookUrl).length, 1, 'one webhook');
}, { timeout: 120_000 });

// 3. Time entries, time requests, leaves, expenses; timesheets approved in bulk.
e2e('the forms of time keep what was typed after a failed send; timesheets are approved in bulk', async (page) => {
  const writes = countWrites(page);
  await signIn(page, sandbox);
  const tag = unique('tm');
  const [contract] = await api('GET', '/contracts?workspace_id=1&user_id=5&status=active');
  const monday = '2026-03-02';

  // Manual time for Seán O'Brien (5), in the night of Monday (the demo's blocks start later).
  await page.goto(`${sandbox.origin}/w/1/time-entries?member=5&from=${monday}&to=${monday}`);
  await page.getByRole('button', { name: 'Add time' }).click();
  const form = page.getByRole('form', { name: 'Add time' });
  await form.getByLabel('Project (contract)').locator(`option[value="${contract.id}"]`).waitFor({ state: 'attached' });
  await form.getByLabel('Project (contract)').selectOption(String(contract.id));
  const entry = [[form.getByRole('textbox', { name: 'Start' }), '01:00'], [form.getByRole('textbox', { name: 'End' }), '01:30'],
    [form.getByLabel('Notes'), `Night ${tag}`]];
  for (const [f, v] of entry) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'time entry', submit: form.getByRole('button', { name: 'Add time' }), fields: entry, write: /^POST \/api\/v2\/time-entries$/,
    done: toast(page, 'Added 30 min.'),
  });

  // A time request for the same member, earlier that night.
  await page.goto(`${sandbox.origin}/w/1/time-requests`);
  await page.getByRole('button', { name: 'Request time for a member' }).click();
  const req = page.getByRole('form', { name: 'Request time for a member' });
  await req.getByLabel('Member').locator('option[value="5"]').waitFor({ state: 'attached' });
  await req.getByLabel('Member').selectOption('5');
  await req.getByLabel('Date').fill(monday);
  await req.getByLabel('Contract').locator(`option[value="${contract.id}"]`).waitFor({ state: 'attached' });
  await req.getByLabel('Contract').selectOption(String(contract.id));
  const request = [[req.getByRole('textbox', { name: 'Start' }), '00:10'], [req.getByRole('textbox', { name: 'End' }), '00:40'],
    [req.getByLabel('Activity description'), `Asked ${tag}`], [req.getByLabel('Date'), monday]];
  for (const [f, v] of request.slice(0, 3)) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'time request', submit: req.getByRole('button', { name: 'File request' }), fields: request, write: /^POST \/api\/v2\/time-requests$/,
    done: toast(page, 'Time request filed'),
  });

  // A leave.
  await page.goto(`${sandbox.origin}/w/1/leaves/new`);
  await page.getByLabel('Member').locator('option[value="22"]').waitFor({ state: 'attached' });
  await page.getByLabel('Member').selectOption('22');
  await page.getByLabel('Leave type').selectOption({ label: 'Unpaid leave' });
  const leave = [[page.getByLabel('First day'), '2026-08-10'], [page.getByLabel('Last day'), '2026-08-11'], [page.getByLabel('Member'), '22']];
  for (const [f, v] of leave.slice(0, 2)) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'leave', submit: page.getByRole('button', { name: 'Request leave' }), fields: leave, write: /^POST \/api\/v2\/leaves$/,
    done: toast(page, 'Leave requested.'),
  });

  // An expense.
  await page.goto(`${sandbox.origin}/w/1/expenses/new`);
  const expenseName = `Taxi ${tag}`;
  await page.getByLabel('Category').locator('option').nth(1).waitFor({ state: 'attached' });
  await page.getByLabel('Category').selectOption({ index: 1 });
  const expense = [[page.getByLabel('Name'), expenseName], [page.getByLabel('Date'), TODAY], [page.getByLabel('Amount'), '42.5'],
    [page.getByLabel('Note'), 'Airport, late.']];
  for (const [f, v] of expense) await f.fill(v);
  await sendUntilDone(page, writes, {
    what: 'expense', submit: page.getByRole('button', { name: 'Record expense' }), fields: expense, write: /^POST \/api\/v2\/expenses$/,
    done: toast(page, `Recorded ${expenseName}.`),
  });

  // Approve two submitted timesheets at once; approving is a PUT (the client may retry it).
  const submitted = (await all('/timesheets?workspace_id=1&status=submitted')).slice(0, 2);
  assert.equal(submitted.length, 2, 'two submitted timesheets');
  const label = (t) => `${t.member.name}'s timesheet ${t.date_from} – ${t.date_to}`;
  for (let round = 1; ; round += 1) {
    await page.goto(`${sandbox.origin}/w/1/timesheets`);
    const grid = page.getByRole('grid', { name: 'Timesheets' });
    const left = [];
    for (const t of submitted) if ((await all(`/timesheets?workspace_id=1&id=${t.id}`))[0].status === 'submitted') left.push(t);
    if (left.length === 0) break;
    assert.ok(round <= 3, 'the timesheets are approved within three rounds');
    for (const t of left) await grid.getByRole('checkbox', { name: `Select ${label(t)}` }).check();
    await page.getByRole('region', { name: 'Selected timesheets' }).getByRole('button', { name: 'Approve selected' }).click();
    await page.getByRole('dialog', { name: 'Approve the selected timesheets?' }).getByRole('button', { name: 'Approve', exact: true }).click();
    await toast(page, /^Approved /).first().waitFor();
  }
  await assertNotBlank(page, 'timesheets');

  // One row each.
  const entries = await api('GET', `/time-entries?workspace_id=1&user_id=5&date=${monday}`);
  assert.equal(entries.filter((e) => e.activity_description === `Night ${tag}`).length, 1, 'one time entry');
  const requests = await all(`/time-requests?workspace_id=1&user_id=5&date_from=${monday}&date_to=${monday}`);
  assert.equal(requests.filter((r) => (r.activity_description ?? r.notes) === `Asked ${tag}`).length, 1, 'one time request');
  const leaves = await all('/leaves?workspace_id=1&user_id=22&date_from=2026-08-10&date_to=2026-08-11');
  assert.equal(leaves.length, 1, 'one leave');
  const expenses = await all(`/expenses?workspace_id=1&date_from=${TODAY}&date_to=${TODAY}`);
  assert.equal(expenses.filter((e) => e.expense_name === expenseName).length, 1, 'one expense');
  assert.ok(writes.every((w) => !/^POST \/api\/v2\/timesheets/.test(w)), 'no timesheet POST');
}, { timeout: 120_000 });
