// The time side of the admin panel end to end (issue "Admin panel II"): the dashboard, live
// tracking, time entries, timesheets and time requests, driven in headless Chromium against an
// in-memory demo sandbox (today 2026-03-04, a Wednesday), and checked against the API itself.
// One sandbox and one browser for the file; every test gets a fresh browser context and picks
// data no other test of this file changes.

import assert from 'node:assert/strict';
import { e2eFile, signIn, call, unique, eventually, TODAY } from './support.mjs';

let sandbox;
// The browser is the file frame's; tests reach it through their page.
const e2e = e2eFile((s) => {
  sandbox = s;
});

const OWNER = 'demo-owner';

/** The total count of a list (its envelope's `meta.pagination.total`). */
async function total(pathAndQuery) {
  const res = await fetch(`${sandbox.api}${pathAndQuery}`, { headers: { Authorization: `Bearer ${OWNER}`, Accept: 'application/json' } });
  assert.ok(res.ok, `GET ${pathAndQuery}: ${res.status}`);
  const json = await res.json();
  return (json.meta?.pagination ?? json.pagination).total;
}

const get = (pathAndQuery) => call(sandbox, OWNER, 'GET', pathAndQuery);

/** `YYYY-MM-DD` `n` days after `day`. */
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const MONDAY = addDays(TODAY, -2); // 2026-03-02
const LAST_MONDAY = addDays(MONDAY, -7);
const LAST_SUNDAY = addDays(MONDAY, -1);

/** The panel's `12.5 h`. */
// As the panel writes hours in English: one decimal, thousands grouped (Intl, crates/admin/src/format.rs).
const hours = (minutes) => `${(minutes / 60).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`;

/** Members who can track (active, not archived or blocked, not project viewers). */
async function trackable() {
  const members = await get('/members?workspace_id=1&per_page=100');
  return members.filter((m) => m.status === 'active' && !m.deleted_at && !m.is_blocked && m.current_role !== 'Project viewer');
}

const fullName = (m) => `${m.firstname} ${m.lastname}`.trim();

/** `text` as a regular expression that matches it literally. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The toast with `text` in it. */
const toast = (page, text) => page.locator('.toasts .toast').filter({ hasText: text });

/** A figure of the dashboard, by its `data-figure`. */
const figure = (page, name) => page.locator(`[data-figure="${name}"]`);

/** Live tracking reads the trackers of the rows on screen only (the first 10 by name, "Show
 * more" for the next): filters the list to `name`, so that member's row is on screen. */
async function showOnTracking(page, name) {
  const search = page.getByRole('search');
  await search.getByLabel('Name contains').fill(name);
  await search.getByRole('button', { name: 'Apply' }).click();
}

/** A member with an active contract who is not tracking, left alone by the other tests. */
async function idleMemberWithContract(skip) {
  const members = await trackable();
  const contracts = await get('/contracts?workspace_id=1&status=active&per_page=100');
  for (const m of members) {
    if (skip.includes(m.id)) continue;
    const c = contracts.find((k) => k.user_id === m.id);
    if (!c) continue;
    const state = await get(`/time-tracking/current-data?workspace_id=1&user_id=${m.id}`);
    if (!state.is_running) return { member: m, contract: c };
  }
  throw new Error('no idle member with an active contract in the demo data');
}

