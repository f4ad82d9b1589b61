#!/usr/bin/env node
// Mock WebWork API v2 server for the core client's browser tests (wasm-bindgen-test in headless Chromium).
//
// Usage: node tests/mock-server/server.mjs --port N     (N = 0 picks a free port)
// Prints "listening http://127.0.0.1:N" once it accepts connections; `cargo xtask test` waits for that line.
//
// URL scheme: /s/{scenario}/{key}/api/v2/...   The client under test uses the base URL
// http://127.0.0.1:N/s/{scenario}/{key}/api/v2, with a `key` unique to each test so that the per-key
// request counters of different tests never mix. GET /count/{key} returns {"count": n}.
// Only node:http is used so the script needs no npm install. See README.md beside it for the scenarios.

import http from "node:http";

const args = process.argv.slice(2);
const portFlag = args.indexOf("--port");
const port = portFlag >= 0 ? Number(args[portFlag + 1]) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("usage: node server.mjs --port N");
  process.exit(2);
}

// Every response carries these so a wasm test page served from another origin can read them.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, content-type",
  "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
  "Access-Control-Expose-Headers": "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining",
};
const RATE_OK = { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59" };

/** Non-OPTIONS requests seen per key. */
const counts = new Map();

const meta = (extra = {}) => ({ api_version: "2.0.0", timestamp: new Date().toISOString(), ...extra });

function send(res, status, body, headers = {}) {
  if (res.destroyed || res.writableEnded) return; // the client aborted (timeout tests)
  const isText = typeof body === "string";
  const payload = isText ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    "Content-Type": isText ? "text/html; charset=utf-8" : "application/json",
    "Content-Length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

const ok = (res, data, message, extraMeta = {}) =>
  send(res, 200, { success: true, data, message, meta: meta(extraMeta) }, RATE_OK);

const fail = (res, status, message, error, headers = {}) =>
  send(res, status, { success: false, message, error, meta: meta() }, { ...RATE_OK, ...headers });

const WORKSPACES = [
  {
    id: 1,
    owner_id: 10,
    user_id: 10,
    workspace_name: "Acme",
    role: "Owner",
    status: "active",
    created_at: "2025-02-19T19:24:55.000000Z",
    activated_at: "2025-02-19 19:24:55",
  },
];

const TOTAL_MEMBERS = 250;
const member = (id) => ({
  id,
  email: `member${id}@example.test`,
  firstname: `First${id}`,
  lastname: `Last${id}`,
  current_role: "Regular User",
  status: "active",
});

/** The `ok` behaviour: the workspace list, or an echo of the request for any other path. */
function okScenario(req, res, rest, query, body) {
  if (req.method === "GET" && rest === "/workspaces") {
    const pagination = { total: 1, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 1 };
    return ok(res, WORKSPACES, "Workspaces retrieved successfully", { pagination });
  }
  return ok(
    res,
    { method: req.method, path: rest, query, body, authorization: req.headers.authorization ?? null },
    "echo",
  );
}

/** The `pages` scenario: 250 fake members, paged like the real API. */
function pagesScenario(req, res, rest, query, body) {
  if (!(req.method === "GET" && rest === "/members")) return okScenario(req, res, rest, query, body);
  const perPage = query.per_page === undefined ? 20 : Number(query.per_page);
  const page = query.page === undefined ? 1 : Number(query.page);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
    return fail(res, 422, "The per page field must be between 1 and 100.", "validation_failed");
  }
  if (!Number.isInteger(page) || page < 1) {
    return fail(res, 422, "The page field must be at least 1.", "validation_failed");
  }
  const lastPage = Math.max(1, Math.ceil(TOTAL_MEMBERS / perPage));
  const first = (page - 1) * perPage + 1;
  const last = Math.min(page * perPage, TOTAL_MEMBERS);
  const data = [];
  for (let id = first; id <= last; id++) data.push(member(id));
  const pagination = {
    total: TOTAL_MEMBERS,
    per_page: perPage,
    current_page: page,
    last_page: lastPage,
    from: data.length ? first : null,
    to: data.length ? last : null,
  };
  return ok(res, data, "Members retrieved successfully", { pagination });
}

const SCENARIOS = {
  ok: okScenario,
  error422: (req, res) =>
    fail(res, 422, "The email field must be a valid email address.", "validation_failed"),
  error401: (req, res) => fail(res, 401, "Unauthenticated.", "unauthenticated"),
  error403: (req, res) => fail(res, 403, "This action is unauthorized.", "forbidden"),
  error404: (req, res) => fail(res, 404, "Member not found", "not_found"),
  error500: (req, res) => fail(res, 500, "Server Error", "server_error"),
  // First request of a key is refused with Retry-After: 1, later ones succeed.
  ratelimit: (req, res, rest, query, body, count) =>
    count === 1
      ? fail(res, 429, "Too Many Attempts.", "too_many_requests", {
          "Retry-After": "1",
          "X-RateLimit-Remaining": "0",
        })
      : okScenario(req, res, rest, query, body),
  // Longer than the short client timeout the tests use.
  slow: (req, res, rest, query, body) =>
    setTimeout(() => okScenario(req, res, rest, query, body), 3000),
  flaky503: (req, res) => fail(res, 503, "Service Unavailable", "service_unavailable"),
  garbage: (req, res, rest) =>
    rest === "/workspaces"
      ? send(res, 200, { success: true, data: [{ id: "not-a-number-at-all" }], meta: {} })
      : send(res, 200, "<html>oops</html>"),
  pages: pagesScenario,
};

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text) return resolve(null);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(null);
      }
    });
    req.on("error", () => resolve(null));
  });
}

const server = http.createServer(async (req, res) => {
  // Preflight: answered for any path and never counted.
  if (req.method === "OPTIONS") {
    res.writeHead(204, { ...CORS, "Access-Control-Max-Age": "600" });
    return res.end();
  }
  const url = new URL(req.url, "http://127.0.0.1");
  const parts = url.pathname.split("/");

  // /count/{key}
  if (parts[1] === "count" && parts.length === 3) {
    return send(res, 200, { count: counts.get(decodeURIComponent(parts[2])) ?? 0 });
  }

  // /s/{scenario}/{key}/api/v2/...rest
  if (parts[1] === "s" && parts.length >= 6 && parts[4] === "api" && parts[5] === "v2") {
    const scenario = SCENARIOS[parts[2]];
    const key = decodeURIComponent(parts[3]);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const rest = "/" + parts.slice(6).join("/");
    const query = Object.fromEntries(url.searchParams);
    const body = await readBody(req);
    if (!scenario) return fail(res, 404, `Unknown mock scenario '${parts[2]}'`, "unknown_scenario");
    return scenario(req, res, rest, query, body, count);
  }

  return fail(res, 404, "Not found: use /s/{scenario}/{key}/api/v2/... or /count/{key}", "not_found");
});

server.listen(port, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});

// Stop cleanly when xtask (or a terminal) asks.
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
