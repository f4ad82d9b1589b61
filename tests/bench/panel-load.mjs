// `cargo xtask bench panel` (issue 23): how long the admin panel makes a person wait on a modest
// connection, for each built site (the unsplit Trunk build in dist/, the split build when there is
// one), side by side. Each site is served by webwork-gateway (which compresses on the fly: brotli
// or gzip, whichever the browser asks for) in front of one in-memory sandbox. Every run is a fresh
// browser context (an empty cache, no open connection) in headless Chromium throttled through the
// DevTools protocol (`Network.emulateNetworkConditions`): 10 Mbit/s down and up, 50 ms latency.
//
// Two phases, timed in the page itself (performance.now(), so Playwright's polling adds nothing):
//   load:    navigation start of /signin -> the sign-in form is usable: the app has mounted (the
//            body is empty until the wasm runs, and it mounts once its message catalog is in)
//            and the form's token field and submit button are in the document;
//   sign-in: the click on "Sign in" (token typed beforehand, not timed) -> the first row of the
//            Members list is in the document and laid out (sign-in lands on /w/1/members).
// Bytes on the wire: the sum of `encodedDataLength` (headers and compressed body, as the network
// delivered them) of every request that started in the phase, waited for until each is finished.
// Requests started after the form was usable and before the click (a prefetch while the person
// types) are counted apart, as "then while typing"; the click waits until they are done and the
// page has asked for nothing new for half a second.
// Printed: median, min and max over N runs per site; the sizes of each site on disk and what its
// wasm cost on the wire, with the content-encoding it came with, beside what it would weigh
// compressed ahead of time (brotli 11, gzip 9; the gateway compresses on the fly at brotli 4).
// A wasm over 1 KB on the wire sent without compression fails the bench (exit 1, after the table); a run that does not
// reach its mark within --timeout seconds (default 120), or an error or panic in the page, stops
// it (exit 2).
//
// Run by `cargo xtask bench panel` (builds what it needs first), or by hand after those builds:
// `node tests/bench/panel-load.mjs --site unsplit=dist [--site split=DIR] [--runs N] [--json FILE]`.
// It borrows tests/e2e's helpers and its playwright-core install (`cargo xtask setup`);
// WEBWORK_SANDBOX, WEBWORK_GATEWAY and CHROMIUM override where things are, as for the e2e tests.

import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandboxServing, startGateway, launchBrowser, watchPanics } from '../e2e/support.mjs';

/** 10 Mbit/s (decimal megabits: 1,250,000 bytes a second) both ways, 50 ms added to each request. */
export const THROTTLE = { offline: false, latency: 50, downloadThroughput: 1_250_000, uploadThroughput: 1_250_000 };
export const THROTTLE_TEXT = '10 Mbit/s down and up, 50 ms latency';

/** The token typed into the form: the sandbox's demo owner (a personal access token). */
const TOKEN = 'demo-owner';

/** Bytes on the wire (headers included) under which a wasm may come uncompressed. */
const TINY = 1024;

/** Content encodings that count as compressed. */
const COMPRESSED = new Set(['br', 'gzip', 'zstd', 'deflate']);

/** A wrong command line: said in one line, without a stack. */
class Usage extends Error {}

function options(argv) {
  const o = { runs: 5, sites: [], json: null, timeout: 120 };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Usage(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--runs': {
        const v = value();
        o.runs = Number(v);
        if (!Number.isInteger(o.runs) || o.runs < 1) throw new Usage(`--runs needs a whole number of at least 1, not '${v}'`);
        break;
      }
      case '--timeout': {
        const v = value();
        o.timeout = Number(v);
        if (!(o.timeout > 0)) throw new Usage(`--timeout needs a positive number of seconds, not '${v}'`);
        break;
      }
      case '--site': {
        const v = value();
        const at = v.indexOf('=');
        if (at < 1) throw new Usage(`--site needs NAME=DIR, not '${v}'`);
        const dir = path.resolve(v.slice(at + 1));
        if (!existsSync(path.join(dir, 'index.html'))) throw new Usage(`--site ${v}: ${dir}/index.html is missing`);
        o.sites.push({ name: v.slice(0, at), dir });
        break;
      }
      case '--json':
        o.json = value();
        break;
      default:
        throw new Usage(`unknown argument '${argv[i]}' (known: --site NAME=DIR, --runs N, --timeout S, --json FILE)`);
    }
  }
  if (!o.sites.length) throw new Usage('no site to measure: give --site NAME=DIR (e.g. --site unsplit=dist)');
  return o;
}

