// The flows a person uses that the other files do not drive (issue 22): a session that ends
// mid-form (401), the rate-limit banner (429), rejecting a time request, editing, pausing and
// deleting a contract, archiving a project, deleting a task, editing and deleting a webhook,
// archiving, restoring and unassigning a viewer, archiving and restoring members in bulk, the
// workspace switcher, paging through a list, a finished JSON export, the reports' exports, and
// the time and expense pages of roles other than the owner.
//
// Each test checks what the person sees AND what the server then holds (read with the owner's
// token). The file's sandbox gives OAuth access tokens a 10 s life (`--access-token-ttl`), so a
// session can end while a test runs; the `demo-*` tokens never expire. The 429 test has its own
// sandbox with a small rate limit (see there).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  e2eFile,
  signIn,
  call,
  answer,
  listAll,
  appToken,
  unique,
  eventually,
  toast,
  sections,
  startSandbox,
  launchBrowser,
  openPage,
  parseCsv,
} from './support.mjs';

/** Seconds an OAuth access token lives here: long enough to sign in and fill a form. */
const TOKEN_TTL = 10;

let sandbox;
const e2e = e2eFile(
  (s) => {
    sandbox = s;
  },
  { flags: ['--access-token-ttl', String(TOKEN_TTL)] },
);

const OWNER = 'demo-owner';
const get = (pathAndQuery) => call(sandbox, OWNER, 'GET', pathAndQuery);
const post = (pathAndQuery, body) => call(sandbox, OWNER, 'POST', pathAndQuery, { workspace_id: 1, ...body });

/** A text as a RegExp that matches it literally. */
const literal = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Reads a downloaded file as text, without a byte-order mark. */
async function downloaded(download) {
  return (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
}

/** Clicks `button` and resolves to the file it downloads. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return file;
}


/** Confirms the open dialog named `title` with its `button`, and waits for it to close. */
async function confirm(page, title, button) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The main content is there: a heading and some text (not a blank page). */
async function assertNotBlank(page, where) {
  const main = page.locator('main');
  await main.locator('h1').first().waitFor();
  const text = (await main.innerText()).trim();
  assert.ok(text.length > 20, `${where}: the main content is not blank ("${text.slice(0, 60)}")`);
}

// 1. Time requests: reject.
e2e('rejects a time request with a comment: it leaves the queue and the API has the comment', async (page) => {
  const [contract] = await get('/contracts?workspace_id=1&user_id=5&status=active');
  const what = unique('Reject me ');
  const comment = unique('Not on this project ');
  await post('/time-requests', {
    user_id: 5,
    contract_id: contract.id,
    start: '2026-03-02T03:00:00Z',
    end: '2026-03-02T03:40:00Z',
    activity_description: what,
  });
  const mine = async () =>
    (await get('/time-requests?workspace_id=1&user_id=5&date_from=2026-03-02&date_to=2026-03-02')).find(
      (r) => (r.activity_description ?? r.notes) === what,
    );
  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/time-requests?member=5&from=2026-03-02&to=2026-03-02`);
  const grid = page.getByRole('grid', { name: 'Time requests' });
  const row = grid.getByRole('row').filter({ hasText: what });
  await row.waitFor();
  assert.match(await row.innerText(), /03:00–03:40[\s\S]*40 min/);
  await row.getByRole('button', { name: /^Reject / }).click();
  const dialog = page.getByRole('dialog', { name: 'Reject this request?' });
  await dialog.getByLabel('Comment').fill(comment);
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await toast(page, /^Rejected Seán O'Brien's request of 2026-03-02 03:00–03:40/).waitFor();
  const after = await mine();
  assert.equal(after.status, 'rejected');
  assert.equal(after.comment, comment);
  // Rejected, it shows so with every status, without Approve or Reject.
  await page.getByLabel('Status').selectOption('rejected');
  const rejected = grid.getByRole('row').filter({ hasText: what });
  await rejected.filter({ hasText: comment }).waitFor();
  assert.equal(await rejected.getByRole('button').count(), 0, 'a rejected request offers no action');
});

// 2. Contracts: edit, pause, activate, delete.
e2e('edits a contract, pauses and activates it, and deletes it', async (page) => {
  const project = await post('/projects', { name: unique('Contract life ') });
  const contract = await post('/contracts', { project_id: project.id, user_id: 5 });
  const fetchContract = async () => (await get(`/contracts?workspace_id=1&project_id=${project.id}`))[0];
  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/contracts?project=${project.id}`);
  const grid = page.getByRole('grid', { name: 'Contracts' });
  const row = grid.getByRole('row').filter({ hasText: "Seán O'Brien" });
  await row.getByRole('link', { name: "Seán O'Brien" }).click();
  await page.getByRole('heading', { name: `Contract ${contract.id}` }).waitFor();
  const hours = page.getByLabel('Weekly hours limit');
  await hours.fill('12');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await toast(page, 'Contract saved.').waitFor();
  assert.equal((await fetchContract()).weekly_hours_limit, 12, 'the API has the edit');

  await page.goto(`${sandbox.origin}/w/1/contracts?project=${project.id}`);
  await row.getByRole('button', { name: "Pause the contract of Seán O'Brien" }).click();
  await toast(page, `Paused Seán O'Brien on ${project.name}.`).waitFor();
  await row.filter({ hasText: 'paused' }).getByRole('button', { name: "Activate the contract of Seán O'Brien" }).waitFor();
  assert.equal((await fetchContract()).status, 'paused');
  await row.getByRole('button', { name: "Activate the contract of Seán O'Brien" }).click();
  await toast(page, `Activated Seán O'Brien on ${project.name}.`).waitFor();
  await row.getByRole('button', { name: "Pause the contract of Seán O'Brien" }).waitFor();
  assert.equal((await fetchContract()).status, 'active');

  await row.getByRole('button', { name: "Delete the contract of Seán O'Brien" }).click();
  await confirm(page, 'Delete this contract?', 'Delete');
  await toast(page, "Deleted the contract of Seán O'Brien.").waitFor();
  await row.waitFor({ state: 'detached' });
  assert.equal(await fetchContract(), undefined, 'gone from the list');
  assert.equal((await answer(sandbox, OWNER, 'GET', `/contracts/${contract.id}?workspace_id=1`)).status, 404, 'and gone');
});