e2e('the dashboard shows the numbers the API has', async (page) => {
  // The dashboard's today is the API's today for the signed-in owner (their tracker's date, in
  // their zone): TODAY in UTC, except in the hours when the owner's zone is already on the next day.
  const ownerId = (await get('/workspaces?per_page=100')).find((w) => w.id === 1).user_id;
  const today = (await get(`/time-tracking/current-data?workspace_id=1&user_id=${ownerId}`)).date;
  // The seed has no closed time today: 20 minutes of the owner's make "hours today" a figure.
  // (The tracker tests leave the owner alone, so this cannot overlap a tracker of theirs.)
  await call(sandbox, OWNER, 'POST', '/time-entries', {
    workspace_id: 1, user_id: ownerId, date: today, start_time: '00:00', end_time: '00:20', notes: unique('Dashboard e2e '),
  });

  await signIn(page, sandbox);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.waitForURL(/\/w\/1\/?$/);
  await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();

  // What the API says, read the way the tiles read it.
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const [submitted, requests, leaves, onLeave, week, lastWeek] = await Promise.all([
    total('/timesheets?workspace_id=1&status=submitted&per_page=1'),
    total(`/time-requests?workspace_id=1&status=pending&date_from=${addDays(today, -365)}&date_to=${today}&per_page=1`),
    total('/leaves?workspace_id=1&status=pending&per_page=1'),
    get(`/leaves?workspace_id=1&status=approved&date_from=${today}&date_to=${today}&per_page=100`),
    get(`/reports/tracked-hours?workspace_id=1&start_date=${monday}&end_date=${today}`),
    get(`/reports/tracked-hours?workspace_id=1&start_date=${addDays(monday, -7)}&end_date=${addDays(monday, -1)}`),
  ]);
  const members = await trackable();
  const states = await Promise.all(members.map((m) => get(`/time-tracking/current-data?workspace_id=1&user_id=${m.id}`)));
  const running = members.filter((_, i) => states[i].is_running);
  // "Hours today" is everyone's time on the owner's today: the report's closed time of that date,
  // plus what a running tracker on that date adds. Members west of UTC may still be on the day
  // before (their own tracker's total is of that day), so their totals are not summed as such.
  const closedOf = (user) => (week.dates[today]?.users ?? []).filter((u) => u.user_id === user).reduce((s, u) => s + u.total_minutes, 0);
  const closedToday = (week.dates[today]?.users ?? []).reduce((s, u) => s + u.total_minutes, 0);
  const extra = (s) => (s.is_running && s.date === today ? Math.max(0, s.total_minutes - closedOf(s.user_id)) : 0);
  // The dashboard knows the owner's tracker; others' only once Live tracking has read them.
  const ownerState = states.find((s) => s.user_id === ownerId) ?? { is_running: false };
  const least = closedToday + extra(ownerState);
  const most = closedToday + states.reduce((sum, s) => sum + extra(s), 0);
  assert.ok(closedToday >= 20, `the report has the owner's 20 minutes today (${closedToday})`);

  await eventually('the approval counts', async () => (await figure(page, 'pending-timesheets').count()) === 1);
  assert.equal(await figure(page, 'pending-timesheets').innerText(), String(submitted));
  assert.equal(await figure(page, 'pending-time-requests').innerText(), String(requests));
  assert.equal(await figure(page, 'pending-leaves').innerText(), String(leaves));
  assert.ok(submitted > 0 && requests > 0, 'the demo has work waiting');

  await figure(page, 'hours-week').waitFor();
  assert.equal(await figure(page, 'hours-week').innerText(), hours(week.total.total_minutes));
  const sameDays = Object.entries(lastWeek.dates)
    // Whole days: last week's days before today's weekday (today is still under way).
    .filter(([d]) => d <= addDays(today, -8))
    .reduce((sum, [, day]) => sum + day.users.reduce((s, u) => s + u.total_minutes, 0), 0);
  assert.equal(
    await figure(page, 'hours-last-week').innerText(),
    `Last week: ${hours(sameDays)} on the same days, ${hours(lastWeek.total.total_minutes)} in all.`,
  );

  assert.equal(await figure(page, 'on-leave').innerText(), String(onLeave.length));
  const leaveTile = page.getByRole('region', { name: 'On leave today' });
  for (const l of onLeave) {
    const m = (await get(`/members/${l.user_id}?workspace_id=1`));
    assert.match(await leaveTile.innerText(), new RegExp(literal(fullName(m))));
  }

  // The trackers: one request per member, so these fill in last.
  await eventually('the trackers', async () => (await figure(page, 'tracking-now').innerText()) !== '…', 30_000);
  assert.equal(await figure(page, 'tracking-now').innerText(), String(running.length));
  // "7 h 05 min" / "45 min" back to minutes; a running tracker may add a minute between our
  // read and the panel's.
  const shown = /^(?:(\d+) h )?(\d+) min$/.exec(await figure(page, 'hours-today').innerText());
  assert.ok(shown, 'hours today reads as a duration');
  const panelMinutes = Number(shown[1] ?? 0) * 60 + Number(shown[2]);
  assert.ok(
    panelMinutes >= least - running.length && panelMinutes <= most + running.length,
    `today: the panel ${panelMinutes} min, the API ${least}–${most} min`,
  );

  // Every tile links to its view.
  await page.getByRole('region', { name: 'Waiting for approval' }).getByRole('link', { name: /time requests/ }).click();
  await page.getByRole('heading', { name: 'Time requests', exact: true }).waitFor();
  const rows = page.getByRole('grid', { name: 'Time requests' }).locator('tbody tr');
  await eventually('the pending requests', async () => (await rows.count()) === Math.min(20, requests));
});

