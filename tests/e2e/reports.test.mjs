// Leaves, expenses, reports and export end to end (issue "Admin panel II", that part): the
// built panel (dist/) served by an in-memory demo sandbox ("today" 2026-03-04), driven in
// headless Chromium with accessible selectors. One sandbox and one browser for the file; every
// test gets a fresh browser context and makes its own data.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { e2eFile, call, unique, eventually, parseCsv } from './support.mjs';

let sandbox;
// The browser is the file frame's; tests reach it through their page.
const e2e = e2eFile((s) => {
  sandbox = s;
}, { signInAs: 'demo-owner' });

const OWNER = 'demo-owner';

/** Every row of a list through the API (pages of 100). */
async function all(pathAndQuery) {
  const rows = [];
  for (let page = 1; ; page += 1) {
    const res = await fetch(`${sandbox.api}${pathAndQuery}&per_page=100&page=${page}`, { headers: { Authorization: `Bearer ${OWNER}`, Accept: 'application/json' } });
    const json = await res.json();
    rows.push(...json.data);
    const p = json.meta?.pagination;
    if (!p || page >= p.last_page || json.data.length === 0) return rows;
  }
}

/** Waits until the expenses totals count every matching expense (they are summed over pages of 100). */
async function totalsReady(page, n) {
  const totals = page.getByRole('region', { name: 'Totals' });
  await eventually(`the totals of ${n} expenses`, async () => (await totals.innerText()).startsWith(`${n} expenses,`));
}

function toast(page, text) {
  return page.locator('.toasts .toast').filter({ hasText: text });
}

/** The Vacation balance (days) of `user` in 2026, as the API says it. */
async function vacationBalance(user) {
  const rows = await call(sandbox, OWNER, 'GET', `/leaves/balances?workspace_id=1&date_from=2026-01-01&date_to=2026-12-31&user_id=${user}`);
  const entry = rows[0].leave_information.find((e) => e.leave_type === 'Vacation');
  return parseFloat(entry.balance);
}


/** Makes the workspace hold at least `n` expenses (created through the API, in parallel). */
let seeded = false;
async function ensureExpenses(n) {
  if (seeded) return;
  seeded = true;
  const have = (await all('/expenses?workspace_id=1')).length;
  const categories = await call(sandbox, OWNER, 'GET', '/expenses/categories?workspace_id=1');
  const jobs = [];
  for (let i = have; i < n; i += 1) {
    jobs.push({ workspace_id: 1, expense_name: `Bulk taxi ${i}, "night"`, date: '2026-02-10', amount: 10 + (i % 50), category_id: categories[i % categories.length].id });
  }
  for (let i = 0; i < jobs.length; i += 25) {
    await Promise.all(jobs.slice(i, i + 25).map((body) => call(sandbox, OWNER, 'POST', '/expenses', body)));
  }
}

// 1. Leaves.
e2e('requests a leave for a member, approves it, and the balance drops by the days taken', async (page) => {
  const user = 20;
  const before = await vacationBalance(user);
  await page.goto(`${sandbox.origin}/w/1/leaves/new`);
  await page.getByLabel('Member').selectOption(String(user));
  await page.getByLabel('Leave type').selectOption({ label: 'Vacation' });
  await page.getByLabel('First day').fill('2026-06-15');
  await page.getByLabel('Last day').fill('2026-06-16');
  await page.getByRole('button', { name: 'Request leave' }).click();
  await page.waitForURL(/\/w\/1\/leaves$/);
  await toast(page, 'Leave requested.').waitFor();

  await page.goto(`${sandbox.origin}/w/1/leaves?member=${user}&status=pending`);
  const row = page.getByRole('row').filter({ hasText: '2026-06-15 – 2026-06-16' });
  await row.waitFor();
  assert.match(await row.innerText(), /2 days/);
  await row.getByRole('button', { name: /^Approve the leave of/ }).click();
  await toast(page, 'Approved the leave of').waitFor();

  const after = await vacationBalance(user);
  assert.equal(after, before - 2, 'the API counts the two days');
  await page.goto(`${sandbox.origin}/w/1/leaves?tab=balances&year=2026`);
  const balances = page.getByRole('table', { name: /Leave balances/ });
  await balances.waitFor();
  const header = (await balances.locator('thead th').allTextContents()).map((t) => t.trim());
  const col = header.indexOf('Vacation');
  assert.ok(col > 0, `a Vacation column: ${header}`);
  const cell = balances.locator(`tr[data-user="${user}"] > *`).nth(col);
  assert.equal(parseFloat(await cell.innerText()), after, 'the panel shows the lower balance');
});

