// The short version of `cargo xtask bench npm`: the package's typed read of a 100-member page
// gives the same data as a plain `fetch` + `JSON.parse` of that page (keys in camelCase), against
// a real sandbox. The package parses a page once in JS and hands the core only the envelope, so
// this is the check that nothing of the page is lost or changed on the way. No timing here: the
// figures are the bench's (crates/js/README.md, "Speed").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { WebWorkClient } from 'webwork-tracker';
import { countingFetch, startSandbox } from './support.mjs';

const PER_PAGE = 100;
const headers = { authorization: 'Bearer demo-owner', accept: 'application/json' };

let sandbox;

before(async () => {
  // Only demo-owner calls: the reference's access rule.
  sandbox = await startSandbox(['--access', 'reference']);
  const json = { ...headers, 'content-type': 'application/json' };
  // The demo webhooks would log every invite below as undeliverable (the sandbox's stderr is the test's).
  for (const hook of (await (await fetch(`${sandbox.api}/webhooks?workspace_id=1`, { headers })).json()).data) {
    const r = await fetch(`${sandbox.api}/webhooks/${hook.id}`, { method: 'DELETE', headers: json, body: JSON.stringify({ workspace_id: 1 }) });
    assert.equal(r.status, 200, await r.text());
  }
  // The demo workspace has fewer members than a page: invite the rest.
  const first = await (await fetch(`${sandbox.api}/members?workspace_id=1&per_page=1`, { headers })).json();
  for (let i = first.meta.pagination.total; i < PER_PAGE + 5; i++) {
    const body = JSON.stringify({ workspace_id: 1, email: `page-${i}@example.com`, firstname: 'Page', lastname: `Member ${i}`, role: 'Regular User' });
    const r = await fetch(`${sandbox.api}/members`, { method: 'POST', headers: json, body });
    assert.equal(r.status, 201, await r.text());
  }
});
after(() => sandbox?.stop());

/** The API's snake_case keys in camelCase, at any depth (the members have no maps). */
function camelCased(value) {
  if (Array.isArray(value)) return value.map(camelCased);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()), camelCased(v)]));
}

test('the typed read of a 100-member page is the same data as JSON.parse of it', async () => {
  const url = `${sandbox.api}/members?workspace_id=1&per_page=${PER_PAGE}`;
  const plain = JSON.parse(await (await fetch(url, { headers })).text());
  const counted = countingFetch();
  const client = new WebWorkClient({ baseUrl: sandbox.api, token: 'demo-owner', requestsPerMinute: 0, fetch: counted });
  const typed = await client.members.list({ workspaceId: 1, perPage: PER_PAGE });

  assert.equal(counted.calls, 1);
  assert.equal(plain.data.length, PER_PAGE);
  assert.deepEqual(typed.data, camelCased(plain.data));
  // The envelope came through the core: the same figures, and another page follows.
  const p = plain.meta.pagination;
  assert.deepEqual(
    [typed.pagination.total, typed.pagination.perPage, typed.pagination.currentPage, typed.pagination.lastPage],
    [p.total, p.per_page, p.current_page, p.last_page],
  );
  assert.ok(typed.pagination.total > PER_PAGE);
  assert.equal(typed.hasNext, true);
  assert.equal(typed.meta.apiVersion, plain.meta.api_version);
  assert.equal(typed.status, 200);
});

test('the last page is read the same way and says no page follows', async () => {
  const url = `${sandbox.api}/members?workspace_id=1&per_page=${PER_PAGE}&page=2`;
  const plain = JSON.parse(await (await fetch(url, { headers })).text());
  const client = new WebWorkClient({ baseUrl: sandbox.api, token: 'demo-owner', requestsPerMinute: 0 });
  const typed = await client.members.list({ workspaceId: 1, perPage: PER_PAGE, page: 2 });
  assert.ok(plain.data.length > 0 && plain.data.length < PER_PAGE);
  assert.deepEqual(typed.data, camelCased(plain.data));
  assert.equal(typed.hasNext, false);
});
