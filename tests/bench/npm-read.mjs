// `cargo xtask bench npm` (issue 22): what the npm package's typed read of a 100-member page costs
// beside a plain `fetch` + `JSON.parse` of the same page, in Node.
//
// An in-memory release sandbox (rate limit off) gets members invited through the API until
// workspace 1 has at least 100, so `GET /members?workspace_id=1&per_page=100` is a full page. Then,
// after a warm-up, RUNS runs of PAGES sequential reads of each side, interleaved page by page
// (which side goes first alternates), each read timed on its own: on a shared machine the load
// changes from second to second, and both sides then meet the same load.
//   plain:   fetch(url, { headers }) then JSON.parse(await response.text())
//   package: client.members.list({ workspaceId: 1, perPage: 100 }) (typed, camelCase, read
//            tolerantly through the generated shapes), with `requestsPerMinute: 0`, the package's
//            public switch for "no pacing": the bench measures reading, not the rate budget.
// Printed: each run's time per page, the medians, their ratio and the pass line (the package at
// most 1.5x the plain read). Exit 1 when it is missed, 2 when the bench could not run.
//
// Run by `cargo xtask bench npm` (builds the package and the release sandbox first), or by hand
// after those builds: `node tests/bench/npm-read.mjs [--runs N] [--pages N] [--profile]`.
// WEBWORK_SANDBOX is the sandbox binary, WEBWORK_NPM_PACKAGE the built package folder (web/pkg).
// `--profile` runs only the package side (for `node --cpu-prof`).

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startSandbox as startTestSandbox } from '../../web/tests/support.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The goal: the package's read at most this many times the plain one. */
const GOAL_RATIO = 1.5;
const PER_PAGE = 100;
const TOKEN = 'demo-owner';

/** A wrong command line: said in one line, without a stack. */
class Usage extends Error {}