e2e('requests a half day and an hour-based leave; rejects one with a reason', async (page) => {
  const user = 21;
  await page.goto(`${sandbox.origin}/w/1/leaves/new`);
  await page.getByLabel('Member').selectOption(String(user));
  await page.getByLabel('Leave type').selectOption({ label: 'Vacation' });
  await page.getByLabel('First day').fill('2026-07-01');
  await page.getByLabel('Part of the day').selectOption({ label: 'First half' });
  await page.getByRole('button', { name: 'Request leave' }).click();
  await toast(page, 'Leave requested.').waitFor();

  await page.goto(`${sandbox.origin}/w/1/leaves/new`);
  await page.getByLabel('Member').selectOption(String(user));
  await page.getByLabel('Leave type').selectOption({ label: 'Doctor appointment' });
  await page.getByLabel('First day').fill('2026-07-02');
  await assert.rejects(page.getByLabel('Part of the day').waitFor({ timeout: 500 }), 'no half days for hour-based leave');
  await page.getByLabel('From', { exact: true }).fill('10:00');
  await page.getByLabel('To', { exact: true }).fill('12:00');
  await page.getByRole('button', { name: 'Request leave' }).click();
  await toast(page, 'Leave requested.').waitFor();

  const leaves = await call(sandbox, OWNER, 'GET', `/leaves?workspace_id=1&user_id=${user}&date_from=2026-07-01&date_to=2026-07-02`);
  const half = leaves.find((l) => l.start_date === '2026-07-01');
  const hours = leaves.find((l) => l.start_date === '2026-07-02');
  assert.equal(half.days, 0.5);
  assert.equal(hours.hours, 2);

  await page.goto(`${sandbox.origin}/w/1/leaves?member=${user}&from=2026-07-01&to=2026-07-02`);
  const halfRow = page.getByRole('row').filter({ hasText: '2026-07-01 (first half)' });
  assert.match(await halfRow.innerText(), /0\.5 days/);
  const hourRow = page.getByRole('row').filter({ hasText: '2026-07-02 10:00–12:00' });
  assert.match(await hourRow.innerText(), /2 h/);
  await hourRow.getByRole('button', { name: /^Reject the leave of/ }).click();
  await page.getByLabel('Reason').fill('Please move it to the afternoon.');
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await toast(page, 'Rejected the leave of').waitFor();
  const after = await call(sandbox, OWNER, 'GET', `/leaves?workspace_id=1&user_id=${user}&date_from=2026-07-02&date_to=2026-07-02`);
  assert.equal(after[0].status, 'rejected');
  assert.equal(after[0].reject_reason, 'Please move it to the afternoon.');
});

