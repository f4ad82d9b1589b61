// The short version of `cargo xtask bench panel` (tests/bench/panel-load.mjs): one cold, throttled
// run (10 Mbit/s, 50 ms) of the built panel (dist/) served by webwork-gateway, checking that the
// measurement itself holds, not how fast it is (timed numbers live in the bench): both phases reach
// their marks, the wasm comes compressed and small on the wire, and the throttle really applied.
// Run by hand after `trunk build --release` and `cargo build --profile native-release -p
// webwork-sandbox -p webwork-gateway`: `cd tests/e2e && node --test panel-load.test.mjs`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, repo } from './support.mjs';
import { startStack, measureOnce, wasmResponses, siteFiles, THROTTLE } from '../bench/panel-load.mjs';

const DIST = process.env.WEBWORK_DIST || path.join(repo, 'dist');

let stack;
let browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack([{ name: 'unsplit', dir: DIST }]), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

test('bench panel, one run: the sign-in form and the first Members row are reached, the wasm comes compressed, the throttle holds', async () => {
  const run = await measureOnce(browser, stack.sites[0], { timeout: 60 });
  assert.ok(run.loadMs > 0, `the sign-in form was marked (${run.loadMs} ms)`);
  assert.ok(run.signInMs > 0, `the first Members row was marked after the click (${run.signInMs} ms)`);
  assert.ok(run.signInRequests >= 1, 'sign-in made requests (the workspaces, the members)');
  // The browser's clock for requests and the page's for marks agree (a few ms of slack).
  assert.ok(run.wasmInMs > 0 && run.wasmInMs <= run.loadMs + 5, `the wasm was in (${run.wasmInMs} ms) before the form (${run.loadMs} ms)`);

  const wasm = wasmResponses(run);
  assert.ok(wasm.length >= 1, 'the wasm was loaded');
  // The splitter's smallest shared chunks (a few hundred bytes) gain nothing from compression.
  for (const w of wasm.filter((w) => w.bytes > 1024)) assert.match(String(w.encoding), /^(br|gzip)$/, `${w.url} came compressed`);
  const wire = wasm.reduce((n, w) => n + w.bytes, 0);
  const raw = siteFiles(DIST).wasmBytes;
  assert.ok(wire < raw * 0.6, `the wasm on the wire (${wire} B) is well under its size on disk (${raw} B)`);

  // Throttled: the load phase cannot beat its bytes at 10 Mbit/s, nor the latency of its requests.
  const floorMs = (run.loadBytes / THROTTLE.downloadThroughput) * 1000;
  assert.ok(run.loadMs >= floorMs, `the load took ${run.loadMs.toFixed(0)} ms, at least ${floorMs.toFixed(0)} ms for ${run.loadBytes} B`);
  assert.ok(run.loadMs >= 2 * THROTTLE.latency, 'at least the latency of the page and its wasm');
  assert.ok(run.requests.every((r) => !r.fromCache), 'a cold cache: nothing came from a cache');
});
