// Walking pages ends, for every iterator of the package (`members.all`, `leaves.allBalances`,
// `reports.allTasks`...), against a scripted `fetch`: a server that ignores `page`, a `last_page`
// that keeps growing, an empty page whose pagination says more follow, and a list without
// pagination whose full pages never end. Each walk ends with the core page walker's error (asked
// through the wasm's `nextPage`) after at most the cap of 1,000 pages. pages.test.mjs runs the
// first three for `members.all` over real HTTP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WebWorkClient, WebWorkError } from 'webwork-tracker';
import { repo } from './support.mjs';

/** The core's cap on pages per walk (`webwork_core::pages::MAX_PAGES`). */
const MAX_PAGES = 1000;

const { baseUrl, cases } = JSON.parse(readFileSync(process.env.WEBWORK_FIXTURES ?? path.join(repo, 'target/npm/conformance.json'), 'utf8'));
/** One case per iterator, with an item of its list as the API sends it. */
const iterators = [];
for (const c of cases) {
  if (c.iterator && Array.isArray(c.data) && c.data.length > 0 && !iterators.some((x) => x.id === c.id)) iterators.push(c);
}

/** `perPage` items of the case's list for `page`, each one telling its page and place apart. */
function itemsOf(c, page, perPage) {
  return Array.from({ length: perPage }, (_, i) => ({ ...c.data[0], zz_row: `${page}.${i}` }));
}

/** A client whose `fetch` answers with `server(page, perPage)` = `{ items, pagination }`; `asked` lists the pages requested. */
function scripted(server) {
  const asked = [];
  const fetch = async (url) => {
    const query = new URL(url).searchParams;
    const page = Number(query.get('page') ?? 1);
    const perPage = Number(query.get('per_page') ?? 20);
    asked.push(page);
    const { items, pagination } = server(page, perPage);
    const meta = pagination ? { api_version: '2.0.0', pagination } : { api_version: '2.0.0' };
    return new Response(JSON.stringify({ success: true, data: items, meta }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { client: new WebWorkClient({ baseUrl, token: 'secret', fetch, requestsPerMinute: 0 }), asked };
}

/** Walks `c`'s iterator to its end; resolves to the items seen and the error the walk ended with. */
async function walk(client, c, params = {}) {
  const items = [];
  try {
    for await (const item of client[c.namespace][c.iterator]({ ...c.params, ...params })) items.push(item);
    return { items, error: null };
  } catch (error) {
    return { items, error };
  }
}

function assertWalkerError(error, pattern, label) {
  assert.ok(error instanceof WebWorkError, `${label}: ${error}`);
  assert.equal(error.kind, 'decode', label);
  assert.match(error.message, pattern, label);
  assert.match(error.message, /stopped walking the list/, label);
}

const paged = (page, perPage, lastPage) => ({ total: lastPage * perPage, per_page: perPage, current_page: page, last_page: lastPage });

describe('every iterator of the package ends a misbehaving walk', () => {
  test('there is one case per iterator', () => {
    assert.ok(iterators.length >= 17, `${iterators.length} iterators`);
  });

  test('a server that ignores `page`: the error at page 2', async () => {
    for (const c of iterators) {
      const label = `${c.namespace}.${c.iterator}`;
      const { client, asked } = scripted((_page, perPage) => ({ items: itemsOf(c, 1, perPage), pagination: paged(1, perPage, 3) }));
      const { items, error } = await walk(client, c, { perPage: 2 });
      assertWalkerError(error, /the server sent page 2 again \(the same items as page 1\)/, label);
      assert.deepEqual(asked, [1, 2], label);
      assert.equal(items.length, 2, `${label}: page 1 was handed out`);
    }
  });

  test('an empty page whose pagination says more follow: the error at that page', async () => {
    for (const c of iterators) {
      const label = `${c.namespace}.${c.iterator}`;
      const { client, asked } = scripted((page, perPage) => ({ items: page >= 3 ? [] : itemsOf(c, page, perPage), pagination: paged(page, perPage, 9) }));
      const { items, error } = await walk(client, c, { perPage: 2 });
      assertWalkerError(error, /page 3 is empty but the server says 9 pages/, label);
      assert.deepEqual(asked, [1, 2, 3], label);
      assert.equal(items.length, 4, label);
    }
  });

  test('a last_page that keeps growing: the error after exactly the cap of pages', async () => {
    for (const c of iterators) {
      const label = `${c.namespace}.${c.iterator}`;
      const { client, asked } = scripted((page, perPage) => ({ items: itemsOf(c, page, perPage), pagination: paged(page, perPage, page + 1) }));
      const { error } = await walk(client, c, { perPage: 1 });
      assertWalkerError(error, new RegExp(`more than ${MAX_PAGES} pages \\(the server said 2 pages at first and ${MAX_PAGES + 1} now\\)`), label);
      assert.equal(asked.length, MAX_PAGES, label);
    }
  });
});

describe('walks that start later or carry no pagination end too', () => {
  const members = iterators.find((c) => c.id === 'getMembers');

  test('full pages without pagination that never end: the error at the cap', async () => {
    const { client, asked } = scripted((page, perPage) => ({ items: itemsOf(members, page, perPage) }));
    const { items, error } = await walk(client, members, { perPage: 1 });
    assertWalkerError(error, new RegExp(`more than ${MAX_PAGES} pages`), 'members.all');
    assert.equal(asked.length, MAX_PAGES);
    assert.equal(items.length, MAX_PAGES - 1, 'every page but the one that passed the cap was handed out');
  });

  test('a walk from page 3 counts the cap from there', async () => {
    const { client, asked } = scripted((page, perPage) => ({ items: itemsOf(members, page, perPage), pagination: paged(page, perPage, page + 1) }));
    const { error } = await walk(client, members, { perPage: 1, page: 3 });
    assertWalkerError(error, new RegExp(`more than ${MAX_PAGES} pages`), 'members.all from page 3');
    assert.equal(asked[0], 3);
    assert.equal(asked.length, MAX_PAGES);
  });

  test('a server that ignores `page` on a walk from page 3: the error at page 4', async () => {
    const { client, asked } = scripted((_page, perPage) => ({ items: itemsOf(members, 3, perPage), pagination: paged(3, perPage, 9) }));
    const { error } = await walk(client, members, { perPage: 2, page: 3 });
    assertWalkerError(error, /the server sent page 4 again \(the same items as page 3\)/, 'members.all from page 3');
    assert.deepEqual(asked, [3, 4]);
  });
});
