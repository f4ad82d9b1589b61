// The built package, imported as a user would, against a real sandbox.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { WebWorkClient, WebWorkError, ready } from 'webwork-tracker';
import { countingFetch, startSandbox } from './support.mjs';

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = new WebWorkClient({ baseUrl: sandbox.api, token: 'demo-owner' });
});
after(() => sandbox?.stop());

describe('calls', () => {
  test('ready() loads the wasm module once: every call shares one load, also after it settled', async () => {
    const first = ready();
    assert.ok(first instanceof Promise);
    assert.equal(ready(), first, 'a second call while loading starts no second load');
    await first;
    assert.equal(ready(), first, 'a call after the load reuses it');
    // The loaded module serves calls, and they do not load it again.
    assert.equal((await client.members.list({ workspaceId: 1, perPage: 1 })).data.length, 1);
    assert.equal(ready(), first);
  });

  test('lists members: typed, camelCase objects and the page', async () => {
    const page = await client.members.list({ workspaceId: 1, perPage: 5 });
    assert.equal(page.status, 200);
    assert.equal(page.data.length, 5);
    const m = page.data[0];
    assert.equal(typeof m.id, 'number');
    assert.equal(typeof m.currentRole, 'string');
    assert.ok('deletedAt' in m && 'isBlocked' in m && !('current_role' in m));
    assert.equal(page.pagination.perPage, 5);
    assert.equal(page.pagination.currentPage, 1);
    assert.ok(page.pagination.total > 5);
    assert.equal(page.hasNext, true);
    assert.equal(page.meta.apiVersion, '2.0.0');
    // Plain objects: nothing to free.
    assert.equal(Object.getPrototypeOf(m), Object.prototype);
  });

  test('walks every page with for await; the count matches meta.pagination.total', async () => {
    const fetch = countingFetch();
    const c = new WebWorkClient({ baseUrl: sandbox.api, token: 'demo-owner', fetch });
    const first = await c.members.list({ workspaceId: 1, perPage: 1 });
    const total = first.meta.pagination.total;
    const ids = new Set();
    for await (const member of c.members.all({ workspaceId: 1, perPage: 7 })) ids.add(member.id);
    assert.equal(ids.size, total);
    assert.equal(fetch.calls, 1 + Math.ceil(total / 7));
    // Default page size: the largest the API allows, so one page here.
    let n = 0;
    for await (const _ of c.members.all({ workspaceId: 1 })) n += 1;
    assert.equal(n, total);
    assert.equal(fetch.calls, 2 + Math.ceil(total / 7));
  });

  test('invites a member, then reads it back', async () => {
    const email = `ann.lee.${Date.now()}@example.com`;
    const invited = await client.members.invite({ workspaceId: 1, email, firstname: 'Ann', lastname: 'Lee', role: 'Regular User' });
    assert.equal(invited.status, 201);
    assert.equal(invited.message, 'Member invited successfully');
    assert.equal(typeof invited.data.userId, 'number');
    assert.match(invited.data.invitationLink, /^https?:\/\//);
    const got = await client.members.get({ workspaceId: 1, memberId: invited.data.userId });
    assert.equal(got.data.email, email);
    assert.equal(got.data.status, 'inactive');
  });

  test('other namespaces: projects, tasks, contracts, webhooks, workspaces', async () => {
    const ws = await client.workspaces.list();
    assert.equal(ws.data[0].workspaceName, 'Acme Studio');
    const project = await client.projects.create({ workspaceId: 1, name: `Kiosk ${Date.now()}`, tags: ['npm'] });
    assert.equal(project.status, 201);
    const task = await client.tasks.create({ workspaceId: 1, projectId: project.data.id, title: 'Write the tests', priority: 20 });
    const tasks = await client.tasks.list({ workspaceId: 1, projectId: project.data.id });
    assert.deepEqual(tasks.data.map((t) => t.id), [task.data.id]);
    const contracts = await client.contracts.list({ workspaceId: 1, perPage: 3 });
    assert.equal(contracts.data.length, 3);
    const hook = await client.webhooks.create({ workspaceId: 1, url: `https://example.com/hooks/${Date.now()}`, events: ['member.invited'] });
    assert.deepEqual(hook.data.events, ['member.invited']);
    await client.webhooks.delete({ workspaceId: 1, webhookId: hook.data.id });
  });

  test('request() reaches any path; data comes back as sent', async () => {
    const raw = await client.request('GET', '/members', { query: { workspace_id: 1, per_page: 2 } });
    assert.equal(raw.status, 200);
    assert.equal(raw.data.length, 2);
    assert.ok('current_role' in raw.data[0]);
    assert.equal(raw.pagination.perPage, 2);
  });
});

describe('errors', () => {
  test('a bad token is a WebWorkError of kind unauthorized, status 401', async () => {
    const bad = new WebWorkClient({ baseUrl: sandbox.api, token: 'not-a-token' });
    await assert.rejects(bad.members.list({ workspaceId: 1 }), (e) => {
      assert.ok(e instanceof WebWorkError);
      assert.ok(e instanceof Error);
      assert.equal(e.name, 'WebWorkError');
      assert.equal(e.kind, 'unauthorized');
      assert.equal(e.status, 401);
      assert.match(e.message, /token/i);
      assert.ok(!e.message.includes('not-a-token'), 'the token is never in a message');
      return true;
    });
  });

  test('422 from the server names the field', async () => {
    const long = 'x'.repeat(300);
    await assert.rejects(
      client.members.invite({ workspaceId: 1, email: 'long.name@example.com', firstname: long, lastname: 'B', role: 'Regular User' }),
      (e) => e instanceof WebWorkError && e.kind === 'validation' && e.status === 422 && e.field === 'firstname' && /255/.test(e.message),
    );
  });

  test('a rule broken before sending names the camelCase field and sends nothing', async () => {
    const fetch = countingFetch();
    const c = new WebWorkClient({ baseUrl: sandbox.api, token: 'demo-owner', fetch });
    await assert.rejects(c.members.list({ workspaceId: 1, perPage: 500 }), (e) => e.kind === 'invalid_request' && e.field === 'perPage' && e.status === null);
    await assert.rejects(c.members.invite({ workspaceId: 1, email: 'not an email', firstname: 'A', lastname: 'B', role: 'Regular User' }), (e) => e.field === 'email');
    await assert.rejects(c.members.list({ workspaceId: 1, per_page: 5 }), (e) => e.field === 'params' && /perPage/.test(e.message));
    await assert.rejects(c.members.get({ workspaceId: 1 }), (e) => e.field === 'memberId' && /required/.test(e.message));
    // Owner cannot be assigned: refused before sending, on invite as on update (the server says 422 too).
    await assert.rejects(
      c.members.invite({ workspaceId: 1, email: 'owner2@example.com', firstname: 'A', lastname: 'B', role: 'Owner' }),
      (e) => e.kind === 'invalid_request' && e.field === 'role' && e.status === null,
    );
    await assert.rejects(c.members.update({ workspaceId: 1, memberId: 5, rateStatus: 2 }), (e) => e.field === 'rateStatus');
    assert.equal(fetch.calls, 0);
  });

  test('not found and forbidden', async () => {
    await assert.rejects(client.projects.get({ workspaceId: 1, projectId: 99999 }), (e) => e.kind === 'not_found' && e.status === 404);
    await assert.rejects(client.members.list({ workspaceId: 2 }), (e) => e.kind === 'forbidden' && e.status === 403);
  });

  test('bad options are refused at construction', () => {
    assert.throws(() => new WebWorkClient({ baseUrl: sandbox.api }), (e) => e instanceof TypeError && /exactly one of `token`/.test(e.message));
    assert.throws(() => new WebWorkClient({ token: 't', baseUrl: 'ftp://x' }), (e) => e.field === 'baseUrl');
    assert.throws(() => new WebWorkClient({ token: 't', retries: 2 }), (e) => e.field === 'options' && /maxRetries/.test(e.message));
  });
});

describe('abort and timeout', () => {
  let slow;
  before(async () => {
    slow = await startSandbox(['--latency', '3000']);
  });
  after(() => slow?.stop());

  test('an AbortSignal ends a call in flight with kind aborted', async () => {
    const c = new WebWorkClient({ baseUrl: slow.api, token: 'demo-owner' });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(c.members.list({ workspaceId: 1 }, { signal: controller.signal }), (e) => e instanceof WebWorkError && e.kind === 'aborted');
    assert.ok(Date.now() - started < 2500, 'did not wait for the answer');
  });

  test('an aborted signal sends nothing', async () => {
    const fetch = countingFetch();
    const c = new WebWorkClient({ baseUrl: slow.api, token: 'demo-owner', fetch });
    await assert.rejects(c.members.list({ workspaceId: 1 }, { signal: AbortSignal.abort() }), (e) => e.kind === 'aborted');
    assert.equal(fetch.calls, 0);
  });

  test('timeoutMs ends a slow call with kind timeout', async () => {
    const c = new WebWorkClient({ baseUrl: slow.api, token: 'demo-owner', maxRetries: 0 });
    await assert.rejects(c.members.list({ workspaceId: 1 }, { timeoutMs: 300 }), (e) => e.kind === 'timeout');
  });
});

describe('rate limit (sandbox with --rate-limit 5)', () => {
  let limited;
  before(async () => {
    limited = await startSandbox(['--rate-limit', '5']);
  });
  after(() => limited?.stop());

  test('a 429 is a WebWorkError of kind rate_limited with retryAfter in seconds', async () => {
    const c = new WebWorkClient({ baseUrl: limited.api, token: 'demo-owner', requestsPerMinute: 0, maxRetries: 0 });
    for (let i = 0; i < 5; i++) await c.projects.list({ workspaceId: 1 });
    await assert.rejects(c.projects.list({ workspaceId: 1 }), (e) => {
      assert.ok(e instanceof WebWorkError);
      assert.equal(e.kind, 'rate_limited');
      assert.equal(e.status, 429);
      assert.ok(e.retryAfter > 0 && e.retryAfter <= 60, `retryAfter ${e.retryAfter}`);
      return true;
    });
    // The 429 paused the client's pacer for Retry-After.
    const paused = c.budget();
    assert.equal(paused.remaining, 0);
    assert.ok(paused.nextFreeInMs > 0);
  });

  test('the client paces itself to the budget the server reports: the 6th call waits, unsent', async () => {
    const fetch = countingFetch();
    // Another token: the sandbox counts per token.
    const c = new WebWorkClient({ baseUrl: limited.api, token: 'demo-executive', fetch });
    assert.equal(c.budget().remaining, 60);
    for (let i = 0; i < 5; i++) await c.projects.list({ workspaceId: 1 });
    const budget = c.budget();
    assert.equal(budget.remaining, 0, 'X-RateLimit-Remaining: 0 was taken into account');
    assert.ok(budget.nextFreeInMs > 1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    await assert.rejects(c.projects.list({ workspaceId: 1 }, { signal: controller.signal }), (e) => e.kind === 'aborted');
    assert.equal(fetch.calls, 5, 'the paced call never reached the server');
  });
});
