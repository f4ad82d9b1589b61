// Shared by the end-to-end tests: the sandbox serving the built panel, one Chromium, helpers.
//
// `cargo xtask test` builds the panel (`trunk build --release` into dist/) and the sandbox
// (native-release profile) before `node --test` here. Run by hand after those two builds:
// `cd tests/e2e && node --test`. WEBWORK_SANDBOX and WEBWORK_DIST override where they are;
// CHROMIUM overrides the browser (default /usr/bin/chromium: `npx playwright install` cannot run
// here).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');

/** The date the sandbox's demo data is relative to. */
export const TODAY = '2026-03-04';
/** The UTC time the sandbox's clock starts at, whenever the suite runs: every demo member (Auckland
 * to New York) is on TODAY then, none within two hours of midnight. */
export const START_TIME = '09:00';

/** How long one wait for the page may take (ms). Local and in memory: a few seconds is plenty. */
export const WAIT = 10_000;

function sandboxBinary() {
  const target = process.env.CARGO_TARGET_DIR || path.join(repo, 'target');
  const candidates = [process.env.WEBWORK_SANDBOX, path.join(target, 'native-release/webwork-sandbox')].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`no sandbox binary (tried ${candidates.join(', ')}); run \`cargo build --profile native-release -p webwork-sandbox\``);
  }
  return found;
}

function distDir() {
  const dist = process.env.WEBWORK_DIST || path.join(repo, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing; build the panel first (\`trunk build --release\`, see crates/admin/README.md)`);
  }
  return dist;
}

/**
 * Starts an in-memory demo sandbox serving the panel on a free loopback port (port 0: the
 * sandbox binds one and prints it). Resolves to `{ origin, api, stop() }`.
 */
export function startSandbox(extra = []) {
  return startSandboxServing(['--serve', distDir()], extra);
}

/**
 * The same in-memory demo sandbox, serving what `serving` says instead of the panel (e.g.
 * `['--mount', '/widgets=DIR']` for the widget tests in tests/widgets).
 */
export function startSandboxServing(serving, extra = []) {
  // The role matrix (`--access roles`, inferred) unless `extra` chooses: the tests sign in as
  // every demo role, and the reference rule would refuse all but owners and executive managers.
  const access = extra.includes('--access') ? [] : ['--access', 'roles'];
  // START_TIME unless `extra` chooses another hour (a test of the hours when days differ).
  const time = extra.includes('--time') ? [] : ['--time', START_TIME];
  const args = ['--memory', '--rate-limit', 'off', '--today', TODAY, ...time, '--addr', '127.0.0.1:0', ...access, ...serving, ...extra];
  // stderr (its log of webhook deliveries and the like) is kept, not printed: the tail shows
  // when the sandbox fails to start, and `log()` returns it.
  const child = spawn(sandboxBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the sandbox did not start within 20 s:\n${seen}\n${stderr}`));
    }, 20_000);
    child.on('exit', (code) => reject(new Error(`the sandbox exited (${code}):\n${seen}\n${stderr}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = /listening on (http:\/\/[\d.:]+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({
          origin: m[1],
          api: `${m[1]}/api/v2`,
          log: () => stderr,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.removeAllListeners('exit');
              child.once('exit', () => done());
              child.kill();
            }),
        });
      }
    });
  });
}

function gatewayBinary() {
  const target = process.env.CARGO_TARGET_DIR || path.join(repo, 'target');
  const candidates = [process.env.WEBWORK_GATEWAY, path.join(target, 'native-release/webwork-gateway')].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`no gateway binary (tried ${candidates.join(', ')}); run \`cargo build --profile native-release -p webwork-gateway\``);
  }
  return found;
}

/** A free loopback port (the gateway must know its public origin before it starts). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A file holding `text` (the gateway reads secrets from files, never from its command line). */
export function secretFile(name, text) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'webwork-e2e-'));
  const file = path.join(dir, name);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/**
 * Starts `webwork-gateway` in front of `upstream` (a sandbox from `startSandboxServing`) on a free
 * loopback port. Resolves to `{ origin, api, log(), stop() }`; `log()` is everything it printed
 * (the access log on stdout, the banner and errors on stderr), for the tests that read it.
 */
export async function startGateway(upstream, extra = []) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = ['--upstream', upstream.api, '--addr', `127.0.0.1:${port}`, '--public-origin', origin, ...extra];
  const child = spawn(gatewayBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output += chunk;
    });
  }
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the gateway did not start within 20 s:\n${output}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited (${code}):\n${output}`));
    });
    const poll = setInterval(() => {
      if (/listening on/.test(output)) {
        clearInterval(poll);
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    }, 20);
  });
  return {
    origin,
    api: `${origin}/api/v2`,
    log: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** The gateway flags that sign people in with OAuth against `sandbox` (its demo app). */
export function oauthFlags(sandbox) {
  return [
    '--oauth-client-id',
    'demo-client',
    '--oauth-client-secret-file',
    secretFile('secret', 'demo-secret\n'),
    '--oauth-authorize-url',
    `${sandbox.origin}/oauth/authorize`,
    '--oauth-token-url',
    `${sandbox.origin}/oauth/token`,
  ];
}

/** Approves the sandbox's OAuth authorize page (on `page`) as the seeded user named `who`. */
export async function approveAs(page, who = 'Olivia Martin') {
  const select = page.locator('select[name=user_id]');
  await select.waitFor();
  const value = await select.locator('option', { hasText: who }).first().getAttribute('value');
  await select.selectOption(value);
  await page.locator('button[name=decision][value=approve]').click();
}

/** The one browser of a test run. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A JSON call to the sandbox for setting up and checking data: resolves to the envelope's `data`. */
export async function call(sandbox, token, method, pathAndQuery, body) {
  const res = await fetch(`${sandbox.api}${pathAndQuery}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || json.success === false) {
    throw new Error(`${method} ${pathAndQuery}: ${res.status} ${json.message}`);
  }
  return json.data;
}

