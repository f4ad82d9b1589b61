// The split build (issue 23, `cargo xtask panel --split`): each page group is a wasm chunk
// (`split_<group>-<hash>.wasm`) fetched the first time one of its pages opens, the landing page's
// chunk is fetched when the browser is idle on the sign-in page and the sidebar's after sign-in, the members list is requested while
// its chunk downloads, a chunk that fails to load shows the
// error banner with Retry, and a deployment while the tab is open reloads the app once (and not
// again when the chunk still fails after it).
//
// Needs WEBWORK_DIST to be the split site ($CARGO_TARGET_DIR/panel-split); against the unsplit
// dist/ (no chunk files) the file is skipped.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eFile, eventually, launchBrowser, openPage, sections, signIn, startSandboxServing, repo, WAIT } from './support.mjs';

const dist = process.env.WEBWORK_DIST || path.join(repo, 'dist');
const split = fs.existsSync(dist) && fs.readdirSync(dist).some((f) => /^split_\w+-[0-9a-f]{16}\.wasm$/.test(f));
const skip = split ? false : `${dist} is not the split build (run cargo xtask panel --split, point WEBWORK_DIST at it)`;

/** The page groups in the sidebar's order: the link's name and the group's chunk. */
const GROUPS = [
  ['Dashboard', 'dashboard'],
  ['Live tracking', 'tracking'],
  ['Time entries', 'time_entries'],
  ['Timesheets', 'timesheets'],
  ['Time requests', 'time_requests'],
  ['Leaves', 'leaves'],
  ['Expenses', 'expenses'],
  ['Reports', 'reports'],
  ['Members', 'members'],
  ['Projects', 'projects'],
  ['Contracts', 'contracts'],
  ['Tasks', 'tasks'],
  ['Project viewers', 'viewers'],
  ['Webhooks', 'webhooks'],
];

/** The group whose chunk `url` is, or null for any other request. */
function chunkOf(url) {
  const m = /\/split_(\w+)-[0-9a-f]{16}\.wasm$/.exec(new URL(url).pathname);
  return m ? m[1] : null;
}

/** Records every chunk request of `page`, in order. */
function recordChunks(page) {
  const fetched = [];
  page.on('request', (r) => {
    const group = chunkOf(r.url());
    if (group) fetched.push(group);
  });
  return fetched;
}

/** No idle preload: the browser never says it is idle (so a chunk is fetched only by its page). */
const NO_IDLE = () => {
  window.requestIdleCallback = () => 0;
};

/** Opens a sidebar section and waits for its page (a heading that is not the one before). */
async function openSection(page, name) {
  const before = await page.locator('.page-header h1').first().innerText().catch(() => '');
  // The name starts the link's text (Timesheets carries a count after it).
  await sections(page).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await eventually(`the ${name} page`, async () => {
    const h1 = await page.locator('.page-header h1').first().innerText().catch(() => '');
    return h1 && h1 !== before;
  });
}

let sandbox;
let browser;
const e2e = e2eFile((s, b) => {
  sandbox = s;
  browser = b;
});

e2e('every page group opened once in one session: each chunk fetched once, only when its page opened', async (page, { context }) => {
  await context.addInitScript(NO_IDLE);
  const fetched = recordChunks(page);
  await page.goto(`${sandbox.origin}/signin`);
  await page.getByLabel('Personal access token').waitFor();
  assert.deepEqual(fetched, [], 'the first load (up to a usable sign-in form) fetches no page chunk');
  await signIn(page, sandbox);
  assert.deepEqual(fetched, ['members'], 'sign-in to the members list fetches the members chunk only');
  const opened = ['members'];
  for (const [name, group] of GROUPS) {
    if (group === 'members') continue;
    await openSection(page, name);
    opened.push(group);
    assert.deepEqual(fetched, opened, `opening ${name} fetches its chunk, and nothing else`);
  }
  // Back to pages already open: nothing is fetched again.
  await openSection(page, 'Members');
  await openSection(page, 'Reports');
  assert.deepEqual(fetched, opened);
  assert.equal(new Set(fetched).size, GROUPS.length, 'every group has its chunk, fetched once');
}, { skip });