/**
 * Runs in the page before any of its scripts (an init script): records, in performance.now()
 * (milliseconds since navigation start), when the sign-in form became usable, when "Sign in" was
 * clicked, and when the first Members row appeared. A MutationObserver on the document sees each
 * DOM change as it happens, so the marks do not depend on anyone polling.
 */
export function installMarks() {
  const marks = { form: null, click: null, row: null };
  window.__panelLoad = marks;
  const check = () => {
    if (marks.form === null) {
      const form = document.querySelector('main.signin form');
      const token = form?.querySelector('input[type=password]');
      if (token && !token.disabled && form.querySelector('button[type=submit]')) marks.form = performance.now();
    }
    if (marks.click !== null && marks.row === null) {
      const row = document.querySelector('table[role=grid][aria-label="Members"] tbody tr');
      if (row && row.getBoundingClientRect().height > 0 && row.textContent.trim() !== '') marks.row = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  // Capture phase on the window: the first to hear the click, before the app's own handlers.
  window.addEventListener(
    'click',
    (e) => {
      if (marks.click === null && e.target instanceof Element && e.target.closest('main.signin button[type=submit]')) {
        marks.click = performance.now();
      }
    },
    true,
  );
}

/** One sandbox and a gateway for each site (serving its folder as the panel). */
export async function startStack(sites) {
  const sandbox = await startSandboxServing([]);
  const served = [];
  try {
    for (const site of sites) {
      const gateway = await startGateway(sandbox, ['--panel', site.dir]);
      served.push({ ...site, origin: gateway.origin, api: gateway.api, gateway });
    }
  } catch (e) {
    await Promise.all(served.map((s) => s.gateway.stop()));
    await sandbox.stop();
    throw e;
  }
  return {
    sites: served,
    stop: async () => {
      await Promise.all(served.map((s) => s.gateway.stop()));
      await sandbox.stop();
    },
  };
}

const headerOf = (headers, name) => {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : headers[key];
};

const isWasm = (r) => new URL(r.url).pathname.endsWith('.wasm');

/** Waits until `fn()` is true, polling every 20 ms, or throws `what` after `ms`. */
async function until(what, fn, ms) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * One cold run against a served site: a fresh context, throttled, from navigation to the first
 * Members row. Resolves to the two phases' times and bytes, and every request seen.
 */
export async function measureOnce(browser, site, { timeout = 120 } = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  try {
    context.setDefaultTimeout(timeout * 1000);
    await context.addInitScript(installMarks);
    const page = await context.newPage();
    const panics = watchPanics(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);

    // Each request belongs to the phase it started in; `after` (past the last mark) is not counted.
    let phase = 'load';
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!requests.has(e.requestId)) {
        requests.set(e.requestId, {
          url: e.request.url,
          phase,
          wallMs: e.wallTime * 1000,
          // The protocol's monotonic clock (seconds), to put the finish on the wall clock too.
          sentAt: e.timestamp,
          finishedWallMs: null,
          bytes: 0,
          done: false,
          status: null,
          encoding: null,
        });
      }
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.status = e.response.status;
      r.encoding = headerOf(e.response.headers, 'content-encoding');
      r.fromCache = Boolean(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.bytes = e.encodedDataLength;
      r.finishedWallMs = r.wallMs + (e.timestamp - r.sentAt) * 1000;
      r.done = true;
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.done = true;
      r.failed = e.errorText;
    });

    await page.goto(`${site.origin}/signin`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__panelLoad?.form != null, null, { polling: 50 });

    // Typing is the person's time, not the panel's: done between the two phases.
    const base = page.getByLabel('API base URL');
    if ((await base.inputValue()) !== site.api) await base.fill(site.api);
    await page.getByLabel('Personal access token').fill(TOKEN);
    // Everything the page asks for while a person types or pastes a token (seconds) finishes
    // first: no request under way, and none started for half a second.
    const QUIET_MS = 500;
    const loadDone = () => {
      const list = [...requests.values()].filter((r) => r.phase === 'load');
      const lastStart = Math.max(0, ...list.map((r) => r.wallMs));
      return list.every((r) => r.done) && Date.now() - lastStart > QUIET_MS;
    };
    await until('the page to be quiet before the click', loadDone, timeout * 1000);

    phase = 'signin';
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForFunction(() => window.__panelLoad?.row != null, null, { polling: 50 });
    phase = 'after';
    const signInDone = () => [...requests.values()].filter((r) => r.phase === 'signin').every((r) => r.done);
    await until('the sign-in phase requests to finish', signInDone, timeout * 1000);

    const marks = await page.evaluate(() => ({ ...window.__panelLoad, origin: performance.timeOrigin }));
    if (errors.length || panics.length) throw new Error(`the panel failed on ${site.name}: ${[...errors, ...panics][0]}`);
    const all = [...requests.values()];
    // What started after the form was usable and before the click (while the person types) is
    // not the load's: told apart by the browser's wall clock, which the page's timeOrigin shares.
    const formAt = marks.origin + marks.form;
    for (const r of all) if (r.phase === 'load' && r.wallMs > formAt) r.phase = 'typing';
    const of = (p) => all.filter((r) => r.phase === p);
    const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
    // When the last wasm of the load was in (ms since navigation start): the rest, up to the
    // form, is the browser's and the app's work (compiling, the catalog, the first render).
    const loadWasm = of('load').filter(isWasm);
    const wasmIn = loadWasm.length ? Math.max(...loadWasm.map((r) => r.finishedWallMs - marks.origin)) : 0;
    return {
      loadMs: marks.form,
      wasmInMs: wasmIn,
      signInMs: marks.row - marks.click,
      loadBytes: sum(of('load')),
      signInBytes: sum(of('signin')),
      typingBytes: sum(of('typing')),
      loadRequests: of('load').length,
      signInRequests: of('signin').length,
      requests: all.map(({ url, phase: p, bytes, status, encoding, failed, fromCache }) => ({ url, phase: p, bytes, status, encoding, failed, fromCache })),
    };
  } finally {
    await context.close();
  }
}

