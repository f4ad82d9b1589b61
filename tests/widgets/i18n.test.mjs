// The widgets in their languages (issue 21): an element's `lang`, else its ancestors' /
// `<html lang>`, else the browser's; one catalog fetch per language for the page; the pseudo-locale
// en-XA (generated from en.ftl) leaves no English in any widget's shadow root; every time names
// its zone. Run with the other widget tests (`cargo xtask widgets`, then `node --test` here).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startSandboxServing, launchBrowser, call, eventually, readCatalog, repo, WAIT } from '../e2e/support.mjs';

const WIDGETS = process.env.WEBWORK_WIDGETS || path.join(repo, 'target/widgets');
const MONTH = '2026-03';
const WEEK = '2026-02-23..2026-03-01';
const APPROVALS_RANGE = '2026-01-01..2026-03-04';

let sandbox;
let browser;

before(async () => {
  if (!existsSync(path.join(WIDGETS, 'i18n/es.ftl'))) {
    throw new Error(`${WIDGETS}/i18n/es.ftl is missing; run \`cargo xtask widgets\` first`);
  }
  sandbox = await startSandboxServing(['--mount', `/widgets=${WIDGETS}`]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** The widgets' catalog of `tag`: id -> text. */
const catalog = (tag) => readCatalog('crates/widgets/i18n', tag);

/** A browser context in `locale` and `timezoneId`, recording the catalogs fetched and page errors. */
async function open({ locale = 'en-US', timezoneId = 'Asia/Manila' } = {}) {
  const context = await browser.newContext({ locale, timezoneId });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  const errors = [];
  const fetched = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const m = /\/widgets\/i18n\/([^/]+)\.ftl$/.exec(new URL(r.url()).pathname);
    if (m) fetched.push(m[1]);
  });
  return { context, page, errors, fetched };
}

/** Serves `body` (with `<html lang>` = `htmlLang`, or none) at /widgets/NAME, beside the bundle, and opens it. */
async function openTestPage(page, name, htmlLang, body) {
  const html = `<!doctype html><html${htmlLang ? ` lang="${htmlLang}"` : ''}><head><meta charset="utf-8"><title>t</title>
    <script type="module">
      import { WebWorkWidgets } from './webwork-widgets.js';
      WebWorkWidgets.configure({ token: 'demo-owner', baseUrl: '/api/v2' });
    </script></head><body><main>${body}</main></body></html>`;
  await page.route(`${sandbox.origin}/widgets/${name}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${sandbox.origin}/widgets/${name}`);
}

/** The text of `selector` inside the shadow root of the `index`-th `element` ('' while absent). */
function shadowText(page, element, selector, index = 0) {
  return page.evaluate(
    ({ element, selector, index }) => document.querySelectorAll(element)[index]?.shadowRoot?.querySelector(selector)?.textContent ?? '',
    { element, selector, index },
  );
}

async function waitText(page, element, selector, expected, index = 0) {
  await eventually(`${element} ${selector} to read "${expected}"`, async () => (await shadowText(page, element, selector, index)) === expected);
}

const attr = (page, element, name, index = 0) =>
  page.evaluate(({ element, name, index }) => document.querySelectorAll(element)[index].getAttribute(name), { element, name, index });

test('a lang attribute picks the widget’s language; the others follow the page, each marked with the language it shows', async () => {
  const es = catalog('es');
  const en = catalog('en');
  const { context, page, errors, fetched } = await open();
  try {
    await openTestPage(
      page,
      'lang-attribute.html',
      'en',
      `<webwork-leave-calendar lang="es" workspace-id="1" month="${MONTH}"></webwork-leave-calendar>
       <webwork-leave-calendar lang="es-MX" workspace-id="1" month="${MONTH}"></webwork-leave-calendar>
       <webwork-leave-calendar workspace-id="1" month="${MONTH}"></webwork-leave-calendar>`,
    );
    await waitText(page, 'webwork-leave-calendar', 'h2', es['leave-heading'], 0);
    // es-MX has no catalog of its own: Spanish, by its primary language.
    await waitText(page, 'webwork-leave-calendar', 'h2', es['leave-heading'], 1);
    await waitText(page, 'webwork-leave-calendar', 'h2', en['leave-heading'], 2);
    // Dates in the widget's language by Intl; the texts around them from the catalog.
    await waitText(page, 'webwork-leave-calendar', 'caption', 'Ausencias en marzo de 2026', 0);
    await waitText(page, 'webwork-leave-calendar', 'caption', 'Away in March 2026', 2);
    assert.equal(await shadowText(page, 'webwork-leave-calendar', 'thead th.who', 0), es['leave-who']);
    // The page's lang stays on the elements that set it; the inferred one is written on the third.
    assert.equal(await attr(page, 'webwork-leave-calendar', 'lang', 0), 'es');
    assert.equal(await attr(page, 'webwork-leave-calendar', 'lang', 1), 'es-MX');
    assert.equal(await attr(page, 'webwork-leave-calendar', 'lang', 2), 'en');
    // Spanish fetched once for both Spanish widgets; English is in the bundle.
    assert.deepEqual(fetched, ['es']);

    // Changing the attribute shows that widget in the new language (German), and only that one.
    await page.evaluate(() => document.querySelectorAll('webwork-leave-calendar')[0].setAttribute('lang', 'de'));
    await waitText(page, 'webwork-leave-calendar', 'h2', catalog('de')['leave-heading'], 0);
    await waitText(page, 'webwork-leave-calendar', 'caption', 'Abwesend im März 2026', 0);
    assert.equal(await shadowText(page, 'webwork-leave-calendar', 'h2', 1), es['leave-heading']);
    assert.deepEqual(fetched, ['es', 'de']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('<html lang> sets the language of every widget, follows its changes, and an unknown one falls back to the browser’s', async () => {
  const es = catalog('es');
  const { context, page, errors } = await open({ locale: 'pt-BR' });
  try {
    await openTestPage(
      page,
      'html-lang.html',
      'es',
      `<section lang="fr"><webwork-approvals workspace-id="1" range="${APPROVALS_RANGE}"></webwork-approvals></section>
       <webwork-hours-chart workspace-id="1" range="${WEEK}"></webwork-hours-chart>
       <webwork-timer workspace-id="1"></webwork-timer>`,
    );
    // The chart and the timer are inside <html lang="es">: Spanish.
    await waitText(page, 'webwork-hours-chart', 'h2', es['hours-heading']);
    await waitText(page, 'webwork-timer', '.state-note', 'Sin configurar: define member-id con el ID de usuario del miembro.');
    assert.equal(await attr(page, 'webwork-hours-chart', 'lang'), 'es');
    // Numbers in Spanish (a decimal comma) and the legend's "Others" from the catalog.
    await eventually('the chart', async () => /^[\d.]+,\d h en total$/.test(await shadowText(page, 'webwork-hours-chart', '.summary')));
    const legend = await page.evaluate(() => [...document.querySelector('webwork-hours-chart').shadowRoot.querySelectorAll('.chart-legend li')].map((li) => li.textContent));
    assert.equal(legend.at(-1), es['hours-others']);
    // The approvals sit in a French section: no French catalog, so the browser's language (pt-BR).
    await waitText(page, 'webwork-approvals', 'h2', catalog('pt-BR')['approvals-heading']);
    assert.equal(await attr(page, 'webwork-approvals', 'lang'), 'pt-BR');
    assert.match(await shadowText(page, 'webwork-approvals', '.summary'), /^\d+ aguardando aprovação$/);

    // The page switches to German: the widgets without a lang of their own follow.
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'de'));
    await waitText(page, 'webwork-hours-chart', 'h2', catalog('de')['hours-heading']);
    await waitText(page, 'webwork-timer', '.state-note', 'Nicht eingerichtet: Setzen Sie member-id auf die Benutzer-ID des Mitglieds.');
    assert.equal(await attr(page, 'webwork-hours-chart', 'lang'), 'de');
    assert.equal(await shadowText(page, 'webwork-approvals', 'h2'), catalog('pt-BR')['approvals-heading']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('without any lang the browser’s languages choose, and every time shown names its zone', async () => {
  const de = catalog('de');
  const { context, page, errors } = await open({ locale: 'de-AT', timezoneId: 'Asia/Manila' });
  try {
    // Member 5 starts tracking, so the timer and team status show a start time.
    await call(sandbox, 'demo-owner', 'POST', '/time-tracking/start', { workspace_id: 1, user_id: 5 });
    await openTestPage(
      page,
      'browser-lang.html',
      null,
      `<webwork-timer workspace-id="1" member-id="5"></webwork-timer>
       <webwork-team-status workspace-id="1" member-ids="5"></webwork-team-status>
       <webwork-approvals workspace-id="1" range="${APPROVALS_RANGE}"></webwork-approvals>`,
    );
    await waitText(page, 'webwork-timer', 'h2', de['timer-heading']);
    assert.equal(await attr(page, 'webwork-timer', 'lang'), 'de');
    // "Erfasst seit 17:05 (Zeit in Manila, UTC+8)": the browser's zone, named with its offset.
    await eventually('the running timer', async () => /^Erfasst seit \d\d:\d\d \(Zeit in Manila, UTC\+8\)$/.test(await shadowText(page, 'webwork-timer', '.timer-status')));
    await eventually('team status', async () => /seit \d\d:\d\d$/.test(await shadowText(page, 'webwork-team-status', '.person-detail')));
    assert.equal(await shadowText(page, 'webwork-team-status', '.zone-note'), 'Uhrzeiten: Zeit in Manila, UTC+8.');
    // Time requests show clock times: the same note under the list.
    await eventually('approvals', async () => (await shadowText(page, 'webwork-approvals', '.zone-note')) === 'Uhrzeiten: Zeit in Manila, UTC+8.');
    assert.deepEqual(errors, []);
  } finally {
    await call(sandbox, 'demo-owner', 'POST', '/time-tracking/stop', { workspace_id: 1, user_id: 5 }).catch(() => {});
    await context.close();
  }
});

// ---- The pseudo-locale ----

/** Every English word (3 letters or more) of the English catalog, outside placeables. */
function englishWords() {
  const words = new Set();
  for (const text of Object.values(catalog('en'))) {
    for (const w of text.replace(/\{[^}]*\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? []) words.add(w.toLowerCase());
  }
  return words;
}

/** What the widgets show that is data: names, projects, tasks, notes, leave types. */
async function dataValues() {
  const values = ['WebWork', 'API', 'Manila'];
  const members = await call(sandbox, 'demo-owner', 'GET', '/members?workspace_id=1&per_page=100');
  for (const m of members) values.push(`${m.firstname} ${m.lastname}`, m.firstname, m.lastname, m.email);
  for (const p of await call(sandbox, 'demo-owner', 'GET', '/projects?workspace_id=1&per_page=100')) values.push(p.name);
  for (const c of await call(sandbox, 'demo-owner', 'GET', '/contracts?workspace_id=1&user_id=5&status=active&per_page=100')) values.push(c.project_name);
  for (const r of await call(sandbox, 'demo-owner', 'GET', '/time-requests?workspace_id=1&status=pending&date_from=2026-01-01&date_to=2026-03-04&per_page=100')) {
    values.push(r.activity_description, r.notes);
  }
  for (const l of await call(sandbox, 'demo-owner', 'GET', '/leaves?workspace_id=1&date_from=2026-03-01&date_to=2026-03-31&per_page=100')) values.push(l.policy_name);
  return values.filter((v) => typeof v === 'string' && v).sort((a, b) => b.length - a.length);
}

/** English words left in `text` once data values and Intl's dates (Intl has no en-XA: English month and day names) are removed. */
function englishLeft(text, words, data) {
  let rest = text;
  for (const value of data) rest = rest.split(value).join(' ');
  rest = rest.replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b,?/g, ' ').replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/g, ' ');
  return [...new Set((rest.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => words.has(w.toLowerCase())))];
}

test('in the pseudo-locale no English is left in any widget of the demo page (text, labels and the chart’s table)', async () => {
  const words = englishWords();
  const data = await dataValues();
  const { context, page, errors, fetched } = await open();
  try {
    await page.goto(`${sandbox.origin}/widgets/?token=demo-owner`);
    await page.evaluate(
      ({ WEEK, MONTH, APPROVALS_RANGE }) => {
        document.querySelector('webwork-hours-chart').setAttribute('range', WEEK);
        document.querySelector('webwork-leave-calendar').setAttribute('month', MONTH);
        document.querySelector('webwork-approvals').setAttribute('range', APPROVALS_RANGE);
        document.documentElement.setAttribute('lang', 'en-XA');
      },
      { WEEK, MONTH, APPROVALS_RANGE },
    );
    const states = () =>
      page.evaluate(() => WebWorkWidgets.elements.map((name) => document.querySelector(name).shadowRoot.querySelector('section.widget')?.dataset.state));
    await eventually('every widget ready in en-XA', async () => {
      const langs = await page.evaluate(() => WebWorkWidgets.elements.map((name) => document.querySelector(name).shadowRoot.querySelector('section.widget')?.lang));
      return langs.every((l) => l === 'en-XA') && (await states()).every((s) => s === 'ready');
    });
    assert.deepEqual(fetched, ['en-XA']);
    // The chart's table view too (its headers, the total column).
    await page.evaluate(() => document.querySelector('webwork-hours-chart').shadowRoot.querySelector('.chart-toggle').click());
    await eventually('the table view', async () => (await shadowText(page, 'webwork-hours-chart', 'table.chart-table tbody tr')) !== '');
    // A rejection form open, so its label and buttons are read as well.
    await page.evaluate(() => document.querySelector('webwork-approvals').shadowRoot.querySelector('li .btn.danger').click());
    await eventually('the rejection form', async () => (await shadowText(page, 'webwork-approvals', 'form.reject')) !== '');
    const shown = await page.evaluate(() =>
      WebWorkWidgets.elements
        .map((name) => {
          const root = document.querySelector(name).shadowRoot;
          const labels = [...root.querySelectorAll('[aria-label], svg title')].map((e) => e.getAttribute('aria-label') ?? e.textContent);
          return `${root.textContent}\n${labels.join('\n')}`;
        })
        .join('\n---\n'),
    );
    // The heading attribute of the demo's timer is the page's own text.
    const left = englishLeft(shown.replace("Seán's timer", ' '), words, data);
    assert.deepEqual(left, [], `English in the widgets:\n${shown}`);
    // And the check can fail: the English catalog's own words are found.
    assert.ok(englishLeft(catalog('en')['approvals-empty'], words, data).length > 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('when the widgets’ code cannot load, the element says so in its language, from the catalog', async () => {
  const { context, page } = await open();
  try {
    await page.route(`${sandbox.origin}/widgets/widgets_wasm_bg.wasm`, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await openTestPage(
      page,
      'no-wasm.html',
      'en',
      `<webwork-timer lang="de" workspace-id="1" member-id="5"></webwork-timer>
       <webwork-team-status workspace-id="1"></webwork-team-status>`,
    );
    const alert = (element) => shadowText(page, element, '.load-error[role="alert"]');
    await eventually('the German load error', async () => (await alert('webwork-timer')).startsWith('Dieses Widget konnte nicht geladen werden ('));
    await eventually('the English load error', async () => (await alert('webwork-team-status')).startsWith('This widget could not load ('));
    assert.equal(await page.evaluate(() => document.querySelector('webwork-timer').shadowRoot.querySelector('.load-error').lang), 'de');
  } finally {
    await context.close();
  }
});
