// The npm package's decode path under fuzzed answers: web/src/index.js and the wasm it calls,
// in Node, with a scripted `fetch` that returns each case's body. Not a `node --test` file (it
// reads its cases from stdin); `cargo xtask fuzz` runs it as
//
//   webwork-fuzz --emit --cases N --seed S | node fuzz.mjs --seed S
//
// so the cases are the native fuzzer's (crates/fuzz), reproducible from (seed, case index).
// Every case calls its operation's method (and, for every third list case, walks its iterator
// with the same answer on every page). A call must resolve, or reject with a WebWorkError that
// has a kind and a message; anything else (a TypeError, a RangeError, a wasm trap, which is how a
// Rust panic surfaces under panic=abort) is a failure, and so is a case over the time limit.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WebWorkClient, WebWorkError } from 'webwork-tracker';
import { repo } from './support.mjs';

/** A case whose call takes more CPU time than this counts as a hang; one still pending after
 *  STUCK_MS of wall time ends the run. */
const SLOW_MS = 1000;
const STUCK_MS = 30000;
/** How much of a failing body the report shows. */
const SHOWN_BYTES = 4096;
/** Pages an iterator may ask for per case: the same answer on each page ends any walk by the
 *  second page (a repeat), so more means the walker failed. */
const MAX_WALK = 5;

const seed = process.argv.includes('--seed') ? process.argv[process.argv.indexOf('--seed') + 1] : '1';
const fixtures = JSON.parse(readFileSync(process.env.WEBWORK_FIXTURES ?? path.join(repo, 'target/npm/conformance.json'), 'utf8'));
/** Per operation id: its namespace, method, iterator and parameters the builder accepts. */
const calls = new Map();
for (const c of fixtures.cases) if (!calls.has(c.id)) calls.set(c.id, c);

/** Frames from `webwork-fuzz --emit`: index u64, id (u8 length + bytes), status u16, body (u32 length + bytes), little-endian. */
async function* frames(stream) {
  let chunks = [];
  let buffered = 0;
  let need = 9;
  for await (const chunk of stream) {
    chunks.push(chunk);
    buffered += chunk.length;
    if (buffered < need) continue;
    let buf = Buffer.concat(chunks, buffered);
    let off = 0;
    for (;;) {
      need = 9;
      if (buf.length - off < need) break;
      const idLen = buf[off + 8];
      const head = 9 + idLen + 2 + 4;
      need = head;
      if (buf.length - off < need) break;
      const bodyLen = buf.readUInt32LE(off + 9 + idLen + 2);
      need = head + bodyLen;
      if (buf.length - off < need) break;
      yield {
        index: Number(buf.readBigUInt64LE(off)),
        id: buf.toString('latin1', off + 9, off + 9 + idLen),
        status: buf.readUInt16LE(off + 9 + idLen),
        body: buf.subarray(off + head, off + head + bodyLen),
      };
      off += need;
    }
    buf = buf.subarray(off);
    chunks = buf.length ? [buf] : [];
    buffered = buf.length;
  }
  if (buffered > 0) throw new Error(`the case stream ended inside a case (${buffered} bytes left)`);
}

/** A body for a person: printable ASCII as is, everything else escaped. */
function shown(body) {
  const part = body.subarray(0, SHOWN_BYTES);
  let text = '';
  for (const b of part) text += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return part.length < body.length ? `${text}… (${body.length - part.length} bytes more)` : text;
}

function describe(c, what) {
  return (
    `case ${c.index} (seed ${seed}; reproduce: cargo xtask fuzz --seed ${seed} --case ${c.index}): ${c.id}, status ${c.status}, ` +
    `${c.body.length} bytes: ${what}\n${shown(c.body)}`
  );
}

/** What `fetch` answers now: statuses a browser's fetch cannot hand over are mapped to ones it can. */
let current;
/** Requests made since the counter was last reset (pages of a walk). */
let fetched = 0;
const fakeFetch = async () => {
  fetched += 1;
  let status = current.status;
  if (status < 200 || status > 599) status = 200; // fetch never resolves with 1xx
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : current.body, { status, headers: { 'content-type': 'application/json' } });
};
const newClient = () => new WebWorkClient({ baseUrl: fixtures.baseUrl, token: 'fuzz-token', fetch: fakeFetch, requestsPerMinute: 0, maxRetries: 0, timeoutMs: 0 });