// 3. Projects: archive.
e2e('archives a project: it leaves the list and the API has it archived', async (page) => {
  const project = await post('/projects', { name: unique('Archive me ') });
  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/projects?name=${encodeURIComponent(project.name)}`);
  const link = page.getByRole('grid', { name: 'Projects' }).getByRole('link', { name: project.name });
  await link.waitFor();
  await page.getByRole('button', { name: `Archive ${project.name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive this project?' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), literal(`${project.name} leaves the lists`));
  await confirm(page, 'Archive this project?', 'Archive');
  await toast(page, `Archived ${project.name}.`).waitFor();
  await link.waitFor({ state: 'detached' });
  await page.getByText('No projects', { exact: true }).waitFor();
  assert.equal((await listAll(sandbox, OWNER, '/projects?workspace_id=1')).find((p) => p.id === project.id), undefined, 'out of the list');
  const archived = await get(`/projects/${project.id}?workspace_id=1`);
  assert.ok(archived.deleted_at, 'archived (deleted_at set)');
});

// 4. A 401 in the middle of a session.
e2e('a session that ends mid-form asks to sign in again over the page; the form is kept and saves once', async (page) => {
  // An OAuth access token of the demo app, used as a personal token: it expires for real.
  const token = await appToken(sandbox);
  const issued = Date.now();
  await signIn(page, sandbox, token);
  const posts = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v2/projects') posts.push(r.url());
  });
  const name = unique('Half typed ');
  await page.goto(`${sandbox.origin}/w/1/projects/new`);
  await page.getByRole('heading', { name: 'New project' }).waitFor();
  const nameField = page.getByRole('textbox', { name: 'Name', exact: true });
  await nameField.fill(name);
  await page.getByLabel('Notes').fill('Typed before the session ended.');
  assert.ok(Date.now() - issued < TOKEN_TTL * 1000, 'the form was filled while the token was alive (a slow run: raise TOKEN_TTL)');

  // The server, not a timer, says when the token has ended.
  await eventually('the token to expire', async () => (await answer(sandbox, token, 'GET', '/workspaces')).status === 401, 20_000);
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  // A background read may have met the 401 first; otherwise Save meets it.
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Create project' }).click();
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /this page and anything you typed stay as they are/);
  // Behind the dialog: the same page, not a blank one, with what was typed.
  assert.match(new URL(page.url()).pathname, /\/w\/1\/projects\/new$/, 'still on the form');
  await assertNotBlank(page, 'behind the sign-in dialog');
  assert.equal(await nameField.inputValue(), name);
  assert.equal(await page.getByLabel('Notes').inputValue(), 'Typed before the session ended.');
  assert.equal((await listAll(sandbox, OWNER, `/projects?workspace_id=1&name=${encodeURIComponent(name)}`)).length, 0, 'nothing saved');
  assert.ok(posts.length <= 1, `the refused save was not sent again by itself (${posts.length} POSTs)`);

  // Signing in again in the dialog closes it; the form still holds the text and saves once.
  await dialog.getByLabel('Personal access token').fill(OWNER);
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await nameField.inputValue(), name, 'the form survived signing in again');
  await page.getByRole('button', { name: 'Create project' }).click();
  await toast(page, `Created ${name}.`).waitFor();
  const saved = await listAll(sandbox, OWNER, `/projects?workspace_id=1&name=${encodeURIComponent(name)}`);
  assert.deepEqual(saved.map((p) => p.notes), ['Typed before the session ended.'], 'one project, with the notes');
});

