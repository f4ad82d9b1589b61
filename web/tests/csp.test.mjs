// Under a Content-Security-Policy without 'unsafe-eval' a page may not call `new Function`, which
// the package's reader uses to compile each model into code. It then reads with its generic
// reader alone: the same results and the same errors, for every operation's conformance case.
// This file forbids `new Function` for its own process (node --test runs each file apart) before
// the package is loaded, as such a page would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repo } from './support.mjs';

let refused = 0;
globalThis.Function = new Proxy(Function, {
  construct() {
    refused += 1;
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script");
  },
});
const { WebWorkClient } = await import('webwork-tracker');

const { baseUrl, cases } = JSON.parse(readFileSync(process.env.WEBWORK_FIXTURES ?? path.join(repo, 'target/npm/conformance.json'), 'utf8'));

function clientAnswering(data) {
  const fetch = async () =>
    new Response(JSON.stringify({ success: true, data, message: null, meta: { api_version: '2.0.0' } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  return new WebWorkClient({ baseUrl, token: 'secret', fetch, requestsPerMinute: 0 });
}

test('without `new Function` every operation reads like the core', async () => {
  for (const c of cases) {
    const res = await clientAnswering(c.data)[c.namespace][c.method](c.params);
    assert.deepEqual(res.data, c.expected, `${c.namespace}.${c.method} (${c.id})`);
  }
  assert.equal(refused, 1, 'the reader tried code once, then kept to the generic reader');
});

test('without `new Function` a bad value is a decode error with its path', async () => {
  const c = cases.find((x) => x.id === 'getMembers');
  await assert.rejects(clientAnswering([{ id: 1 }, { id: 'seven' }]).members.list(c.params), (e) => e.kind === 'decode' && /`data\[1\]\.id`/.test(e.message));
});
