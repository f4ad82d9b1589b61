// Answers that break naive JavaScript readers, found by the decode fuzzer (cargo xtask fuzz):
// each must end as a WebWorkError of kind `decode` with a short, readable message, or be read
// with every key kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { WebWorkClient, WebWorkError } from 'webwork-tracker';

/** A client whose every request gets `data` (a value, or JSON text of one) in a success envelope. */
function clientAnswering(data) {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const fetch = async () =>
    new Response(`{"success":true,"data":${text},"meta":{"api_version":"2.0.0"}}`, { status: 200, headers: { 'content-type': 'application/json' } });
  return new WebWorkClient({ baseUrl: 'http://api.test/api/v2', token: 'secret', fetch, requestsPerMinute: 0 });
}

test('a wrong-typed value whose items carry a `toString` key is a decode error, not a TypeError', async () => {
  // `String(value)` of this list throws ("Cannot convert object to primitive value").
  const client = clientAnswering({ id: 7, firstname: [{ toString: -259 }] });
  await assert.rejects(client.members.get({ workspaceId: 1, memberId: 7 }), (e) => {
    assert.ok(e instanceof WebWorkError, String(e));
    assert.equal(e.kind, 'decode');
    assert.match(e.message, /at `data\.firstname`: expected a string, found a list/);
    return true;
  });
});

test('a megabyte of text in the wrong place is named by its start, not copied into the message', async () => {
  const client = clientAnswering({ id: 7, firstname: 'x', current_role: 'Owner', weekly_hours_limit: 'y'.repeat(1 << 20) });
  await assert.rejects(client.members.get({ workspaceId: 1, memberId: 7 }), (e) => {
    assert.equal(e.kind, 'decode');
    assert.match(e.message, /at `data\.weekly_hours_limit`: expected a whole number, found "y{80}…"$/);
    assert.ok(e.message.length < 300, `${e.message.length} characters`);
    return true;
  });
});

test('a map key named `__proto__` stays a key and does not become the prototype', async () => {
  // As text: in a JS object literal `__proto__` would set the prototype, not a key.
  const client = clientAnswering('[{"id":"1","status":"pending","daily_breakdown":{"__proto__":[],"2026-03-02":[]}}]');
  const { data } = await client.timesheets.list({ workspaceId: 1 });
  const breakdown = data[0].dailyBreakdown;
  assert.deepEqual(Object.keys(breakdown), ['__proto__', '2026-03-02']);
  assert.equal(Object.getPrototypeOf(breakdown), Object.prototype);
  assert.deepEqual(breakdown['__proto__'], []);
});