e2e('starts a tracker for a member, stops it, and finds the new time entry', async (page) => {
  const { member, contract } = await idleMemberWithContract([5, 1]);
  const name = fullName(member);
  const what = unique('Tracking e2e ');
  await signIn(page, sandbox);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live tracking' }).click();
  await page.getByRole('heading', { name: 'Live tracking' }).waitFor();
  await showOnTracking(page, name);

  await page.getByRole('button', { name: `Start a tracker for ${name}` }).click();
  const form = page.getByRole('form', { name: `Start a tracker for ${name}` });
  const contractSelect = form.getByLabel('Contract');
  await contractSelect.locator(`option[value="${contract.id}"]`).waitFor({ state: 'attached' });
  // The picker offers this member's contracts only.
  const offered = await contractSelect.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  const own = (await get(`/contracts?workspace_id=1&user_id=${member.id}&status=active`)).map((c) => String(c.id));
  assert.deepEqual(offered.sort(), own.sort(), 'the contract picker is filtered to the member');
  await contractSelect.selectOption(String(contract.id));
  await form.getByLabel('Activity description').fill(what);
  await form.getByRole('button', { name: 'Start tracker' }).click();
  const started = Date.now();
  await toast(page, `Started ${name}'s tracker`).waitFor();

  // The reply's state shows at once, and the API agrees.
  const row = page.getByRole('grid', { name: 'Trackers' }).getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: `Stop ${name}'s tracker` }).waitFor();
  assert.match(await row.innerText(), new RegExp(`since \\d\\d:\\d\\d[\\s\\S]*${what}`));
  const state = await get(`/time-tracking/current-data?workspace_id=1&user_id=${member.id}`);
  assert.equal(state.is_running, true);
  assert.equal(state.activity_description, what);
  assert.equal(state.contract_id, contract.id);

  // The dashboard (same board, no reload) lists them as tracking.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
  const tile = page.getByRole('region', { name: 'Tracking now' });
  await tile.getByText(`${name} — `, { exact: false }).waitFor();
  assert.match(await tile.innerText(), new RegExp(what));

  // A tracker under a minute writes no entry: wait for the minute.
  await new Promise((r) => setTimeout(r, Math.max(0, 62_000 - (Date.now() - started))));
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live tracking' }).click();
  await showOnTracking(page, name);
  await row.getByRole('button', { name: `Stop ${name}'s tracker` }).click();
  await toast(page, `Stopped ${name}'s tracker: 1 min written`).waitFor();
  await row.getByRole('button', { name: `Start a tracker for ${name}` }).waitFor();
  assert.match(await row.innerText(), /not tracking/);
  assert.equal((await get(`/time-tracking/current-data?workspace_id=1&user_id=${member.id}`)).is_running, false);

  // The entry, in the time entries of the day it was tracked on: the member's day, which the
  // tracker's state named (the sandbox's date in the member's zone, not always TODAY in UTC).
  await page.goto(`${sandbox.origin}/w/1/time-entries?member=${member.id}&from=${state.date}&to=${state.date}`);
  const entry = page.getByRole('grid', { name: 'Time entries' }).getByRole('row').filter({ hasText: what });
  await entry.waitFor();
  assert.match(await entry.innerText(), /1 min/);
  const apiEntries = await get(`/time-entries?workspace_id=1&user_id=${member.id}&date=${state.date}`);
  const written = apiEntries.find((e) => e.activity_description === what);
  assert.ok(written, 'the API has the entry');
  assert.equal(written.method, 'Web tracker');
}, { timeout: 300_000 });