// 5. Tasks: delete.
e2e('deletes a task: it leaves the list and the API no longer has it', async (page) => {
  const project = await post('/projects', { name: unique('Task delete ') });
  const title = unique('Delete this task ');
  const keep = unique('Keep this task ');
  await post('/tasks', { project_id: project.id, title });
  await post('/tasks', { project_id: project.id, title: keep });
  const tasks = async () => (await get(`/tasks?workspace_id=1&project_id=${project.id}`)).map((t) => t.title);
  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/tasks?project=${project.id}`);
  const grid = page.getByRole('grid', { name: 'Tasks' });
  await grid.getByRole('link', { name: title }).waitFor();
  await grid.getByRole('button', { name: `Delete ${title}` }).click();
  await confirm(page, 'Delete this task?', 'Delete');
  await toast(page, `Deleted ${title}.`).waitFor();
  await grid.getByRole('link', { name: title }).waitFor({ state: 'detached' });
  await grid.getByRole('link', { name: keep }).waitFor();
  assert.deepEqual(await tasks(), [keep], 'only the other task is left');
});

// 6. Webhooks: edit, delete.
e2e('edits a webhook (URL and events) and deletes it', async (page) => {
  const url = `https://hooks.example.com/${unique('edit-')}`;
  const hook = await post('/webhooks', { url, events: ['member.invited'] });
  const newUrl = `${url}-v2`;
  const find = async () => (await listAll(sandbox, OWNER, '/webhooks?workspace_id=1')).find((h) => h.id === hook.id);
  await signIn(page, sandbox);
  await sections(page).getByRole('link', { name: 'Webhooks' }).click();
  await page.getByRole('grid', { name: 'Webhooks' }).getByRole('link', { name: url }).click();
  await page.getByRole('heading', { name: 'Edit webhook' }).waitFor();
  const urlField = page.getByLabel('URL');
  await eventually('the form to hold the webhook', async () => (await urlField.inputValue()) === url);
  assert.equal(await page.getByRole('checkbox', { name: 'member.invited' }).isChecked(), true);
  await urlField.fill(newUrl);
  await page.getByRole('checkbox', { name: 'member.invited' }).uncheck();
  // No event left: Save is blocked until one is chosen.
  assert.equal(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled(), true);
  await page.getByRole('checkbox', { name: 'member.archived' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await toast(page, 'Webhook saved.').waitFor();
  const edited = await find();
  assert.equal(edited.url, newUrl);
  assert.deepEqual(edited.events, ['member.archived']);

  await page.getByRole('link', { name: '← Webhooks' }).click();
  const grid = page.getByRole('grid', { name: 'Webhooks' });
  await grid.getByRole('link', { name: newUrl }).waitFor();
  await grid.getByRole('button', { name: `Delete the webhook for ${newUrl}` }).click();
  await confirm(page, 'Delete this webhook?', 'Delete');
  await toast(page, `Deleted the webhook for ${newUrl}.`).waitFor();
  await grid.getByRole('link', { name: newUrl }).waitFor({ state: 'detached' });
  assert.equal(await find(), undefined, 'gone from the API');
  assert.equal((await answer(sandbox, OWNER, 'GET', `/webhooks/${hook.id}?workspace_id=1`)).status, 404);
});

// 7. Project viewers: unassign, archive, restore.
e2e('unassigns a project from a viewer, archives the viewer and restores them', async (page) => {
  const tag = unique('vw');
  const viewer = await post('/project-viewers', { email: `${tag}@client.test`, firstname: 'Vic', lastname: tag });
  await post(`/project-viewers/${viewer.id}/assign-project`, { project_id: 1 });
  const name = `Vic ${tag}`;
  const read = () => get(`/project-viewers/${viewer.id}?workspace_id=1`);
  const [project] = (await read()).projects;
  assert.ok(project, 'the viewer sees a project');

  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/viewers/${viewer.id}`);
  await page.getByRole('heading', { name }).waitFor();
  await page.getByRole('button', { name: `Unassign ${project.project_name}` }).click();
  await toast(page, 'Project unassigned.').waitFor();
  await page.getByText('None yet.').waitFor();
  assert.deepEqual((await read()).projects, [], 'the API has no project for them');

  await page.getByRole('link', { name: '← Project viewers' }).click();
  const grid = page.getByRole('grid', { name: 'Project viewers' });
  const row = grid.getByRole('row').filter({ hasText: `${tag}@client.test` });
  await row.getByRole('button', { name: `Archive ${name}` }).click();
  await toast(page, `Archived ${name}.`).waitFor();
  await row.waitFor({ state: 'detached' });
  assert.ok((await read()).deleted_at, 'archived in the API');

  await page.getByRole('tab', { name: 'Archived' }).click();
  await row.getByRole('button', { name: `Restore ${name}` }).click();
  await toast(page, 'Viewer restored.').waitFor();
  await row.waitFor({ state: 'detached' });
  assert.equal((await read()).deleted_at ?? null, null, 'restored in the API');
  await page.getByRole('tab', { name: 'Current' }).click();
  await row.waitFor();
});

// 8. Members: bulk archive and restore.
e2e('archives three members at once and restores them at once', async (page) => {
  const tag = unique('bulk');
  const people = [];
  for (const first of ['Ann', 'Ben', 'Cy']) {
    const data = await post('/members', { email: `${first}.${tag}@e2e.test`.toLowerCase(), firstname: first, lastname: tag, role: 'Regular User' });
    people.push({ id: data.user_id, name: `${first} ${tag}` });
  }
  const archivedAt = async (id) => (await get(`/members/${id}?workspace_id=1`)).deleted_at ?? null;
  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/members?q=${encodeURIComponent(tag)}`);
  const grid = page.getByRole('grid', { name: 'Members' });
  for (const p of people) await grid.getByRole('checkbox', { name: `Select ${p.name}` }).check();
  const bar = page.getByRole('region', { name: 'Selected members' });
  assert.match(await bar.innerText(), /3 selected/);
  await bar.getByRole('button', { name: 'Archive selected' }).click();
  await confirm(page, /^Archive/, 'Archive');
  await toast(page, 'Archived 3 members.').waitFor();
  await page.getByText('No members match', { exact: true }).waitFor();
  for (const p of people) assert.ok(await archivedAt(p.id), `${p.name} is archived`);

  await page.getByRole('tab', { name: 'Archived' }).click();
  await page.getByRole('heading', { name: 'Archived members' }).waitFor();
  await grid.getByRole('checkbox', { name: 'Select all rows on this page' }).check();
  assert.match(await bar.innerText(), /3 selected/, 'the archived view, searched, holds the three');
  await bar.getByRole('button', { name: 'Restore selected' }).click();
  await toast(page, 'Restored 3 members.').waitFor();
  for (const p of people) await grid.getByRole('link', { name: p.name }).waitFor({ state: 'detached' });
  for (const p of people) assert.equal(await archivedAt(p.id), null, `${p.name} is restored`);
});

// 9. The workspace switcher.
e2e('the workspace switcher opens the same section in the other workspace, with its data', async (page) => {
  // demo-executive: executive manager of workspace 1, Regular User of workspace 2.
  const token = 'demo-executive';
  const names = async (ws) => (await listAll(sandbox, token, `/projects?workspace_id=${ws}`)).map((p) => p.name).sort();
  const [one, two] = [await names(1), await names(2)];
  assert.ok(two.length > 0 && two.every((n) => !one.includes(n)), 'the workspaces have different projects');
  await signIn(page, sandbox, token);
  await sections(page).getByRole('link', { name: 'Projects' }).click();
  const grid = page.getByRole('grid', { name: 'Projects' });
  await grid.getByRole('link', { name: one[0] }).waitFor();

  const switcher = page.getByRole('combobox', { name: 'Workspace' });
  await switcher.selectOption({ label: 'Globex Labs' });
  await page.waitForURL((u) => u.pathname === '/w/2/projects');
  for (const n of two) await grid.getByRole('link', { name: n, exact: true }).waitFor();
  const shown = (await grid.locator('tbody tr a[href*="/projects/"]').allInnerTexts()).sort();
  assert.deepEqual(shown, two, "workspace 2's projects, and only them");
  assert.equal(await switcher.locator('option:checked').innerText(), 'Globex Labs');
  assert.equal(await sections(page).getByRole('link', { name: 'Projects' }).getAttribute('href'), '/w/2/projects', 'the sidebar follows');

  await switcher.selectOption({ label: 'Acme Studio' });
  await page.waitForURL((u) => u.pathname === '/w/1/projects');
  await grid.getByRole('link', { name: one[0] }).waitFor();
  assert.equal(await grid.getByRole('link', { name: two[0], exact: true }).count(), 0);
});

// 10. Pagination.
e2e('pages through the members list: next, next, previous, each page the rows the API has', async (page) => {
  const total = (await answer(sandbox, OWNER, 'GET', '/members?workspace_id=1&per_page=1')).json.meta.pagination.total;
  assert.ok(total > 40, `at least three pages of 20 (${total})`);
  const apiPage = async (n) => (await get(`/members?workspace_id=1&per_page=20&page=${n}`)).map((m) => m.email).sort();
  await signIn(page, sandbox);
  const grid = page.getByRole('grid', { name: 'Members' });
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  const everyEmail = new Set((await listAll(sandbox, OWNER, '/members?workspace_id=1')).map((m) => m.email));
  const shownEmails = async () => (await grid.locator('tbody td').allInnerTexts()).map((t) => t.trim()).filter((t) => everyEmail.has(t)).sort();
  const expectPage = async (n) => {
    const from = (n - 1) * 20 + 1;
    const to = Math.min(n * 20, total);
    await page.waitForURL((u) => (u.searchParams.get('page') ?? '1') === String(n));
    await eventually(`page ${n}'s summary`, async () => (await pager.locator('.summary').innerText()) === `${from}–${to} of ${total}`);
    assert.equal(await pager.getByRole('button', { name: `Page ${n}` }).getAttribute('aria-current'), 'page');
    const expected = await apiPage(n);
    await eventually(`page ${n}'s rows`, async () => JSON.stringify(await shownEmails()) === JSON.stringify(expected));
  };
  await expectPage(1);
  assert.equal(await pager.getByRole('button', { name: 'Previous page' }).isDisabled(), true, 'no page before the first');
  await pager.getByRole('button', { name: 'Next page' }).click();
  await expectPage(2);
  await pager.getByRole('button', { name: 'Next page' }).click();
  await expectPage(3);
  await pager.getByRole('button', { name: 'Previous page' }).click();
  await expectPage(2);
  // Back in history returns to the first page too.
  await page.goBack();
  await expectPage(3);
});

// 11. A finished JSON export.
e2e('exports the members to JSON: the file parses and holds every member of the list', async (page) => {
  const expected = await listAll(sandbox, OWNER, '/members?workspace_id=1');
  await signIn(page, sandbox);
  await page.getByRole('grid', { name: 'Members' }).getByRole('link', { name: 'Olivia Martin' }).waitFor();
  const file = await download(page, page.getByRole('button', { name: 'Export JSON' }));
  assert.match(file.suggestedFilename(), /^members-\d{4}-\d{2}-\d{2}\.json$/);
  const rows = JSON.parse(await downloaded(file));
  assert.ok(Array.isArray(rows), 'a JSON array of rows');
  assert.equal(rows.length, expected.length, 'one row per member');
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const m of expected) {
    assert.equal(byId.get(m.id)?.email, m.email, `member ${m.id} is in the file`);
  }
  await toast(page, `Exported ${expected.length} rows to ${file.suggestedFilename()}.`).waitFor();
});

