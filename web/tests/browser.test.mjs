// The package in real Chromium (playwright-core, /usr/bin/chromium): as a plain
// `<script type="module">` with no bundler, inside the Vite example app built by `vite build`
// (the sandbox serves page and API on one origin), and in Vite's dev server, which pre-bundles
// the package into node_modules/.vite/deps (the page calls the sandbox cross-origin: CORS).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { repo, startSandbox } from './support.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PACKAGE = path.join(repo, 'web/tests/node_modules/webwork-tracker');
const VITE_APP = path.join(repo, 'web/examples/vite-app');

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'] });
});
after(() => browser?.close());

/** Opens `url`; resolves to the page and the errors it logged. */
async function open(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

describe('plain <script type="module">, no bundler', () => {
  let dir;
  let sandbox;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'webwork-module-'));
    cpSync(PACKAGE, path.join(dir, 'webwork-tracker'), { recursive: true });
    writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>module</title><pre id="out">loading</pre>
<script type="module">
  import { WebWorkClient, WebWorkError } from './webwork-tracker/index.js';
  const out = document.querySelector('#out');
  try {
    const client = new WebWorkClient({ baseUrl: location.origin + '/api/v2', token: 'demo-owner' });
    const page = await client.projects.list({ workspaceId: 1, perPage: 3 });
    let bad = '';
    try { await new WebWorkClient({ baseUrl: location.origin + '/api/v2', token: 'nope' }).projects.list({ workspaceId: 1 }); }
    catch (e) { bad = (e instanceof WebWorkError) + ' ' + e.kind + ' ' + e.status; }
    out.textContent = 'ok ' + page.data.length + ' of ' + page.pagination.total + ' | ' + page.data[0].name + ' | ' + bad;
  } catch (e) { out.textContent = 'failed ' + e; }
</script>`,
    );
    sandbox = await startSandbox(['--serve', dir]);
  });
  after(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('lists projects and reports a bad token as WebWorkError', async () => {
    const { page, errors } = await open(`${sandbox.origin}/index.html`);
    await page.waitForFunction(() => document.querySelector('#out').textContent !== 'loading', null, { timeout: 20000 });
    const text = await page.textContent('#out');
    assert.match(text, /^ok 3 of \d+ \| .+ \| true unauthorized 401$/);
    assert.deepEqual(errors.filter((e) => !/401/.test(e)), []);
    await page.close();
  });
});

describe('Vite 7 app (web/examples/vite-app), vite build', () => {
  let sandbox;
  before(async () => {
    // The package as npm would install it, then a production build with no plugin.
    const installed = path.join(VITE_APP, 'node_modules/webwork-tracker');
    rmSync(installed, { recursive: true, force: true });
    cpSync(PACKAGE, installed, { recursive: true });
    execFileSync(path.join(VITE_APP, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: VITE_APP, stdio: 'inherit' });
    sandbox = await startSandbox(['--serve', path.join(VITE_APP, 'dist')]);
  });
  after(() => sandbox?.stop());

  test('the built app shows every member of the sandbox workspace', async () => {
    const { page, errors } = await open(`${sandbox.origin}/?token=demo-owner&workspace=1`);
    await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 20000 });
    const status = await page.textContent('#status');
    const m = /^(\d+) of (\d+) members$/.exec(status);
    assert.ok(m, status);
    assert.equal(m[1], m[2]);
    const rows = await page.$$eval('#members tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.equal(rows.length, Number(m[1]));
    assert.ok(rows.some((r) => r[1] === 'Olivia Martin' && r[2] === 'Owner'), 'the owner is listed');
    assert.ok(rows.some((r) => r[1].includes('Seán') && r[1].includes("O'Brien")), 'accents and apostrophes survive');
    // A hostile name is shown as text, not run.
    assert.ok(rows.some((r) => r[1].includes('<img src=x onerror=alert(1)>')));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a bad token shows the WebWorkError', async () => {
    const { page } = await open(`${sandbox.origin}/?token=wrong&workspace=1`);
    await page.waitForSelector('#status[data-state="error"]', { timeout: 20000 });
    assert.match(await page.textContent('#status'), /^unauthorized: /);
    await page.close();
  });
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

describe('Vite 7 dev server (dependency pre-bundling), no config', () => {
  let sandbox;
  let vite;
  let port;
  before(async () => {
    sandbox = await startSandbox();
    port = await freePort();
    rmSync(path.join(VITE_APP, 'node_modules/.vite'), { recursive: true, force: true });
    vite = spawn(path.join(VITE_APP, 'node_modules/.bin/vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      cwd: VITE_APP,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`vite did not start:\n${seen}`)), 20000);
      vite.stdout.setEncoding('utf8');
      vite.stdout.on('data', (chunk) => {
        seen += chunk;
        if (/ready in/.test(seen)) {
          clearTimeout(timer);
          vite.stdout.resume();
          resolve();
        }
      });
    });
  });
  after(async () => {
    if (vite && vite.exitCode === null) {
      const exited = new Promise((done) => vite.once('exit', done));
      vite.kill();
      await exited;
    }
    await sandbox?.stop();
  });

  test('the app runs from the dev server against a sandbox on another origin', async () => {
    const api = encodeURIComponent(sandbox.api);
    const { page, errors } = await open(`http://127.0.0.1:${port}/?token=demo-owner&workspace=1&api=${api}`);
    await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 30000 });
    const status = await page.textContent('#status');
    assert.match(status, /^(\d+) of \1 members$/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