e2e('the idle browser fetches the landing chunk on the sign-in page and the sidebar chunks after sign-in', async (page) => {
  const fetched = recordChunks(page);
  await page.goto(`${sandbox.origin}/signin`);
  await page.getByLabel('Personal access token').waitFor();
  // While the person types a token: the chunk of the page sign-in lands on, and only that one.
  await eventually('the members chunk preloaded on the sign-in page', () => fetched.includes('members'));
  assert.deepEqual(fetched, ['members']);
  // signIn opens the sign-in page again: a new document, whose chunks are counted anew.
  fetched.length = 0;
  await signIn(page, sandbox);
  await eventually('every chunk preloaded', () => new Set(fetched).size === GROUPS.length, 30_000);
  const count = fetched.length;
  await openSection(page, 'Reports');
  await openSection(page, 'Webhooks');
  assert.equal(fetched.length, count, 'opening a preloaded page fetches nothing more');
  assert.equal(fetched.length, GROUPS.length, 'each chunk fetched once');
}, { skip });

e2e('after sign-in the sidebar chunks wait until the page on screen has its data', async (page) => {
  // A slow members list: the browser is idle while it is awaited, and a preload started then
  // would queue dozens of chunk requests ahead of the page's own reads.
  const list = /\/api\/v2\/members\?/;
  await page.route(list, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  let answeredAt = null;
  const started = [];
  page.on('request', (r) => {
    const group = chunkOf(r.url());
    if (group && group !== 'members') started.push(Date.now());
  });
  page.on('requestfinished', (r) => {
    if (list.test(r.url())) answeredAt ??= Date.now();
  });
  await signIn(page, sandbox);
  await page.locator('table.data-table tbody tr').first().waitFor();
  await eventually('the members list answered', () => answeredAt);
  await eventually('the sidebar chunks preloaded', () => started.length === GROUPS.length - 1, 30_000);
  const early = started.filter((at) => at < answeredAt).length;
  assert.equal(early, 0, `${early} sidebar chunk(s) were requested before the members list had its answer`);
}, { skip });

e2e('sign-in to members: the list request starts while the members chunk downloads, and is made once', async (page, { context }) => {
  await context.addInitScript(NO_IDLE);
  // A slow chunk: without the prefetch the list request would wait for it.
  await page.route(/\/split_members-[0-9a-f]{16}\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const events = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname === '/api/v2/members') events.push('list request');
  });
  page.on('requestfinished', (r) => {
    if (chunkOf(r.url()) === 'members') events.push('chunk in');
  });
  await signIn(page, sandbox);
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.deepEqual(events, ['list request', 'chunk in'], 'the list is asked for before the chunk is in, and once');
}, { skip });

/**
 * Each page group's landing page, its chunk, and the API paths of the reads its prefetch sends
 * while the chunk downloads (`first_requests` in its page module). `later`: how many more reads
 * of one of those paths the page makes once an answer is in (other parameters: a date from the
 * API's today, every expense for the totals).
 */
const PREFETCHED = [
  ['/w/1', 'dashboard', ['/timesheets', '/leaves', '/members'], { '/leaves': 1 }],
  ['/w/1/tracking', 'tracking', ['/members']],
  ['/w/1/time-entries', 'time_entries', ['/members', '/projects']],
  ['/w/1/timesheets', 'timesheets', ['/timesheets', '/members']],
  ['/w/1/time-requests', 'time_requests', ['/members', '/projects']],
  ['/w/1/leaves', 'leaves', ['/leaves', '/leaves/policies', '/members']],
  ['/w/1/expenses', 'expenses', ['/expenses', '/members', '/projects', '/expenses/categories'], { '/expenses': 1 }],
  ['/w/1/reports/tracked-hours', 'reports', ['/reports/tracked-hours', '/members', '/projects']],
  ['/w/1/members', 'members', ['/members']],
  ['/w/1/projects', 'projects', ['/projects']],
  ['/w/1/contracts', 'contracts', ['/contracts', '/projects', '/members']],
  ['/w/1/tasks', 'tasks', ['/projects']],
  ['/w/1/viewers', 'viewers', ['/project-viewers']],
  ['/w/1/webhooks', 'webhooks', ['/webhooks']],
];

