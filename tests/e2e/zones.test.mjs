// Time zones end to end (issue 21; the decision is inferred, SANDBOX.md "Time zones"): a viewer in
// Europe/Madrid looks at the time of a member in Asia/Manila. A time entry's date and HH:mm are
// the member's wall clock; the panel shows them so, with the zone named, and on the viewer's own
// clock after the switch. Day totals stay in the member's days, so a week across the European
// daylight-saving change totals what the API's tracked-hours report says for the same days.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { e2eFile, signIn, call, unique, startSandbox, WAIT } from './support.mjs';

let sandbox;
let browser;
// The file's sandbox and browser (its tests make their own contexts: a locale, a time zone).
e2eFile((s, b) => {
  sandbox = s;
  browser = b;
});

const OWNER = 'demo-owner';
// Marta Kowalska (user 7) is in Asia/Manila (UTC+8, no daylight saving) in the demo data.
const MANILA = 7;

/** A page of a browser context whose clock is in Madrid. */
async function madridPage() {
  const context = await browser.newContext({ timezoneId: 'Europe/Madrid', locale: 'en-GB' });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Adds a manual entry through the API (the member's wall clock), with a description to find it by. */
async function addEntry(date, start, end) {
  const notes = unique('zone-');
  await call(sandbox, OWNER, 'POST', '/time-entries', { workspace_id: 1, user_id: MANILA, date, start_time: start, end_time: end, notes });
  return notes;
}

/** The row of the entries grid that holds `text`. */
const rowOf = (page, text) => page.getByRole('grid', { name: 'Time entries' }).getByRole('row').filter({ hasText: text });

const switchButton = (page) => page.locator('.zone-bar button.zone-switch');

test('a Manila entry shows on the Manila day and clock, and on the Madrid ones after the switch', async () => {
  const { context, page, errors } = await madridPage();
  try {
    // 06:00 in Manila on Monday 2 March is 22:00 UTC on Sunday, 23:00 in Madrid (UTC+1 in winter).
    const what = await addEntry('2026-03-02', '06:00', '06:45');
    const [listed] = (await call(sandbox, OWNER, 'GET', `/time-entries?workspace_id=1&user_id=${MANILA}&date=2026-03-02`)).filter(
      (e) => e.activity_description === what,
    );
    assert.equal(listed.start_time, '2026-03-02T06:00:00+08:00', 'the API answers on the member clock with its offset');

    await signIn(page, sandbox);
    await page.goto(`${sandbox.origin}/w/1/time-entries?member=${MANILA}&from=2026-03-01&to=2026-03-02`);
    const row = rowOf(page, what);
    await row.waitFor();
    const bar = page.locator('.zone-bar');
    await bar.getByText('Manila time, UTC+8').waitFor();
    let text = await row.innerText();
    assert.match(text, /2026-03-02/, 'the member day');
    assert.match(text, /06:00–06:45/, 'the member clock');
    assert.match(text, /UTC\+8/, 'the zone is named');

    await switchButton(page).click();
    await bar.getByText('Madrid time, UTC+1').waitFor();
    assert.equal(await switchButton(page).getAttribute('aria-pressed'), 'true');
    await row.getByText('23:00–23:45').waitFor();
    text = await row.innerText();
    assert.match(text, /2026-03-01/, 'the viewer day: Sunday in Madrid');
    assert.match(text, /UTC\+1/);

    // The choice is remembered across a reload.
    await page.reload();
    await row.getByText('23:00–23:45').waitFor();
    assert.equal(await switchButton(page).getAttribute('aria-pressed'), 'true');

    // And back.
    await switchButton(page).click();
    await row.getByText('06:00–06:45').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a week across the October change totals what the tracked-hours report says, in both modes', async () => {
  const { context, page, errors } = await madridPage();
  try {
    // Monday 20 .. Sunday 26 October 2025; Madrid leaves summer time at 01:00 UTC on the 26th.
    const monday = await addEntry('2025-10-20', '09:00', '17:00');
    // Sunday 06:00 Manila is 22:00 UTC on Saturday, 00:00 on Sunday in Madrid (still summer time).
    const sunday = await addEntry('2025-10-26', '06:00', '08:30');
    // Monday 27th 06:00 Manila is 23:00 on Sunday in Madrid (winter time now): outside the
    // member's week, though inside the viewer's Sunday.
    await addEntry('2025-10-27', '06:00', '07:00');

    const report = await call(sandbox, OWNER, 'GET', `/reports/tracked-hours?workspace_id=1&user_id=${MANILA}&start_date=2025-10-20&end_date=2025-10-26`);
    const minutes = report.total.total_minutes;
    assert.equal(minutes, 8 * 60 + 150, 'the report counts the member days');
    const expected = `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;

    await signIn(page, sandbox);
    await page.goto(`${sandbox.origin}/w/1/time-entries?member=${MANILA}&from=2025-10-20&to=2025-10-26`);
    await rowOf(page, monday).waitFor();
    const summary = page.getByText(/entries, .* in all\./);
    assert.match(await summary.innerText(), new RegExp(`2 entries, ${expected} in all`));

    await switchButton(page).click();
    // The Monday entry: 09:00 Manila = 03:00 Madrid summer time; Sunday's = 00:00 Madrid, same day.
    await rowOf(page, monday).getByText('03:00–11:00').waitFor();
    assert.match(await rowOf(page, monday).innerText(), /UTC\+2/);
    const sundayRow = await rowOf(page, sunday).innerText();
    assert.match(sundayRow, /2025-10-26/);
    assert.match(sundayRow, /00:00–02:30/);
    // The total stays in member days, and says so.
    assert.match(await summary.innerText(), new RegExp(`2 entries, ${expected} in all`));
    await page.locator('.zone-bar').getByText("Days and day totals are the member's days").waitFor();

    // The member's timesheet of that week shows the same total.
    const [sheet] = await call(sandbox, OWNER, 'GET', `/timesheets?workspace_id=1&user_id=${MANILA}&date_from=2025-10-20&date_to=2025-10-26`);
    assert.equal(sheet.total_minutes ?? Math.round(sheet.total_hours * 60), minutes, 'the timesheet agrees with the report');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('at 00:30 UTC, with members west of UTC still on yesterday, hours today are the owner\'s day only', async () => {
  // Its own sandbox, started at 00:30 UTC: the owner (Paris) is on 2026-03-04 at 01:30, New York
  // still on 03-03 with a seeded day of work. The figure must not add those members' yesterday.
  const early = await startSandbox(['--time', '00:30']);
  const { context, page, errors } = await madridPage();
  try {
    const workspace = (await call(early, OWNER, 'GET', '/workspaces?per_page=100')).find((w) => w.id === 1);
    const today = (await call(early, OWNER, 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${workspace.user_id}`)).date;
    const members = await call(early, OWNER, 'GET', '/members?workspace_id=1&per_page=100');
    const states = await Promise.all(members.map((m) => call(early, OWNER, 'GET', `/time-tracking/current-data?workspace_id=1&user_id=${m.id}`)));
    const behind = states.filter((s) => s.date < today && s.total_minutes > 0);
    assert.ok(behind.length > 0, 'some member is still on yesterday, with time on it');
    // 20 closed minutes on the owner's day; the seed has none there yet.
    await call(early, OWNER, 'POST', '/time-entries', {
      workspace_id: 1, user_id: workspace.user_id, date: today, start_time: '00:00', end_time: '00:20', notes: unique('early-'),
    });

    await signIn(page, early);
    await page.goto(`${early.origin}/w/1`);
    const figure = page.locator('[data-figure="hours-today"]');
    await figure.waitFor();
    assert.equal(await figure.innerText(), '20 min', `not the ${behind.reduce((s, x) => s + x.total_minutes, 0)} min of yesterday's members`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await early.stop();
  }
});