// 12. The reports' exports.
e2e("each report's export holds the report's rows", async (page) => {
  await signIn(page, sandbox);
  const from = '2026-02-23';
  const to = '2026-03-01';
  // Both reports come in pages of members; the export walks them all.
  const timeline = await listAll(sandbox, OWNER, '/reports/daily-timeline?workspace_id=1&date=2026-03-03');
  const tasks = await listAll(sandbox, OWNER, `/reports/task-report?workspace_id=1&start_date=${from}&end_date=${to}`);
  const count = (rows, key) => rows.flatMap((u) => u[key] ?? []).length;
  const reports = [
    // [address, file name, format, the rows the file must have (null: at least one)]
    [`timeline?date=2026-03-03`, 'daily-timeline', 'JSON', count(timeline, 'entries')],
    [`tasks?from=${from}&to=${to}`, 'task-report', 'CSV', count(tasks, 'tasks_breakdown')],
    [`tracked-hours?from=${from}&to=${to}`, 'tracked-hours', 'CSV', null],
    [`activity?from=${from}&to=${to}`, 'activity-level', 'CSV', null],
    [`attendance?from=${from}&to=${to}`, 'daily-attendance', 'JSON', null],
  ];
  for (const [address, name, format, expected] of reports) {
    await page.goto(`${sandbox.origin}/w/1/reports/${address}`);
    await page.getByRole('img').first().waitFor();
    const file = await download(page, page.getByRole('button', { name: `Export ${format}` }));
    assert.match(file.suggestedFilename(), new RegExp(`^${name}-\\d{4}-\\d{2}-\\d{2}\\.${format.toLowerCase()}$`));
    const text = await downloaded(file);
    const rows = format === 'JSON' ? JSON.parse(text) : parseCsv(text).slice(1);
    assert.ok(Array.isArray(rows) && rows.length > 0, `${name}: rows in the file`);
    if (expected !== null) assert.equal(rows.length, expected, `${name}: one row per row of the report`);
    await toast(page, `Exported ${rows.length} rows to ${file.suggestedFilename()}.`).waitFor();
  }
});