e2e('edits an entry; once its timesheet is approved the entry is locked and an edit is refused', async (page, { context }) => {
  // Seán O'Brien (5): last week's timesheet is submitted.
  const [sheet] = await get(`/timesheets?workspace_id=1&user_id=5&date_from=${LAST_MONDAY}&date_to=${LAST_SUNDAY}`);
  assert.equal(sheet.status, 'submitted');
  const day = addDays(LAST_MONDAY, 1);
  const [entry] = (await get(`/time-entries?workspace_id=1&user_id=5&date=${day}`)).sort((a, b) => a.start_time.localeCompare(b.start_time));
  assert.ok(entry, 'an entry on last Tuesday');
  const start = entry.start_time.slice(11, 16);
  const end = entry.end_time.slice(11, 16);
  // Five minutes shorter: never overlaps anything.
  const [eh, em] = end.split(':').map(Number);
  const newEnd = `${String(Math.floor((eh * 60 + em - 5) / 60)).padStart(2, '0')}:${String((eh * 60 + em - 5) % 60).padStart(2, '0')}`;

  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/time-entries?member=5&from=${LAST_MONDAY}&to=${LAST_SUNDAY}`);
  const grid = page.getByRole('grid', { name: 'Time entries' });
  const edit = grid.getByRole('button', { name: `Edit the entry of ${day} ${start}` });
  await edit.click();
  const form = page.getByRole('form', { name: `Edit the entry of ${day} ${start}` });
  const endField = form.getByRole('textbox', { name: 'End' });
  assert.equal(await endField.inputValue(), end, 'the form starts from the entry');
  // The order of start and end is checked as one types.
  await endField.fill(start);
  await form.getByText('Must be after the start.').waitFor();
  assert.ok(await form.getByRole('button', { name: 'Save' }).isDisabled(), 'no save while the end is not after the start');
  await endField.fill(newEnd);
  await form.getByRole('button', { name: 'Save' }).click();
  await toast(page, 'Time entry saved.').waitFor();
  const row = grid.getByRole('row').filter({ hasText: `${start}–${newEnd}` });
  await row.waitFor();
  const edited = (await get(`/time-entries?workspace_id=1&user_id=5&date=${day}`)).find((e) => e.id === entry.id);
  assert.equal(edited.end_time.slice(11, 16), newEnd, 'the API has the new end');

  // The edit form open again, the timesheet is approved in another tab.
  await edit.click();
  await form.getByLabel('Notes').fill('edited after approval');
  const other = await context.newPage();
  await signIn(other, sandbox);
  await other.goto(`${sandbox.origin}/w/1/timesheets?member=5`);
  await other.getByRole('button', { name: new RegExp(`^Approve .*${LAST_MONDAY}`) }).click();
  await other.locator('.toasts .toast').filter({ hasText: 'Approved' }).waitFor();
  assert.equal((await get(`/timesheets?workspace_id=1&id=${sheet.id}`))[0].status, 'approved');
  await other.close();

  // Saving now is refused by the API, the message under the form, the values kept.
  await form.getByRole('button', { name: 'Save' }).click();
  const refusal = form.getByRole('alert');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /approved/i);
  assert.equal(await form.getByLabel('Notes').inputValue(), 'edited after approval', 'nothing typed is lost');

  // After a reload the entry is locked, with the reason, and offers no edit.
  await page.reload();
  const locked = grid.getByRole('row').filter({ hasText: `${start}–${newEnd}` });
  await locked.waitFor();
  assert.match(await locked.innerText(), new RegExp(`Locked[\\s\\S]*In the approved timesheet of ${LAST_MONDAY} – ${LAST_SUNDAY}`));
  assert.equal(await locked.getByRole('button', { name: /^Edit/ }).count(), 0, 'a locked entry has no Edit');
  assert.equal(await grid.getByRole('button', { name: /^Edit the entry of/ }).count(), 0, 'the whole approved week is locked');
});

e2e('rejects a timesheet with a reason, after reading its daily breakdown', async (page) => {
  const submitted = await get('/timesheets?workspace_id=1&status=submitted&per_page=100');
  const sheet = submitted.find((t) => t.user_id !== 5 && t.total_minutes > 0);
  assert.ok(sheet, 'a submitted timesheet with time');
  const reason = unique('Missing Friday afternoon ');
  await signIn(page, sandbox);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Timesheets/ }).click();
  await page.getByRole('heading', { name: 'Timesheets', exact: true }).waitFor();
  // The navigation's badge counts what waits.
  const badge = page.getByRole('navigation', { name: 'Sections' }).locator('.badge.count');
  assert.equal(await badge.innerText(), String(submitted.length));
  await page.getByLabel('Member').selectOption(String(sheet.user_id));
  await page.waitForURL((url) => url.searchParams.get('member') === String(sheet.user_id));
  // Only this member's timesheets once the filtered list is in.
  const rows = page.getByRole('grid', { name: 'Timesheets' }).locator('tbody tr');
  const theirs = submitted.filter((t) => t.user_id === sheet.user_id).length;
  await eventually('the member filter', async () => (await rows.count()) === theirs);
  const row = rows.filter({ hasText: `${sheet.date_from} – ${sheet.date_to}` });
  await row.waitFor();

  // The daily breakdown per project adds up to the timesheet's total.
  await row.getByRole('button', { name: 'Breakdown' }).click();
  const breakdown = page.getByRole('region', { name: /Daily breakdown of/ });
  await breakdown.waitFor();
  const projects = new Set(Object.values(sheet.daily_breakdown).flat().map((d) => d.project_name));
  for (const p of projects) await breakdown.getByRole('rowheader', { name: p }).waitFor();
  const total = (m) => (m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`);
  const dayTotal = breakdown.getByRole('row', { name: /Day total/ });
  assert.match(await dayTotal.innerText(), new RegExp(`${total(sheet.total_minutes)}$`));

  await row.getByRole('button', { name: /^Reject / }).click();
  const dialog = page.getByRole('dialog', { name: 'Reject this timesheet?' });
  await dialog.waitFor();
  const confirm = dialog.getByRole('button', { name: 'Reject', exact: true });
  assert.ok(await confirm.isDisabled(), 'a reason is required');
  await dialog.getByLabel('Reason').fill(reason);
  await confirm.click();
  await toast(page, 'Rejected').waitFor();
  // It leaves the queue (submitted only by default); the API has the reason.
  await row.waitFor({ state: 'detached' });
  const [after] = await get(`/timesheets?workspace_id=1&id=${sheet.id}`);
  assert.equal(after.status, 'rejected');
  assert.equal(after.reject_reason, reason);
  await eventually('the badge to count one less', async () => (await badge.innerText()) === String(submitted.length - 1));
  // With every status, it shows as rejected with the reason.
  await page.getByLabel('Status').selectOption('any');
  const again = page.getByRole('grid', { name: 'Timesheets' }).getByRole('row').filter({ hasText: reason });
  await again.waitFor();
  assert.match(await again.innerText(), /rejected/);
});