e2e('the leave calendar shows who is away on each day of the month', async (page) => {
  const leaves = await all('/leaves?workspace_id=1&status=approved');
  const l = leaves.find((x) => x.start_date && x.start_date.slice(0, 7) === (x.end_date || x.start_date).slice(0, 7));
  assert.ok(l, 'the demo has approved leave');
  const month = l.start_date.slice(0, 7);
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  await page.goto(`${sandbox.origin}/w/1/leaves?tab=calendar&month=${month}`);
  const calendar = page.getByRole('table', { name: `Who is away in ${names[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}` });
  await calendar.waitFor();
  const day = calendar.locator(`td[data-date="${l.start_date}"]`);
  await eventually('the leave shows on its day', async () => /\(/.test(await day.innerText()));
  assert.match(await day.innerText(), new RegExp(l.policy_name));
});

// 2. Expenses.
e2e('creates an expense, finds it with the date filter and its total, edits it, deletes it', async (page) => {
  const name = unique('Train ticket ');
  await page.goto(`${sandbox.origin}/w/1/expenses/new`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Date').fill('2026-03-02');
  await page.getByLabel('Amount').fill('123.45');
  await page.getByLabel('Category').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Record expense' }).click();
  await toast(page, `Recorded ${name}.`).waitFor();
  const created = (await all('/expenses?workspace_id=1&date_from=2026-03-02&date_to=2026-03-02')).find((e) => e.expense_name === name);
  assert.ok(created, 'the API has it');
  assert.equal(created.amount, 123.45);

  await page.goto(`${sandbox.origin}/w/1/expenses?from=2026-03-02&to=2026-03-02`);
  const row = page.getByRole('row').filter({ hasText: name });
  await row.waitFor();
  assert.match(await row.innerText(), /123\.45/);
  const sameDay = await all('/expenses?workspace_id=1&date_from=2026-03-02&date_to=2026-03-02');
  const sum = sameDay.reduce((s, e) => s + e.amount, 0);
  const totals = page.getByRole('region', { name: 'Totals' });
  await eventually('the totals of the day', async () => (await totals.innerText()).includes(`${sameDay.length} expenses, ${sum.toFixed(2)} in total`));

  // Edit: the amount, through the expense's own page, then back in the list.
  await row.getByRole('link', { name }).click();
  await page.waitForURL(new RegExp(`/w/1/expenses/${created.id}$`));
  const amount = page.getByLabel('Amount');
  await eventually('the form holds the expense', async () => (await amount.inputValue()) === '123.45');
  await amount.fill('99.5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await toast(page, 'Expense saved.').waitFor();
  await page.waitForURL(/\/w\/1\/expenses$/);
  const edited = (await all('/expenses?workspace_id=1&date_from=2026-03-02&date_to=2026-03-02')).find((e) => e.id === created.id);
  assert.equal(edited.amount, 99.5);
  assert.equal(edited.expense_name, name, 'the other fields are kept');

  await page.goto(`${sandbox.origin}/w/1/expenses?from=2026-03-02&to=2026-03-02`);
  await row.waitFor();
  assert.match(await row.innerText(), /99\.50/);
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await toast(page, `Deleted ${name}.`).waitFor();
  await row.waitFor({ state: 'detached' });
  const left = await all('/expenses?workspace_id=1&date_from=2026-03-02&date_to=2026-03-02');
  assert.ok(!left.some((e) => e.expense_name === name), 'gone from the API');
});

// 3. Reports: each opens with its chart, and its table view.
const REPORTS = [
  ['tracked-hours?from=2026-02-23&to=2026-03-01', /^Tracked hours by project/, 'Tracked hours by project'],
  // The day as the reader's language writes it (Intl, English here).
  ['timeline?date=2026-03-03', /^Timeline of Mar 3, 2026/, 'Timeline of Mar 3, 2026'],
  ['activity?from=2026-02-23&to=2026-03-01', /^Average activity per member/, 'Average activity per member'],
  ['attendance?from=2026-02-23&to=2026-03-01&member=5', /^Attendance of Seán O'Brien/, "Attendance of Seán O'Brien"],
  ['tasks?from=2026-02-23&to=2026-03-01', /^Hours per task/, 'Hours per task, by member'],
];

e2e('opens each report with its chart (an image with a name) and its table view', async (page) => {
  for (const [path, name, caption] of REPORTS) {
    await page.goto(`${sandbox.origin}/w/1/reports/${path}`);
    const chart = page.getByRole('img', { name });
    await chart.waitFor();
    assert.ok((await chart.locator('rect').count()) > 3, `${path}: the chart draws its data`);
    // A chart may grow with the page, but only to 1.5 times its drawn size: a week's calendar
    // once filled the screen with day labels a hand high.
    const [drawn, box] = await Promise.all([chart.getAttribute('viewBox'), chart.boundingBox()]);
    const drawnWidth = Number(drawn.split(' ')[2]);
    assert.ok(box.width <= drawnWidth * 1.5 + 1, `${path}: ${box.width} px wide, drawn ${drawnWidth}`);
    const toggle = page.getByRole('button', { name: 'Table view' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const table = page.getByRole('table', { name: caption, exact: false });
    await table.waitFor();
    assert.ok((await table.locator('tbody tr').count()) > 0, `${path}: the table has rows`);
    assert.ok(!(await chart.isVisible()), `${path}: the table replaces the picture`);
  }
});

e2e('tracked hours add up to the API and the range picker moves by keyboard', async (page) => {
  await page.goto(`${sandbox.origin}/w/1/reports/tracked-hours?from=2026-02-23&to=2026-03-01`);
  const report = await call(sandbox, OWNER, 'GET', '/reports/tracked-hours?workspace_id=1&start_date=2026-02-23&end_date=2026-03-01');
  const hours = report.total.total_minutes / 60;
  const chart = page.getByRole('img', { name: /^Tracked hours by project/ });
  await chart.waitFor();
  const label = await chart.getAttribute('aria-label');
  assert.match(label, /7 categories/);
  // The total in the reader's number format: grouped in English (1,129.1).
  const shown = Number(/: ([\d.,]+) h/.exec(label)[1].replaceAll(',', ''));
  assert.ok(Math.abs(shown - hours) < 0.1, `${shown} h shown, ${hours} h in the API`);
  // "Custom" is chosen for this range; ArrowLeft goes to "Last month" and puts it in the URL.
  const custom = page.getByRole('radio', { name: 'Custom' });
  assert.equal(await custom.getAttribute('aria-checked'), 'true');
  await custom.focus();
  await page.keyboard.press('[');
  await page.waitForURL((u) => u.searchParams.get('from') === '2026-02-16' && u.searchParams.get('to') === '2026-02-22');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL((u) => u.searchParams.get('to') !== '2026-02-22');
  assert.equal(await page.getByRole('radio', { name: 'Last month' }).getAttribute('aria-checked'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Last month', 'focus follows the choice');
});

e2e('a task report over more than 31 days is refused with a clear message', async (page) => {
  await page.goto(`${sandbox.origin}/w/1/reports/tasks?from=2026-02-01&to=2026-02-28`);
  await page.getByRole('img', { name: /^Hours per task/ }).waitFor();
  await page.getByLabel('Start').fill('2026-01-01');
  await page.getByLabel('Start').dispatchEvent('change');
  const message = page.getByRole('status').filter({ hasText: 'at most 31 days' });
  await message.waitFor();
  assert.match(await message.innerText(), /the range has 59/);
  assert.equal(new URL(page.url()).searchParams.get('from'), '2026-02-01', 'the refused range is not asked for');
});

// 4. Export.
e2e('exports a multi-page list to CSV: every row of the sandbox, not just the visible page', async (page) => {
  await ensureExpenses(260);
  const expected = await all('/expenses?workspace_id=1');
  assert.ok(expected.length > 200, `three pages at 100: ${expected.length}`);
  const pages = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname === '/api/v2/expenses' && u.searchParams.get('per_page') === '100') pages.push(u.searchParams.get('page'));
  });
  await page.goto(`${sandbox.origin}/w/1/expenses`);
  await page.getByRole('grid', { name: 'Expenses' }).waitFor();
  await totalsReady(page, expected.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^expenses-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text);
  const col = (name) => header.indexOf(name);
  assert.ok(col('id') >= 0 && col('expense_name') >= 0 && col('amount') >= 0, `${header}`);
  assert.equal(rows.length, expected.length, 'one line per expense');
  const byId = new Map(rows.map((r) => [r[col('id')], r]));
  for (const e of expected) {
    const r = byId.get(e.id);
    assert.ok(r, `expense ${e.id} is in the file`);
    assert.equal(r[col('expense_name')], e.expense_name);
    assert.equal(Number(r[col('amount')]), e.amount);
  }
  await toast(page, `Exported ${expected.length} rows`).waitFor();
  // The list's pages of 20 (and the totals) aside, the export walked pages of 100 once each.
  const exportPages = pages.slice(-Math.ceil(expected.length / 100));
  assert.deepEqual(exportPages, ['1', '2', '3']);
});

e2e('cancels an export midway: no file, a notice, and no further page asked', async (page) => {
  await ensureExpenses(260);
  const asked = [];
  // Hold the export's second page until Cancel is pressed, so the export is running then (armed
  // once the list's totals, which walk the same pages, are in).
  const total = (await all('/expenses?workspace_id=1')).length;
  let release;
  const held = new Promise((r) => (release = r));
  let holding = false;
  await page.route((url) => url.pathname === '/api/v2/expenses', async (route) => {
    const u = new URL(route.request().url());
    if (u.searchParams.get('per_page') === '100') asked.push(u.searchParams.get('page'));
    if (holding && u.searchParams.get('per_page') === '100' && u.searchParams.get('page') === '2') await held;
    await route.continue().catch(() => {});
  });
  await page.goto(`${sandbox.origin}/w/1/expenses?per_page=50`);
  await page.getByRole('grid', { name: 'Expenses' }).waitFor();
  await totalsReady(page, total);
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  asked.length = 0;
  holding = true;
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const status = page.locator('.export-progress');
  await eventually('the first page counted', async () => /100 of \d+ rows/.test(await status.innerText()));
  assert.ok(await page.getByRole('progressbar', { name: 'Export progress' }).isVisible());
  assert.equal(await page.getByRole('button', { name: 'Export CSV' }).isDisabled(), true, 'one export at a time');
  await status.getByRole('button', { name: 'Cancel' }).click();
  // Page 2 may answer now: a cancelled export must not go on to page 3.
  release();
  // The panel shows this toast once the export has returned (crates/admin/src/export.rs), so no
  // page can be asked after it: that event, not a wait, ends the check.
  await toast(page, 'Export cancelled.').waitFor();
  await status.waitFor({ state: 'detached' });
  assert.equal(downloaded, false, 'no file');
  assert.deepEqual(asked, ['1', '2'], 'page 3 was never asked for');
});

e2e("the members export keeps the list's search: only the rows the list shows", async (page) => {
  const tag = unique('Exp');
  await call(sandbox, OWNER, 'POST', '/members', { workspace_id: 1, email: `${tag}@e2e.test`, firstname: `Grace${tag}`, lastname: 'Hopper', role: 'Regular User' });
  await page.goto(`${sandbox.origin}/w/1/members?q=${encodeURIComponent(`grace${tag}`)}`);
  await page.getByRole('row').filter({ hasText: `${tag}@e2e.test` }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const [header, ...rows] = parseCsv((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.equal(rows.length, 1, 'one member matches the search');
  assert.equal(rows[0][header.indexOf('email')], `${tag}@e2e.test`);
});