// 13. Time and expenses as roles other than the owner.
e2e("a Regular User's time pages: their own timesheets, requests, expenses and leaves, and no action their role may not take", async (page) => {
  const token = 'demo-regular';
  const tag = unique('own');
  await signIn(page, sandbox, token);

  // Time entries are for owners and executive managers: no Add time, and the API's refusal
  // (with its reason) in place of the list, not a blank page.
  await sections(page).getByRole('link', { name: 'Time entries' }).click();
  await page.getByRole('heading', { name: 'Time entries', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add time' }).isVisible(), false, 'no Add time for a Regular User');
  await page.getByLabel('Member').selectOption('5');
  const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /Regular User/, "the server's reason");
  await assertNotBlank(page, 'time entries');

  // Timesheets: their own, as the API gives them; they may unsubmit and submit, not approve.
  const sheets = await listAll(sandbox, token, '/timesheets?workspace_id=1&status=submitted');
  assert.ok(sheets.length > 0 && sheets.every((t) => t.user_id === 5), 'the API gives them their own submitted timesheets');
  await sections(page).getByRole('link', { name: /^Timesheets/ }).click();
  const grid = page.getByRole('grid', { name: 'Timesheets' });
  const label = (t) => `Seán O'Brien's timesheet ${t.date_from} – ${t.date_to}`;
  await grid.getByRole('button', { name: `Unsubmit ${label(sheets[0])}` }).waitFor();
  assert.equal(await grid.locator('tbody tr').count(), sheets.length, 'one row per timesheet of theirs');
  assert.equal(await grid.getByRole('button', { name: /^(Approve|Reject) / }).count(), 0, 'no Approve or Reject for their own timesheet');
  await grid.getByRole('button', { name: `Unsubmit ${label(sheets[0])}` }).click();
  await toast(page, `Unsubmitted ${label(sheets[0])}.`).waitFor();
  const status = async () => (await call(sandbox, OWNER, 'GET', `/timesheets?workspace_id=1&id=${sheets[0].id}`))[0].status;
  assert.equal(await status(), 'pending');
  await page.getByLabel('Status').selectOption('pending');
  await grid.getByRole('button', { name: `Submit ${label(sheets[0])}` }).click();
  // ("Unsubmitted …" may still show: the new notice starts with "Submitted".)
  await toast(page, new RegExp(`^Submitted ${literal(label(sheets[0])).source}`)).waitFor();
  assert.equal(await status(), 'submitted');

  // Time requests: they file one for themselves; it waits, with no Approve or Reject for them.
  // (The window by the address: a role that may not read trackers cannot learn the sandbox's
  // fixed today from them, and the panel then takes the browser's date.)
  await page.goto(`${sandbox.origin}/w/1/time-requests?from=2026-03-03&to=2026-03-03`);
  await page.getByRole('button', { name: 'Request time for a member' }).click();
  const form = page.getByRole('form', { name: 'Request time for a member' });
  await form.getByLabel('Member').locator('option[value="5"]').waitFor({ state: 'attached' });
  await form.getByLabel('Member').selectOption('5');
  await form.getByLabel('Date').fill('2026-03-03');
  await form.getByRole('textbox', { name: 'Start' }).fill('01:00');
  await form.getByRole('textbox', { name: 'End' }).fill('01:20');
  await form.getByLabel('Activity description').fill(`Forgot the tracker ${tag}`);
  await form.getByRole('button', { name: 'File request' }).click();
  await toast(page, 'Time request filed').waitFor();
  const row = page.getByRole('grid', { name: 'Time requests' }).getByRole('row').filter({ hasText: `Forgot the tracker ${tag}` });
  await row.waitFor();
  assert.equal(await row.getByRole('button', { name: /^(Approve|Reject) / }).count(), 0, 'no Approve or Reject for their own request');
  const filed = (await listAll(sandbox, OWNER, '/time-requests?workspace_id=1&user_id=5&date_from=2026-03-03&date_to=2026-03-03'))
    .filter((r) => (r.activity_description ?? r.notes) === `Forgot the tracker ${tag}`);
  assert.deepEqual(filed.map((r) => r.status), ['pending'], 'one pending request of theirs');

  // Expenses: their own, as the API gives them; they record one, which is theirs.
  const own = await listAll(sandbox, token, '/expenses?workspace_id=1');
  assert.ok(own.every((e) => e.user_id === 5), 'the API gives them their own expenses');
  await sections(page).getByRole('link', { name: 'Expenses' }).click();
  const totals = page.getByRole('region', { name: 'Totals' });
  await eventually('the totals of their expenses', async () => new RegExp(`^${own.length} expenses?,`).test(await totals.innerText()));
  await page.getByRole('link', { name: 'New expense' }).click();
  const expense = `Train ${tag}`;
  await page.getByLabel('Name').fill(expense);
  await page.getByLabel('Date').fill('2026-03-03');
  await page.getByLabel('Amount').fill('18.40');
  await page.getByLabel('Category').locator('option').nth(1).waitFor({ state: 'attached' });
  await page.getByLabel('Category').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Record expense' }).click();
  await toast(page, `Recorded ${expense}.`).waitFor();
  const recorded = (await listAll(sandbox, OWNER, '/expenses?workspace_id=1&date_from=2026-03-03&date_to=2026-03-03')).filter((e) => e.expense_name === expense);
  assert.deepEqual(recorded.map((e) => [e.user_id, e.amount]), [[5, 18.4]], 'one expense, theirs');

  // Leaves: their pending request shows, with no Approve or Reject for them.
  await sections(page).getByRole('link', { name: 'Leaves' }).click();
  const pending = page.getByRole('row').filter({ hasText: 'Pending' });
  await pending.first().waitFor();
  assert.equal(await page.getByRole('button', { name: /^(Approve|Reject) the leave of/ }).count(), 0, 'no Approve or Reject of leave');
});

// 14. The rate-limit banner (429). Its own sandbox, whose limit is small (`--rate-limit 30`), so
// the test can spend the budget; the X-RateLimit headers stay, so the panel paces by them. The
// wait a 429 announces runs until the oldest request of the last minute leaves the window: close
// to a minute here. So the scenario starts with the file and runs beside the other tests (it
// mostly waits); its test, last in the file, waits for it and reports what it found.
const LIMIT = 30;
let limited;
let limitedBrowser;
let rateScenario;
before(async () => {
  [limited, limitedBrowser] = await Promise.all([startSandbox(['--rate-limit', String(LIMIT)]), launchBrowser()]);
  rateScenario = rateLimitScenario();
  // Reported by its test below; not an unhandled rejection meanwhile.
  rateScenario.catch(() => {});
});
after(async () => {
  await limitedBrowser?.close();
  await limited?.stop();
});

async function rateLimitScenario() {
  const { context, page, problems } = await openPage(limitedBrowser);
  try {
    await signIn(page, limited);
    const posts = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v2/projects') posts.push(r.status());
    });
    const name = unique('Rate limited ');
    await page.goto(`${limited.origin}/w/1/projects/new`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByLabel('Notes').fill('Kept through the wait.');
    // Spend what is left of the minute's budget, the way another tab or app would.
    for (let i = 0; i < LIMIT; i += 1) {
      if ((await answer(limited, OWNER, 'GET', '/workspaces')).status === 429) break;
    }
    const create = page.getByRole('button', { name: 'Create project' });
    await create.click();
    const banner = page.getByRole('alert').filter({ hasText: 'Rate limit reached' });
    await banner.waitFor();
    const text = await banner.innerText();
    const seconds = Number(/It frees up in (\d+) s\./.exec(text)?.[1]);
    assert.ok(seconds >= 1 && seconds <= 60, `the banner counts down to when the budget frees up: ${text}`);
    assert.deepEqual(posts, [429], 'one POST, refused; the client did not send it again');
    assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), name, 'the form keeps the name');
    assert.equal(await page.getByLabel('Notes').inputValue(), 'Kept through the wait.');
    // Read with another person's token: the owner's budget is spent.
    const saved = () => listAll(limited, 'demo-executive', `/projects?workspace_id=1&name=${encodeURIComponent(name)}`);
    assert.equal((await saved()).length, 0, 'the refused save stored nothing');
    await eventually('the countdown to go down', async () => {
      const left = Number(/It frees up in (\d+) s\./.exec(await banner.innerText())?.[1]);
      return left < seconds;
    }, 5_000);

    // The countdown ends and the banner says so (it once went back to "frees up in N s"); then
    // Save goes through and the banner goes.
    await eventually('the countdown to end', async () => /It has freed up: send again\./.test(await banner.innerText()), (seconds + 5) * 1000);
    // The slots free one by one as the minute's requests age out, and a read the panel held
    // may take the first: a click may meet a 429 again, and then waits for its countdown too.
    let clicks = 1;
    while (!posts.includes(201)) {
      assert.ok(clicks < 4, `saved within three clicks after the wait (${posts})`);
      await create.click();
      clicks += 1;
      await eventually('the answer', async () => posts.length === clicks, 65_000);
      if (posts.at(-1) === 429) {
        await eventually('the next countdown to end', async () => /It has freed up: send again\./.test(await banner.innerText()), 65_000);
      }
    }
    await toast(page, `Created ${name}.`).waitFor();
    await banner.waitFor({ state: 'detached' });
    assert.equal(posts.length, clicks, `one POST per click, none sent again by the client (${posts})`);
    assert.deepEqual(posts.slice(0, -1).filter((s) => s !== 429), [], 'every POST before the saved one was refused with 429');
    assert.deepEqual((await saved()).map((p) => p.notes), ['Kept through the wait.'], 'one project, as typed');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.panics, []);
  } finally {
    await context.close();
  }
}

test('a 429 on save shows the rate-limit banner with its countdown; after it, saving again works and the banner goes', { timeout: 150_000 }, async () => {
  await rateScenario;
});