e2e('files a time request for a member, approves it and finds its time entry', async (page) => {
  // Early on Monday of this week: before the demo's working blocks.
  const { member, contract } = await idleMemberWithContract([5, 1]);
  const name = fullName(member);
  const sameDay = await get(`/time-entries?workspace_id=1&user_id=${member.id}&date=${MONDAY}`);
  assert.ok(sameDay.every((e) => e.start_time.slice(11, 16) >= '06:00'), 'the early morning is free');
  const what = unique('Requested e2e ');

  await signIn(page, sandbox);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Time requests' }).click();
  await page.getByRole('heading', { name: 'Time requests', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Request time for a member' }).click();
  const form = page.getByRole('form', { name: 'Request time for a member' });
  await form.getByLabel('Member').locator(`option[value="${member.id}"]`).waitFor({ state: 'attached' });
  await form.getByLabel('Member').selectOption(String(member.id));
  await form.getByLabel('Date').fill(MONDAY);
  await form.getByRole('textbox', { name: 'Start' }).fill('04:30');
  await form.getByRole('textbox', { name: 'End' }).fill('5:45');
  await form.getByLabel('Contract').locator(`option[value="${contract.id}"]`).waitFor({ state: 'attached' });
  await form.getByLabel('Contract').selectOption(String(contract.id));
  await form.getByLabel('Activity description').fill(what);
  await form.getByRole('button', { name: 'File request' }).click();
  await toast(page, 'Time request filed').waitFor();

  const row = page.getByRole('grid', { name: 'Time requests' }).getByRole('row').filter({ hasText: what });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`${MONDAY} 04:30–05:45[\\s\\S]*1 h 15 min`));
  await row.getByRole('button', { name: /^Approve / }).click();
  await toast(page, 'its time entry was written').waitFor();
  // Approved, it leaves the pending queue; with every status it links to its entry.
  await row.waitFor({ state: 'detached' });
  await page.getByLabel('Status').selectOption('approved');
  const approved = page.getByRole('grid', { name: 'Time requests' }).getByRole('row').filter({ hasText: what });
  await approved.getByRole('link', { name: 'Entry' }).click();
  await page.getByRole('heading', { name: 'Time entries', exact: true }).waitFor();
  const entry = page.getByRole('grid', { name: 'Time entries' }).getByRole('row').filter({ hasText: '04:30–05:45' });
  await entry.waitFor();
  assert.match(await entry.innerText(), /1 h 15 min/);
  assert.match(await entry.innerText(), new RegExp(literal(contract.project_name)));

  const entries = await get(`/time-entries?workspace_id=1&user_id=${member.id}&date=${MONDAY}`);
  const written = entries.find((e) => e.start_time.slice(11, 16) === '04:30');
  assert.ok(written, 'the API has the entry');
  assert.equal(written.duration_minutes, 75);
  assert.equal(written.contract_id, contract.id);
  const requests = await get(`/time-requests?workspace_id=1&user_id=${member.id}&date_from=${MONDAY}&date_to=${MONDAY}`);
  assert.equal(requests.find((r) => (r.activity_description ?? r.notes) === what)?.status, 'approved');
  void name;
});