function options(argv) {
  const o = { runs: 5, pages: 30, warmup: 20, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const whole = (name) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Usage(`${name} needs a whole number of at least 1`);
      return v;
    };
    switch (argv[i]) {
      case '--runs':
        o.runs = whole('--runs');
        break;
      case '--pages':
        o.pages = whole('--pages');
        break;
      case '--warmup':
        o.warmup = whole('--warmup');
        break;
      case '--profile':
        o.profile = true;
        break;
      default:
        throw new Usage(`unknown argument '${argv[i]}' (known: --runs N, --pages N, --warmup N, --profile)`);
    }
  }
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The release sandbox (the rate limit off, the reference's access rule: only demo-owner reads);
// stderr dropped, the demo webhooks log every invite of the setup as undeliverable.
process.env.WEBWORK_SANDBOX ??= path.join(process.env.CARGO_TARGET_DIR ?? path.join(repo, 'target'), 'native-release/webwork-sandbox');
const startSandbox = () => startTestSandbox(['--access', 'reference'], { quiet: true });

/** Invites members into workspace 1 until it has at least `want` (the demo data has fewer). */
async function fillWorkspace(api, want) {
  const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json', 'content-type': 'application/json' };
  const count = async () => {
    const r = await fetch(`${api}/members?workspace_id=1&per_page=1`, { headers });
    const body = await r.json();
    return body.meta?.pagination?.total ?? 0;
  };
  const have = await count();
  for (let i = have; i < want; i++) {
    const body = JSON.stringify({ workspace_id: 1, email: `bench-${i}@example.com`, firstname: 'Bench', lastname: `Member ${i}`, role: 'Regular User' });
    const r = await fetch(`${api}/members`, { method: 'POST', headers, body });
    if (!r.ok) throw new Error(`inviting a member answered ${r.status}: ${await r.text()}`);
  }
  return { before: have, after: await count() };
}

async function main() {
  const o = options(process.argv.slice(2));
  const pkg = process.env.WEBWORK_NPM_PACKAGE ?? path.join(repo, 'web/pkg');
  const { WebWorkClient, ready } = await import(pathToFileURL(path.join(pkg, 'index.js')).href);
  const sandbox = await startSandbox();
  try {
    const filled = await fillWorkspace(sandbox.api, PER_PAGE);
    const url = `${sandbox.api}/members?workspace_id=1&per_page=${PER_PAGE}`;
    const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
    const client = new WebWorkClient({ baseUrl: sandbox.api, token: TOKEN, requestsPerMinute: 0 });
    await ready();

    const plain = async () => JSON.parse(await (await fetch(url, { headers })).text());
    const typed = () => client.members.list({ workspaceId: 1, perPage: PER_PAGE });

    // Both sides read the same full page.
    const [a, b] = [await plain(), await typed()];
    if (a.data?.length !== PER_PAGE || b.data.length !== PER_PAGE) {
      throw new Error(`the page has ${a.data?.length} items plainly and ${b.data.length} through the package, not ${PER_PAGE}`);
    }

    /** Milliseconds of one read. */
    const timed = async (read) => {
      const start = performance.now();
      await read();
      return performance.now() - start;
    };
    /** Milliseconds per page of `pages` sequential reads. */
    const time = async (read) => {
      let total = 0;
      for (let i = 0; i < o.pages; i++) total += await timed(read);
      return total / o.pages;
    };

    if (o.profile) {
      for (let run = 0; run < o.runs; run++) console.log(`package run ${run + 1}: ${(await time(typed)).toFixed(3)} ms/page`);
      return;
    }

    for (let i = 0; i < o.warmup; i++) {
      await plain();
      await typed();
    }
    const runs = [];
    for (let run = 0; run < o.runs; run++) {
      const r = { plain: 0, package: 0 };
      for (let i = 0; i < o.pages; i++) {
        for (const side of i % 2 ? ['package', 'plain'] : ['plain', 'package']) r[side] += await timed(side === 'plain' ? plain : typed);
      }
      runs.push({ plain: r.plain / o.pages, package: r.package / o.pages });
    }

    const mPlain = median(runs.map((r) => r.plain));
    const mPackage = median(runs.map((r) => r.package));
    const ratio = mPackage / mPlain;
    const bytes = Buffer.byteLength(JSON.stringify(a));
    console.log();
    console.log(`npm package read: GET /members?workspace_id=1&per_page=${PER_PAGE} (${PER_PAGE} members, ${(bytes / 1024).toFixed(1)} KB of JSON)`);
    console.log(`sandbox: release build, in memory, rate limit off (workspace 1: ${filled.before} demo members, ${filled.after - filled.before} invited)`);
    console.log(`package: ${pkg}, requestsPerMinute: 0 (the public option that turns pacing off)`);
    console.log(`node ${process.version}; ${o.runs} runs of ${o.pages} pages of each side, interleaved page by page, after ${o.warmup} warm-up reads of each`);
    console.log();
    console.log(`${'run'.padEnd(5)} ${'plain ms/page'.padStart(14)} ${'package ms/page'.padStart(16)} ${'ratio'.padStart(7)}`);
    runs.forEach((r, i) =>
      console.log(`${String(i + 1).padEnd(5)} ${r.plain.toFixed(3).padStart(14)} ${r.package.toFixed(3).padStart(16)} ${(r.package / r.plain).toFixed(2).padStart(7)}`),
    );
    console.log(`${'median'.padEnd(5)} ${mPlain.toFixed(3).padStart(14)} ${mPackage.toFixed(3).padStart(16)} ${ratio.toFixed(2).padStart(7)}`);
    console.log();
    const pass = ratio <= GOAL_RATIO;
    console.log(`${pass ? 'PASS' : 'FAIL'}: the package reads the page in ${ratio.toFixed(2)}x the time of fetch + JSON.parse (goal: at most ${GOAL_RATIO}x)`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await sandbox.stop();
  }
}

main().catch((e) => {
  console.error(`bench npm: ${e instanceof Usage ? e.message : e.stack || e}`);
  process.exit(2);
});
