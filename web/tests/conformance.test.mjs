// Every operation of the package against the Rust core, through a fake fetch: the request the
// package sends must be the one the core's builder makes, and what the package reads from a
// drifted reply (numbers as strings, missing fields, null lists, other-case enum values, unknown
// fields, a person as a bare name...) must be what the core's typed decoding reads. The cases
// come from `cargo xtask npm` (webwork-js-typegen --fixtures), one or two per operation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WebWorkClient } from 'webwork-tracker';
import { repo } from './support.mjs';

const file = process.env.WEBWORK_FIXTURES ?? path.join(repo, 'target/npm/conformance.json');
const { baseUrl, cases } = JSON.parse(readFileSync(file, 'utf8'));

function reply(data, status = 200, meta = {}) {
  return new Response(JSON.stringify({ success: true, data, message: null, meta: { api_version: '2.0.0', ...meta } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function fakeClient(answer) {
  const seen = [];
  const fetch = async (url, init) => {
    seen.push({ url, method: init.method, body: init.body === undefined ? null : JSON.parse(init.body) });
    return answer(seen.length);
  };
  return { client: new WebWorkClient({ baseUrl, token: 'secret', fetch, requestsPerMinute: 0 }), seen };
}

test('every method of every namespace has a case, and every case a method', () => {
  const { client } = fakeClient(() => reply(null));
  const methods = new Set();
  for (const ns of Object.keys(client)) {
    for (const m of Object.keys(client[ns])) methods.add(`${ns}.${m}`);
  }
  const covered = new Set(cases.flatMap((c) => [`${c.namespace}.${c.method}`, ...(c.iterator ? [`${c.namespace}.${c.iterator}`] : [])]));
  assert.deepEqual([...methods].sort(), [...covered].sort());
  assert.ok(new Set(cases.map((c) => c.id)).size >= 71, 'all operations of the core catalog');
});

for (const c of cases) {
  // Named `wiring: ...`: `cargo xtask test` counts these generated cases apart from behaviour tests.
  test(`wiring: ${c.namespace}.${c.method} (${c.id}) sends the core's request and reads like the core`, async () => {
    const { client, seen } = fakeClient(() => reply(c.data));
    const res = await client[c.namespace][c.method](c.params);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].method, c.request.method);
    assert.equal(seen[0].url, c.request.url);
    assert.deepEqual(seen[0].body, c.request.body);
    assert.deepEqual(res.data, c.expected);
  });
}

test('every iterator walks pages until the last', async () => {
  const lists = cases.filter((c) => c.iterator && Array.isArray(c.expected) && c.expected.length > 0);
  assert.ok(lists.length >= 10);
  for (const c of lists) {
    // Page 2 is page 1 without its first item: a page that repeats the one before is the
    // core walker's error, not a page.
    const page = (n) => (n === 1 ? c.data : c.data.slice(1));
    const { client, seen } = fakeClient((n) => reply(page(n), 200, { pagination: { total: 2 * c.data.length - 1, per_page: c.data.length, current_page: n, last_page: 2 } }));
    const items = [];
    for await (const item of client[c.namespace][c.iterator](c.params)) items.push(item);
    assert.equal(seen.length, 2, `${c.namespace}.${c.iterator}`);
    assert.match(seen[1].url, /[?&]page=2(&|$)/);
    assert.deepEqual(items, [...c.expected, ...c.expected.slice(1)]);
  }
});

test('a reply that is not what the API documents is a decode error with the path', async () => {
  const c = cases.find((x) => x.id === 'getMembers');
  const { client } = fakeClient(() => reply([{ id: 'seven' }]));
  await assert.rejects(client.members.list(c.params), (e) => e.kind === 'decode' && /data\[0\]\.id/.test(e.message));
});