/** The wasm responses of a run: every one must have come compressed. */
export function wasmResponses(run) {
  return run.requests.filter(isWasm);
}

/** Files of a site folder (recursively): count, bytes, and the wasm files' bytes. */
export function siteFiles(dir) {
  const out = { files: 0, bytes: 0, wasmBytes: 0, wasmPaths: [] };
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const size = statSync(p).size;
        out.files += 1;
        out.bytes += size;
        if (entry.name.endsWith('.wasm')) {
          out.wasmBytes += size;
          out.wasmPaths.push(p);
        }
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * What the site's wasm would weigh compressed ahead of time at the strongest settings (brotli 11,
 * gzip 9), beside what the gateway's on-the-fly compression sends (tower-http: brotli quality 4).
 */
export function precompressed(files) {
  let br = 0;
  let gz = 0;
  for (const p of files.wasmPaths) {
    const bytes = readFileSync(p);
    br += zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { br, gz };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const kb = (bytes) => (bytes / 1024).toFixed(0);
const ms = (v) => v.toFixed(0);

/**
 * The side-by-side table (one column per site). With two sites, a last column says how the second
 * differs from the first (medians: difference and percent).
 */
function table(results, runs) {
  const cell = 22;
  const lines = [];
  const pair = results.length === 2;
  const row = (label, values, delta = '') => lines.push(label.padEnd(34) + values.map((v) => String(v).padStart(cell)).join('') + (pair ? String(delta).padStart(cell) : ''));
  const change = (key, f) => {
    if (!pair) return '';
    const [a, b] = results.map((r) => r[key].median);
    // Signed as printed: a difference that rounds to nothing reads 0, not -0 or +0.
    const signed = (text) => (Number(text) === 0 ? '0' : Number(text) > 0 ? `+${text}` : text);
    return `${signed(f(b - a))}${a ? ` (${signed((((b - a) / a) * 100).toFixed(0))}%)` : ''}`;
  };
  row('', results.map((r) => r.name), `${results[1]?.name} vs ${results[0].name}`);
  row('', results.map(() => 'median (min-max)'), 'median change');
  const three = (s, f) => `${f(s.median)} (${f(s.min)}-${f(s.max)})`;
  const line = (label, key, f) => row(label, results.map((r) => three(r[key], f)), change(key, f));
  line('load -> sign-in form, ms', 'loadMs', ms);
  line('  the wasm all in by, ms', 'wasmInMs', ms);
  line('  on the wire, KB', 'loadBytes', kb);
  line('  requests', 'loadRequests', String);
  if (results.some((r) => r.typingBytes.max > 0)) line('then while typing, KB', 'typingBytes', kb);
  line('sign-in -> first Members row, ms', 'signInMs', ms);
  line('  on the wire, KB', 'signInBytes', kb);
  line('  requests', 'signInRequests', String);
  row('both phases, ms (median sum)', results.map((r) => ms(r.loadMs.median + r.signInMs.median)));
  row('site on disk: files', results.map((r) => r.files.files));
  row('  bytes, KB (raw)', results.map((r) => kb(r.files.bytes)));
  row('  wasm, KB (raw)', results.map((r) => kb(r.files.wasmBytes)));
  row('wasm on the wire, KB (1st run)', results.map((r) => kb(r.wasm.filter((w) => w.phase !== 'after').reduce((n, w) => n + w.bytes, 0))));
  row('wasm content-encoding', results.map((r) => [...new Set(r.wasm.map((w) => w.encoding ?? 'none'))].join(',')));
  row('wasm brotli 11 / gzip 9, KB', results.map((r) => `${kb(r.precompressed.br)} / ${kb(r.precompressed.gz)}`));
  return [`panel load: headless Chromium, ${THROTTLE_TEXT} (DevTools throttling), cold cache, ${runs} run(s) per site, through webwork-gateway`, '', ...lines].join('\n');
}

async function main() {
  const o = options(process.argv.slice(2));
  const stack = await startStack(o.sites);
  const browser = await launchBrowser();
  try {
    const runs = new Map(stack.sites.map((s) => [s.name, []]));
    // Interleaved (unsplit, split, unsplit, ...), so a slow moment of the machine hits both.
    for (let i = 0; i < o.runs; i++) {
      for (const site of stack.sites) {
        const run = await measureOnce(browser, site, o);
        runs.get(site.name).push(run);
        process.stderr.write(
          `bench panel: ${site.name} run ${i + 1}/${o.runs}: form ${ms(run.loadMs)} ms (${kb(run.loadBytes)} KB), members row ${ms(run.signInMs)} ms (${kb(run.signInBytes)} KB)\n`,
        );
      }
    }
    const results = stack.sites.map((site) => {
      const list = runs.get(site.name);
      const pick = (k) => summary(list.map((r) => r[k]));
      const files = siteFiles(site.dir);
      return {
        name: site.name,
        dir: site.dir,
        loadMs: pick('loadMs'),
        wasmInMs: pick('wasmInMs'),
        loadBytes: pick('loadBytes'),
        loadRequests: pick('loadRequests'),
        signInMs: pick('signInMs'),
        signInBytes: pick('signInBytes'),
        typingBytes: pick('typingBytes'),
        signInRequests: pick('signInRequests'),
        files,
        precompressed: precompressed(files),
        wasm: wasmResponses(list[0]),
        runs: list,
      };
    });
    console.log();
    console.log(table(results, o.runs));
    for (const r of results) console.log(`  ${r.name}: ${r.dir}`);
    if (o.json) writeFileSync(o.json, JSON.stringify({ throttle: THROTTLE, results }, null, 2));

    const problems = [];
    for (const r of results) {
      const wasm = r.runs.flatMap(wasmResponses);
      if (!wasm.length) problems.push(`${r.name}: no wasm was loaded`);
      // A module of a few hundred bytes (the splitter's smallest shared chunks) gains nothing from
      // compression, and servers send it as it is.
      const raw = wasm.filter((w) => !COMPRESSED.has(String(w.encoding).toLowerCase()) && w.bytes > TINY);
      if (raw.length) problems.push(`${r.name}: ${raw.length} wasm response(s) came without compression (${raw[0].url})`);
    }
    console.log(problems.length ? `\nFAIL: ${problems.join('; ')}` : '\nOK: every wasm response came compressed');
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    await browser.close();
    await stack.stop();
  }
}

// Run as a script (not when a test imports the helpers).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(`bench panel: ${e instanceof Usage ? e.message : e.stack || e}`);
    process.exit(2);
  });
}
