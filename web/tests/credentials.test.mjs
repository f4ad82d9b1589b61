// Where the token comes from: a token provider (renewed by the core after a 401, the call
// repeated once) and a webwork-gateway (no Authorization header, X-WebWork-Client instead).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';

import { WebWorkClient, WebWorkError } from 'webwork-tracker';
import { startSandbox } from './support.mjs';

/**
 * A tiny API: 401 for any bearer token but `new-token`, except in gateway calls (no
 * Authorization at all), which it answers; it records what each request carried.
 */
function startRecorder() {
  const seen = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null, client: req.headers['x-webwork-client'] ?? null, body });
      const ok = req.headers.authorization === 'Bearer new-token' || (!req.headers.authorization && req.headers['x-webwork-client'] === '1');
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { success: true, data: { ok: true } } : { success: false, message: 'The access token is invalid or has expired.' }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ api: `http://127.0.0.1:${server.address().port}/api/v2`, seen, stop: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** A provider that gives `tokens` in turn and records what it was asked. */
function provider(...tokens) {
  const asked = [];
  const give = async (request) => {
    asked.push(request);
    return tokens[Math.min(asked.length, tokens.length) - 1];
  };
  give.asked = asked;
  return give;
}

let sandbox;
let recorder;
before(async () => {
  [sandbox, recorder] = await Promise.all([startSandbox(), startRecorder()]);
});
after(() => Promise.all([sandbox?.stop(), recorder?.stop()]));

describe('tokenProvider', () => {
  test('against a sandbox: asked once, asked again with renew after a 401, the call repeated', async () => {
    const tokens = provider('an-expired-token', 'demo-owner');
    const c = new WebWorkClient({ baseUrl: sandbox.api, tokenProvider: tokens, maxRetries: 0 });
    assert.deepEqual(tokens.asked, [], 'nothing is asked before the first call');
    const page = await c.members.list({ workspaceId: 1, perPage: 2 });
    assert.equal(page.data.length, 2);
    assert.deepEqual(tokens.asked, [{ renew: false }, { renew: true }]);
    await c.projects.list({ workspaceId: 1 });
    assert.equal(tokens.asked.length, 2, 'the renewed token is kept');
  });

  test('a POST refused with 401 is repeated once with the new token', async () => {
    recorder.seen.length = 0;
    const tokens = provider('old-token', 'new-token');
    const c = new WebWorkClient({ baseUrl: recorder.api, tokenProvider: tokens });
    const reply = await c.request('POST', '/things', { body: { name: 'x' } });
    assert.deepEqual(reply.data, { ok: true });
    assert.deepEqual(
      recorder.seen.map((r) => [r.method, r.authorization, r.body]),
      [
        ['POST', 'Bearer old-token', '{"name":"x"}'],
        ['POST', 'Bearer new-token', '{"name":"x"}'],
      ],
    );
  });

  test('a second 401 reaches the caller; the provider is not asked a third time', async () => {
    const tokens = provider('old-token', 'still-old');
    const c = new WebWorkClient({ baseUrl: recorder.api, tokenProvider: tokens });
    await assert.rejects(c.request('GET', '/things'), (e) => e instanceof WebWorkError && e.kind === 'unauthorized' && e.status === 401 && !e.message.includes('old'));
    assert.deepEqual(tokens.asked, [{ renew: false }, { renew: true }]);
  });

  test("the provider's failure fails the call as unauthorized, with its message and nothing sent", async () => {
    recorder.seen.length = 0;
    const c = new WebWorkClient({
      baseUrl: recorder.api,
      tokenProvider: async () => {
        throw new Error('the sign-in service is down');
      },
    });
    await assert.rejects(c.request('GET', '/things'), (e) => e instanceof WebWorkError && e.kind === 'unauthorized' && /sign-in service is down/.test(e.message));
    const empty = new WebWorkClient({ baseUrl: recorder.api, tokenProvider: () => '' });
    await assert.rejects(empty.request('GET', '/things'), (e) => e.kind === 'unauthorized' && /gave no token/.test(e.message));
    assert.equal(recorder.seen.length, 0);
  });
});

describe('gateway', () => {
  test('sends no Authorization but X-WebWork-Client: 1', async () => {
    recorder.seen.length = 0;
    const c = new WebWorkClient({ baseUrl: recorder.api, gateway: true });
    const reply = await c.request('POST', '/members/invite', { body: { a: 1 } });
    assert.deepEqual(reply.data, { ok: true });
    assert.deepEqual(recorder.seen.map((r) => [r.method, r.url, r.authorization, r.client]), [['POST', '/api/v2/members/invite', null, '1']]);
  });

  test('outside a page a gateway needs its base URL', () => {
    assert.throws(() => new WebWorkClient({ gateway: true }), (e) => e instanceof WebWorkError && e.field === 'baseUrl');
  });
});

describe('choosing the credentials', () => {
  test('exactly one of token, tokenProvider and gateway, else a TypeError', () => {
    const refused = [
      [{}, /got none of them/],
      [{ token: 't', tokenProvider: () => 't' }, /got `token` and `tokenProvider`/],
      [{ token: 't', gateway: true }, /got `token` and `gateway`/],
      [{ token: '  ' }, /non-empty string/],
      [{ tokenProvider: 'demo-owner' }, /must be a function/],
      [{ gateway: 'yes', baseUrl: 'http://x/api/v2' }, /true or left out/],
    ];
    for (const [options, message] of refused) {
      assert.throws(() => new WebWorkClient({ baseUrl: 'http://127.0.0.1:9/api/v2', ...options }), (e) => e instanceof TypeError && message.test(e.message), JSON.stringify(options));
    }
    // `gateway: false` is no choice: the token decides.
    assert.ok(new WebWorkClient({ token: 't', gateway: false }));
  });
});