e2e('every landing page: its reads start while its chunk downloads, and the page asks none of them again', async (page, { context }) => {
  await context.addInitScript(NO_IDLE);
  // Each address opens a new document with no answers kept, so every read goes to the server,
  // and a budget of its own (fourteen cold pages in a row would spend the minute's 60 requests).
  await context.addInitScript(() => {
    sessionStorage.removeItem('webwork-cache');
    indexedDB.deleteDatabase('webwork-budget');
  });
  await signIn(page, sandbox);
  let visit = null;
  // A slow chunk: without the prefetch the page's reads would wait for it.
  await page.route(/\/split_\w+-[0-9a-f]{16}\.wasm$/, async (route) => {
    if (visit && chunkOf(route.request().url()) === visit.group) await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (visit && r.method() === 'GET' && url.pathname.startsWith('/api/v2/')) {
      visit.reads.push({ path: url.pathname.slice('/api/v2'.length), query: url.search, early: !visit.chunkIn });
    }
  });
  page.on('requestfinished', (r) => {
    if (visit && chunkOf(r.url()) === visit.group) visit.chunkIn = true;
  });
  for (const [address, group, paths, later = {}] of PREFETCHED) {
    visit = { group, reads: [], chunkIn: false };
    await page.goto(`${sandbox.origin}${address}`);
    await eventually(`the ${group} chunk`, () => visit.chunkIn);
    await page.locator('.page-header h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const seen = visit.reads.map((r) => `${r.early ? 'early' : 'late'} ${r.path}${r.query}`).join('\n');
    for (const path of new Set(paths)) {
      const early = visit.reads.filter((r) => r.path === path && r.early);
      const late = visit.reads.filter((r) => r.path === path && !r.early);
      assert.ok(early.length > 0, `${address}: ${path} is asked while the chunk downloads\n${seen}`);
      assert.equal(late.length, later[path] ?? 0, `${address}: the page asks ${path} no more than the prefetch did\n${seen}`);
    }
    // The same read twice, or the same parameters in another order (a page building its request
    // apart from its prefetch), would be two requests where one was due.
    const sameRead = (r) => `${r.path}?${new URLSearchParams(r.query).toString().split('&').sort().join('&')}`;
    const reads = visit.reads.map(sameRead);
    assert.equal(new Set(reads).size, reads.length, `${address}: no read is made twice\n${seen}`);
  }
}, { skip });

e2e('a chunk that fails to load: the error banner with Retry, which loads it once the network is back', async (page, { context }) => {
  await context.addInitScript(NO_IDLE);
  let failing = true;
  await page.route(/\/split_reports-[0-9a-f]{16}\.wasm$/, (route) => (failing ? route.abort('failed') : route.continue()));
  await signIn(page, sandbox);
  await sections(page).getByRole('link', { name: 'Reports', exact: true }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Server unreachable' });
  await banner.waitFor();
  assert.match(page.url(), /\/w\/1\/reports$/, 'the address stays, no reload');
  // Retry while it still fails: the banner again, never a blank page.
  await banner.getByRole('button', { name: 'Retry' }).click();
  await banner.waitFor();
  failing = false;
  await banner.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
  assert.equal(await banner.count(), 0, 'the banner is gone once the page is in');
  // The rest of the panel kept working meanwhile.
  await openSection(page, 'Projects');
}, { skip });

// A deployment replaces the site under an open tab: its own sandbox serves a copy of the site,
// which a test then rewrites as a new build (every hashed name and the build id changed).
test('a new deployment while the tab is open: the app reloads once into it instead of failing', { skip }, async () => {
  await withOwnSite(async ({ site, server, page, problems }) => {
    const loads = countLoads(page);
    await signIn(page, server);
    const loadsBefore = loads();
    const newBuild = deploy(site);
    await sections(page).getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor({ timeout: WAIT * 2 });
    assert.equal(loads() - loadsBefore, 1, 'the app reloaded exactly once');
    assert.equal(await page.evaluate(() => document.querySelector('meta[name=webwork-build]').content), newBuild);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('webwork.reloaded-for-build')), newBuild);
    assert.deepEqual(problems.panics, []);
  });
});

