// Shared by the package's tests: start a sandbox, find the build outputs.
//
// `cargo xtask test` sets WEBWORK_SANDBOX (the sandbox binary it built) and WEBWORK_FIXTURES
// (target/npm/conformance.json from `cargo xtask npm`), and unpacks the package tarball into
// node_modules/webwork-tracker. Run by hand: `cargo xtask npm`, then the same unpacking, then
// `node --test` here.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');

/** The date the sandbox's demo data is relative to, so counts are stable. */
export const TODAY = '2026-03-04';

function sandboxBinary() {
  const candidates = [
    process.env.WEBWORK_SANDBOX,
    process.env.CARGO_TARGET_DIR && path.join(process.env.CARGO_TARGET_DIR, 'debug/webwork-sandbox'),
    path.join(repo, 'target/debug/webwork-sandbox'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no sandbox binary (tried ${candidates.join(', ')}); run \`cargo build -p webwork-sandbox\``);
  return found;
}

/**
 * Starts an in-memory sandbox on a free loopback port with `extra` flags; resolves to
 * `{ origin, api, stop() }`. The rate limit is off unless `extra` sets one; the access rule is the
 * role matrix (`--access roles`, the tests use several demo roles) unless `extra` sets one.
 * `quiet` drops its stderr (a bench's setup makes the demo webhooks log every delivery).
 */
export function startSandbox(extra = [], { quiet = false } = {}) {
  // The same hour every run (every demo member on TODAY, none near midnight).
  const args = ['--memory', '--addr', '127.0.0.1:0', '--today', TODAY, '--time', '09:00'];
  if (!extra.includes('--rate-limit')) args.push('--rate-limit', 'off');
  if (!extra.includes('--access')) args.push('--access', 'roles');
  args.push(...extra);
  const child = spawn(sandboxBinary(), args, { stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the sandbox did not start within 20 s:\n${seen}`));
    }, 20000);
    child.on('exit', (code) => reject(new Error(`the sandbox exited (${code}):\n${seen}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = /listening on (http:\/\/[\d.:]+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        child.stdout.resume();
        resolve({
          origin: m[1],
          api: `${m[1]}/api/v2`,
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

/** A `fetch` that counts the requests it lets through. */
export function countingFetch() {
  const counted = (input, init) => {
    counted.calls += 1;
    return fetch(input, init);
  };
  counted.calls = 0;
  return counted;
}