let counter = 0;
/** A name no other test (or earlier run against the same sandbox) uses. */
export function unique(prefix) {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/**
 * A fresh context and page whose problems are recorded: JavaScript dialogs (dismissed),
 * uncaught page errors, and panics of the wasm reported in the console.
 */
export async function openPage(browser) {
  const context = await browser.newContext();
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  const problems = { dialogs: [], errors: [], panics: watchPanics(page) };
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  return { context, page, problems };
}

/** The whole answer of a sandbox call, refusals included: `{ status, headers, json }`. */
export async function answer(sandbox, token, method, pathAndQuery, body) {
  const res = await fetch(`${sandbox.api}${pathAndQuery}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: await res.json().catch(() => null) };
}

/** Every row of a list through the API, page after page at 100 (`pathAndQuery` has a `?`). */
export async function listAll(sandbox, token, pathAndQuery) {
  const rows = [];
  for (let page = 1; page <= 50; page += 1) {
    const { status, json } = await answer(sandbox, token, 'GET', `${pathAndQuery}&per_page=100&page=${page}`);
    if (status !== 200) throw new Error(`GET ${pathAndQuery} page ${page}: ${status} ${json?.message}`);
    rows.push(...json.data);
    const p = json.meta?.pagination ?? json.pagination;
    if (!p || page >= p.last_page || json.data.length === 0) return rows;
  }
  throw new Error(`GET ${pathAndQuery}: more than 50 pages`);
}

/** An OAuth access token of the sandbox's demo app (client credentials: the owner, user 1),
 * which expires after the sandbox's `--access-token-ttl`, unlike the `demo-*` tokens. */
export async function appToken(sandbox) {
  const res = await fetch(`${sandbox.origin}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret',
  });
  const json = await res.json();
  if (!res.ok || !json.access_token) throw new Error(`client credentials: ${res.status} ${json.error}`);
  return json.access_token;
}

/** The toast with `text` in it (a string or a RegExp). */
export function toast(page, text) {
  return page.locator('.toasts .toast').filter({ hasText: text });
}

/** The sidebar's navigation. */
export function sections(page) {
  return page.getByRole('navigation', { name: 'Sections' });
}

/**
 * Records what a Rust panic in the wasm leaves in the console (`panicked at`, `RuntimeError:
 * unreachable`): a panic aborts the app without an uncaught page error in some builds.
 */
export function watchPanics(page) {
  const panics = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked at|RuntimeError|unreachable/i.test(m.text())) panics.push(m.text());
  });
  return panics;
}

/** Signs in through the form with `token` and waits for the workspace's members list. */
export async function signIn(page, sandbox, token = 'demo-owner') {
  await page.goto(`${sandbox.origin}/signin`);
  const base = page.getByLabel('API base URL');
  await base.waitFor();
  if ((await base.inputValue()) !== sandbox.api) await base.fill(sandbox.api);
  await page.getByLabel('Personal access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/w\/1\/members$/);
  await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
}

/** Waits until `fn` resolves truthy (polling), or fails with `what`. */
export async function eventually(what, fn, timeout = WAIT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The frame of an end-to-end test file: one sandbox serving the panel (with `flags` added to its
 * command line) and one browser, started
 * before the file's tests (handed to `ready(sandbox, browser)`) and stopped after them. Returns
 * `e2e(name, body, options)`: a test on a fresh page (signed in first with `signInAs`, when
 * given) that runs `body(page, { context, problems })` and then requires that no JavaScript
 * dialog opened and no uncaught error happened. The context is closed whatever happens.
 */
export function e2eFile(ready, { signInAs, flags = [] } = {}) {
  let sandbox;
  let browser;
  before(async () => {
    [sandbox, browser] = await Promise.all([startSandbox(flags), launchBrowser()]);
    ready(sandbox, browser);
  });
  after(async () => {
    await browser?.close();
    await sandbox?.stop();
  });
  return function e2e(name, body, options = {}) {
    test(name, options, async () => {
      const { context, page, problems } = await openPage(browser);
      try {
        if (signInAs) await signIn(page, sandbox, signInAs);
        await body(page, { context, problems });
        assert.deepEqual(problems.dialogs, [], 'no JavaScript dialog opens');
        assert.deepEqual(problems.errors, [], 'no uncaught error on the page');
        assert.deepEqual(problems.panics, [], 'no panic of the wasm in the console');
      } finally {
        await context.close();
      }
    });
  };
}

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF or LF). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** A Fluent catalog's messages, id -> text with placeables kept: the first line of a multi-line
 *  message, then its variants. `folder` is relative to the repository (`crates/admin/i18n`). */
export function readCatalog(folder, tag) {
  const text = readFileSync(path.join(repo, folder, `${tag}.ftl`), 'utf8');
  const messages = {};
  let last;
  for (const line of text.split('\n')) {
    const entry = /^([a-z][a-z0-9-]*) = ?(.*)$/.exec(line);
    if (entry) {
      last = entry[1];
      messages[last] = entry[2];
    } else if (last && /^\s+\*?\[\w+\] /.test(line)) {
      messages[last] += ` ${line.replace(/^\s+\*?\[\w+\] /, '')}`;
    }
  }
  return messages;
}