// The reload's own guard (lazy.rs, `reload_for_new_deployment`): the reload brings back the old
// build (a stale cache answers the page) whose chunk still fails, while the site names the new
// one. Reloading for the same build again would loop; the app shows the banner instead.
test('a reload for a new deployment that still leaves the chunk failing: no second reload, the banner with Retry', { skip }, async () => {
  await withOwnSite(async ({ site, server, page, problems }) => {
    const loads = countLoads(page);
    await signIn(page, server);
    const loadsBefore = loads();
    const oldHtml = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    const oldBuild = /<meta name="webwork-build" content="([0-9a-f]+)">/.exec(oldHtml)[1];
    const oldReports = fs.readdirSync(site).find((f) => /^split_reports-[0-9a-f]{16}\.wasm$/.test(f));
    const newBuild = deploy(site, { keepOld: true });
    await page.route(`**/${oldReports}`, (route) => route.abort('failed'));
    // Page loads get the old index.html (its files are still there); the app's build check, a
    // fetch of `/`, gets the new one from the server.
    await page.route(
      (url) => url.pathname.startsWith('/w/'),
      (route) => (route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html', body: oldHtml }) : route.continue()),
    );
    await sections(page).getByRole('link', { name: 'Reports', exact: true }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Server unreachable' });
    await banner.waitFor({ timeout: WAIT * 2 });
    assert.equal(loads() - loadsBefore, 1, 'the app reloaded once, not again for the same build');
    assert.equal(await banner.getByRole('button', { name: 'Retry' }).count(), 1, 'the banner offers Retry');
    assert.equal(await page.evaluate(() => document.querySelector('meta[name=webwork-build]').content), oldBuild, 'the reload brought back the old build');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('webwork.reloaded-for-build')), newBuild);
    assert.match(page.url(), /\/w\/1\/reports$/);
    assert.deepEqual(problems.panics, []);
  });
});

/** Runs `body` in a browser of its own against a sandbox of its own serving a copy of the site. */
async function withOwnSite(body) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'webwork-split-'));
  fs.cpSync(dist, site, { recursive: true });
  const server = await startSandboxServing(['--serve', site]);
  const b = await launchBrowser();
  const { context, page, problems } = await openPage(b);
  try {
    await context.addInitScript(NO_IDLE);
    await body({ site, server, page, problems });
  } finally {
    await context.close();
    await b.close();
    await server.stop();
    fs.rmSync(site, { recursive: true, force: true });
  }
}

/** Counts the page's loads (each reload is one); returns the count so far. */
function countLoads(page) {
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });
  return () => loads;
}

/**
 * Rewrites `site` as another build: new hashes in every hashed name, references and build id.
 * With `keepOld`, the old build's hashed files stay beside the new ones (as a CDN keeps them).
 */
function deploy(site, { keepOld = false } = {}) {
  const renames = new Map();
  for (const file of fs.readdirSync(site)) {
    const m = /^(.*-)([0-9a-f]{16})(\.\w+)$/.exec(file);
    if (m) renames.set(file, `${m[1]}${[...m[2]].reverse().join('')}${m[3]}`);
  }
  const meta = /<meta name="webwork-build" content="([0-9a-f]+)">/;
  let newBuild;
  for (const file of fs.readdirSync(site)) {
    const from = path.join(site, file);
    const to = path.join(site, renames.get(file) ?? file);
    if (/\.(js|html)$/.test(file)) {
      let text = fs.readFileSync(from, 'utf8');
      for (const [old, renamed] of renames) text = text.split(old).join(renamed);
      if (file === 'index.html') {
        newBuild = `${meta.exec(text)[1]}-next`;
        text = text.replace(meta, `<meta name="webwork-build" content="${newBuild}">`);
      }
      fs.writeFileSync(to, text);
    } else if (to !== from) {
      fs.copyFileSync(from, to);
    }
    if (to !== from && !keepOld) fs.rmSync(from);
  }
  return newBuild;
}
