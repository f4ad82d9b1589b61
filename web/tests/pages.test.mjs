// Walking pages ends: `for await` over a list whose server misbehaves stops with the core page
// walker's error (a repeated page, an empty page that says more follow, more pages than the cap),
// against a tiny scripted HTTP server here. The package has no rule of its own: it asks the
// core's walker (through the wasm) which page comes next.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

import { WebWorkClient, WebWorkError } from 'webwork-tracker';

/** The core's cap on pages per walk (`webwork_core::pages::MAX_PAGES`). */
const MAX_PAGES = 1000;

/** Members `from`..`from + n - 1`, as the API sends them. */
function members(from, n) {
  return Array.from({ length: n }, (_, i) => ({ id: from + i, email: `m${from + i}@example.com`, firstname: 'M', lastname: String(from + i) }));
}

/**
 * Each server answers `page` (as asked) at `per_page` with `{ items, lastPage, currentPage }`.
 * The path names the behaviour: /normal, /ignores-page, /grows, /empty-says-more.
 */
const SERVERS = {
  // 250 members in pages of 100.
  normal: (page, per) => ({ items: members((page - 1) * per + 1, Math.max(0, Math.min(per, 250 - (page - 1) * per))), lastPage: 3, currentPage: page }),
  // Page 1 whatever is asked.
  'ignores-page': (_page, per) => ({ items: members(1, per), lastPage: 3, currentPage: 1 }),
  // One page more than the one asked for, every time.
  grows: (page, per) => ({ items: members((page - 1) * per + 1, per), lastPage: page + 1, currentPage: page }),
  // Page 3 is empty but the server says 9 pages.
  'empty-says-more': (page, per) => ({ items: page >= 3 ? [] : members((page - 1) * per + 1, per), lastPage: 9, currentPage: page }),
};

let server;
let origin;
const asked = {};

before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const behaviour = url.pathname.split('/')[1];
    const page = Number(url.searchParams.get('page') ?? 1);
    const per = Number(url.searchParams.get('per_page') ?? 20);
    asked[behaviour] = (asked[behaviour] ?? 0) + 1;
    const { items, lastPage, currentPage } = SERVERS[behaviour](page, per);
    const pagination = { total: lastPage * per, per_page: per, current_page: currentPage, last_page: lastPage };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: true, data: items, meta: { api_version: '2.0.0', pagination } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

/** Walks `members.all` (with `params`) on the server `behaviour`; resolves to the ids seen and the error, if any. */
async function walk(behaviour, params = {}) {
  const client = new WebWorkClient({ baseUrl: `${origin}/${behaviour}`, token: 'test-token', requestsPerMinute: 0 });
  const ids = [];
  try {
    for await (const m of client.members.all({ workspaceId: 1, ...params })) ids.push(m.id);
    return { ids, error: null };
  } catch (error) {
    return { ids, error };
  }
}

describe('walking pages ends', () => {
  test('a normal list: every page once, then the end', async () => {
    const { ids, error } = await walk('normal');
    assert.equal(error, null);
    assert.equal(ids.length, 250);
    assert.equal(new Set(ids).size, 250);
    assert.equal(asked.normal, 3);
  });

  test('a server that ignores `page` ends at the repeated page', async () => {
    const { ids, error } = await walk('ignores-page');
    assert.ok(error instanceof WebWorkError, String(error));
    assert.equal(error.kind, 'decode');
    assert.match(error.message, /the server sent page 2 again \(the same items as page 1\)/);
    assert.equal(asked['ignores-page'], 2);
    assert.equal(ids.length, 100, 'the first page was handed out before the walk stopped');
  });

  test('a last_page that keeps growing ends at the cap', async () => {
    // Small pages: the cap is in pages, and 1,000 pages of 100 only take longer.
    const { error } = await walk('grows', { perPage: 5 });
    assert.ok(error instanceof WebWorkError, String(error));
    assert.equal(error.kind, 'decode');
    assert.match(error.message, new RegExp(`more than ${MAX_PAGES} pages \\(the server said 2 pages at first and ${MAX_PAGES + 1} now\\)`));
    assert.equal(asked.grows, MAX_PAGES);
  });

  test('an empty page whose pagination says more follow ends the walk', async () => {
    const { ids, error } = await walk('empty-says-more');
    assert.ok(error instanceof WebWorkError, String(error));
    assert.match(error.message, /page 3 is empty but the server says 9 pages/);
    assert.equal(asked['empty-says-more'], 3);
    assert.equal(ids.length, 200);
  });
});