e2e('unsubmits and submits a timesheet, then approves two at once', async (page) => {
  const submitted = (await get('/timesheets?workspace_id=1&status=submitted&per_page=100')).filter((t) => t.user_id !== 5);
  const [a, b] = submitted;
  assert.ok(a && b, 'two submitted timesheets');
  const label = (t) => `${t.member.name}'s timesheet ${t.date_from} – ${t.date_to}`;
  const status = async (t) => (await get(`/timesheets?workspace_id=1&id=${t.id}`))[0].status;
  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/timesheets`);
  const grid = page.getByRole('grid', { name: 'Timesheets' });
  await grid.getByRole('button', { name: `Unsubmit ${label(a)}` }).waitFor();
  // The queue fits its frame at the default 1280 px: no action is cut off behind a scrollbar.
  const overflow = await page.locator('.table-wrap').first().evaluate((w) => w.scrollWidth - w.clientWidth);
  assert.ok(overflow <= 0, `the timesheet table is ${overflow} px wider than its frame`);

  // Unsubmit: back to pending, out of the queue.
  await grid.getByRole('button', { name: `Unsubmit ${label(a)}` }).click();
  await toast(page, `Unsubmitted ${label(a)}.`).waitFor();
  await grid.getByRole('button', { name: `Unsubmit ${label(a)}` }).waitFor({ state: 'detached' });
  assert.equal(await status(a), 'pending');
  // Submit it again from the pending ones.
  await page.getByLabel('Status').selectOption('pending');
  await page.getByLabel('Member').selectOption(String(a.user_id));
  await grid.getByRole('button', { name: `Submit ${label(a)}` }).click();
  // ("Unsubmitted …" may still show: the new notice starts with "Submitted".)
  await toast(page, new RegExp(`^Submitted ${literal(label(a))}`)).waitFor();
  assert.equal(await status(a), 'submitted');

  // Both selected, approved at once.
  await page.goto(`${sandbox.origin}/w/1/timesheets`);
  await grid.getByRole('checkbox', { name: `Select ${label(a)}` }).check();
  await grid.getByRole('checkbox', { name: `Select ${label(b)}` }).check();
  const bar = page.getByRole('region', { name: 'Selected timesheets' });
  assert.match(await bar.innerText(), /2 selected/);
  await bar.getByRole('button', { name: 'Approve selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve the selected timesheets?' });
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await toast(page, 'Approved 2 timesheets.').waitFor();
  assert.equal(await status(a), 'approved');
  assert.equal(await status(b), 'approved');
  await grid.getByRole('checkbox', { name: `Select ${label(a)}` }).waitFor({ state: 'detached' });
});

e2e('adds a manual time entry for a member and deletes it', async (page) => {
  const { member, contract } = await idleMemberWithContract([5, 1]);
  const sameDay = await get(`/time-entries?workspace_id=1&user_id=${member.id}&date=${MONDAY}`);
  assert.ok(sameDay.every((e) => e.start_time.slice(11, 16) >= '03:00'), 'the night is free');
  const what = unique('Manual e2e ');
  await signIn(page, sandbox);
  await page.goto(`${sandbox.origin}/w/1/time-entries?member=${member.id}&from=${MONDAY}&to=${MONDAY}`);
  await page.getByRole('heading', { name: 'Time entries', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Add time' }).click();
  const form = page.getByRole('form', { name: 'Add time' });
  assert.equal(await form.getByLabel('Date').inputValue(), MONDAY, 'the day of the range');
  await form.getByRole('textbox', { name: 'Start' }).fill('02:00');
  await form.getByRole('textbox', { name: 'End' }).fill('0245');
  await form.getByText('45 min in all.').waitFor();
  await form.getByLabel('Project (contract)').locator(`option[value="${contract.id}"]`).waitFor({ state: 'attached' });
  await form.getByLabel('Project (contract)').selectOption(String(contract.id));
  await form.getByLabel('Notes').fill(what);
  await form.getByRole('button', { name: 'Add time' }).click();
  await toast(page, 'Added 45 min.').waitFor();
  const row = page.getByRole('grid', { name: 'Time entries' }).getByRole('row').filter({ hasText: what });
  await row.waitFor();
  assert.match(await row.innerText(), /02:00–02:45[\s\S]*45 min/);
  const added = (await get(`/time-entries?workspace_id=1&user_id=${member.id}&date=${MONDAY}`)).find((e) => e.activity_description === what);
  assert.equal(added?.duration_minutes, 45, 'the API has the entry');

  await row.getByRole('button', { name: `Delete the entry of ${MONDAY} 02:00` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this time entry?' });
  assert.match(await dialog.innerText(), /02:00–02:45 \(45 min\)/);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await toast(page, `Deleted the entry of ${MONDAY} 02:00.`).waitFor();
  await row.waitFor({ state: 'detached' });
  const left = await get(`/time-entries?workspace_id=1&user_id=${member.id}&date=${MONDAY}`);
  assert.equal(left.find((e) => e.id === added.id), undefined, 'gone from the API');
});