/** undefined when the outcome is one a caller is promised; otherwise what went wrong. */
function wrong(outcome) {
  if (outcome.ok) return undefined;
  const e = outcome.error;
  if (e instanceof WebWorkError && typeof e.kind === 'string' && e.kind && typeof e.message === 'string' && e.message) return undefined;
  return `${e?.constructor?.name ?? typeof e}: ${e?.stack ?? e}`;
}

async function settle(promise) {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

async function main() {
  let client = newClient();
  const started = performance.now();
  const stats = { cases: 0, resolved: 0, rejected: 0, walks: 0, failures: 0, hangs: 0, slowestMs: 0, slowest: -1 };
  let pending = null;
  const watchdog = setInterval(() => {
    if (pending && performance.now() - pending.since > STUCK_MS) {
      console.error(`\nfuzz (js): HANG: still pending after ${STUCK_MS / 1000} s\n${describe(pending.c, 'no answer')}`);
      process.exit(1);
    }
  }, 500);
  watchdog.unref();
  for await (const c of frames(process.stdin)) {
    const call = calls.get(c.id);
    if (!call) throw new Error(`no conformance case for ${c.id}: rebuild the package (cargo xtask npm)`);
    current = c;
    pending = { c, since: performance.now() };
    const cpu = process.cpuUsage();
    const outcome = await settle(client[call.namespace][call.method](call.params));
    // A 429 pauses the client (the core waits out Retry-After, at least a second): the next
    // request gets a fresh one, or every later case would wait.
    if (c.status === 429) client = newClient();
    let problem = wrong(outcome);
    if (!problem && call.iterator && c.index % 3 === 0) {
      stats.walks += 1;
      fetched = 0;
      const walked = await settle(
        (async () => {
          for await (const item of client[call.namespace][call.iterator](call.params)) {
            void item;
            if (fetched > MAX_WALK) throw new Error(`the walk went past ${MAX_WALK} pages of the same answer`);
          }
        })(),
      );
      problem = wrong(walked);
    }
    const { user, system } = process.cpuUsage(cpu);
    const ms = (user + system) / 1000;
    pending = null;
    stats.cases += 1;
    if (outcome.ok) stats.resolved += 1;
    else stats.rejected += 1;
    if (ms > stats.slowestMs) [stats.slowestMs, stats.slowest] = [ms, c.index];
    if (problem) {
      stats.failures += 1;
      console.error(`\nfuzz (js): FAILURE: ${describe(c, problem)}`);
    }
    if (ms > SLOW_MS) {
      stats.hangs += 1;
      console.error(`\nfuzz (js): HANG: ${(ms / 1000).toFixed(2)} s of CPU (limit ${SLOW_MS / 1000} s)\n${describe(c, 'slow')}`);
    }
    if (c.status === 429) client = newClient();
    if (stats.cases % 100000 === 0) console.error(`fuzz (js): ${stats.cases} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz (npm package, web/src/index.js + wasm in Node ${process.version}): ${stats.cases} cases, seed ${seed}`);
  console.log(`  time: ${seconds.toFixed(1)} s (${(stats.cases / seconds).toFixed(0)} cases/s)`);
  console.log(`  calls: ${stats.resolved} resolved, ${stats.rejected} rejected with a WebWorkError; ${stats.walks} walks with the iterators`);
  console.log(`  failures (not a WebWorkError, or a wasm trap): ${stats.failures}`);
  console.log(`  hangs (over ${SLOW_MS / 1000} s of CPU): ${stats.hangs}; slowest case ${(stats.slowestMs / 1000).toFixed(3)} s (#${stats.slowest})`);
  console.log(`  peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (stats.failures > 0 || stats.hangs > 0 || stats.cases === 0) process.exitCode = 1;
}

await main();
