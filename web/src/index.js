// webwork-tracker: a typed client for the WebWork Tracker REST API v2.
//
// The client's policy (parameter checks, credentials: a bearer token, a token provider renewed
// after a 401 or a gateway's cookie; pacing to the rate budget, retries with Retry-After,
// timeouts, cancellation, the envelope and its errors) is the Rust core
// (crates/core), compiled to wasm (crates/js). This file is the JS face of it: it builds one
// namespace per resource from the generated table in api.js (written from the core's operation
// table), renames camelCase parameters to the API's names, reads every reply through the
// generated model shapes, and turns failures into WebWorkError.
//
// No top-level await: importing is synchronous everywhere (browsers, bundlers, Node); the wasm
// module is fetched and compiled on the first call (or by `ready()`).

import initWasm, { Cancel, Core, nextPage } from './wasm.js';
import { OPERATIONS, SHAPES } from './api.js';

/** The production API. */
export const DEFAULT_BASE_URL = 'https://api.webwork-tracker.com/api/v2';

/** Every failure of a call: `kind` says what happened (see ErrorKind in api.d.ts). */
export class WebWorkError extends Error {
  constructor({ kind, message, status = null, retryAfter = null, field = null }) {
    super(message);
    this.name = 'WebWorkError';
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.field = field;
  }
}

function invalid(field, reason) {
  return new WebWorkError({ kind: 'invalid_request', field, message: `\`${field}\` ${reason}; the request was not sent.` });
}

// ---- loading the wasm module ----

let loading;

/** Fetches and compiles the wasm module (once). Calls do this themselves; call it to warm up early. */
export function ready() {
  loading ??= load().catch((e) => {
    loading = undefined;
    throw new WebWorkError({ kind: 'network', message: `Could not load the WebWork client's wasm module: ${e?.message ?? e}` });
  });
  return loading;
}

async function load() {
  // Bundlers (Vite, webpack, Rollup, esbuild) see this pattern and ship the file as an asset.
  const url = new URL('./wasm_bg.wasm', import.meta.url);
  if (url.protocol === 'file:') {
    // Node, Deno and Bun cannot fetch file: URLs; read the bytes instead.
    const fs = await nodeFs();
    await initWasm({ module_or_path: await fs.readFile(url) });
  } else {
    await initWasm({ module_or_path: await fetchWasm(url) });
  }
}

/** A response that is not an HTML page (a dev server's fallback for a missing file). */
function isWasm(response) {
  return response.ok && !/text\/html/.test(response.headers.get('content-type') ?? '');
}

async function fetchWasm(url) {
  const response = await fetch(url);
  if (isWasm(response)) return response;
  // A dev server that pre-bundles dependencies (Vite's optimizeDeps writes this module to
  // node_modules/.vite/deps/) moves the code but not the .wasm, which is still in the package.
  const moved = /^(.*\/node_modules\/)\.vite\/deps[^/]*\//.exec(url.pathname);
  if (moved) {
    const original = await fetch(new URL(`${moved[1]}webwork-tracker/wasm_bg.wasm`, url));
    if (isWasm(original)) return original;
  }
  throw new Error(
    `${url} answered ${response.status} ${response.headers.get('content-type') ?? ''}, not the wasm module. ` +
      'If a bundler moved this package without its wasm_bg.wasm, exclude webwork-tracker from pre-bundling ' +
      "(Vite: optimizeDeps: { exclude: ['webwork-tracker'] }).",
  );
}

async function nodeFs() {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (fs) return fs.promises;
  // Node before 20.16 has no getBuiltinModule. A computed specifier keeps bundlers from
  // trying to resolve a Node module for the browser.
  const name = 'node:fs/promises';
  return import(/* @vite-ignore */ /* webpackIgnore: true */ name);
}

// ---- the client ----

const OPTION_NAMES = ['baseUrl', 'token', 'tokenProvider', 'gateway', 'requestsPerMinute', 'timeoutMs', 'maxRetries', 'fetch'];
const CREDENTIALS = ['token', 'tokenProvider', 'gateway'];

/** Who signs the requests: exactly one of a token, a provider or the gateway (a TypeError otherwise: a programming error). */
function checkCredentials(options) {
  const { token, tokenProvider, gateway } = options;
  const given = CREDENTIALS.filter((k) => options[k] !== undefined && !(k === 'gateway' && gateway === false));
  if (given.length !== 1) {
    const got = given.length === 0 ? 'none of them' : given.map((k) => `\`${k}\``).join(' and ');
    throw new TypeError(`WebWorkClient needs exactly one of \`token\` (a string), \`tokenProvider\` (a function) or \`gateway: true\`; got ${got}.`);
  }
  if (given[0] === 'token' && (typeof token !== 'string' || token.trim() === '')) throw new TypeError('WebWorkClient: `token` must be a non-empty string (a personal access token).');
  if (given[0] === 'tokenProvider' && typeof tokenProvider !== 'function') {
    throw new TypeError('WebWorkClient: `tokenProvider` must be a function ({ renew }) => token or a promise of one.');
  }
  if (given[0] === 'gateway' && gateway !== true) throw new TypeError('WebWorkClient: `gateway` must be true or left out.');
  return given[0] === 'token' ? { token: token.trim() } : given[0] === 'tokenProvider' ? { tokenProvider } : { gateway: true };
}

/** The base URL, absolute; a path (`/api/v2`) is read against the page's address, in a page. */
function checkBaseUrl(baseUrl, gateway) {
  const page = globalThis.location?.href;
  if (baseUrl === undefined) {
    if (!gateway) return DEFAULT_BASE_URL;
    if (!page) throw invalid('baseUrl', 'is required with `gateway: true` outside a web page (the gateway\'s address + /api/v2)');
    baseUrl = '/api/v2';
  }
  let url;
  try {
    url = new URL(baseUrl, page);
  } catch {
    throw invalid('baseUrl', 'must be an absolute URL such as https://api.webwork-tracker.com/api/v2 (or, in a page, a path such as /api/v2)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('baseUrl', 'must be an http:// or https:// URL');
  return url.href;
}

function checkOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw invalid('options', 'must be an object such as { token, baseUrl }');
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key)) throw invalid('options', `has \`${key}\`, which is not an option (expected: ${OPTION_NAMES.join(', ')})`);
  }
  const credentials = checkCredentials(options);
  const { requestsPerMinute = 60, timeoutMs = 30000, maxRetries = 3, fetch } = options;
  const baseUrl = checkBaseUrl(options.baseUrl, credentials.gateway);
  const whole = (name, v, max) => {
    if (!Number.isInteger(v) || v < 0 || v > max) throw invalid(name, `must be a whole number from 0 to ${max}`);
  };
  whole('requestsPerMinute', requestsPerMinute, 100000);
  whole('maxRetries', maxRetries, 10);
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0) || !Number.isFinite(timeoutMs)) throw invalid('timeoutMs', 'must be a number of milliseconds, 0 for none');
  if (fetch !== undefined && typeof fetch !== 'function') throw invalid('fetch', 'must be a function like the global fetch');
  return { ...credentials, baseUrl, requestsPerMinute, timeoutMs, maxRetries, fetch };
}

function checkCallOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw invalid('options', 'must be an object such as { signal, timeoutMs }');
  const { signal, timeoutMs } = options;
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')) {
    throw invalid('signal', 'must be an AbortSignal');
  }
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !(timeoutMs >= 0))) throw invalid('timeoutMs', 'must be a number of milliseconds');
  return options;
}

/** camelCase parameters -> the API's names; a key that is no parameter is refused. */
function toWire(op, params) {
  if (params === undefined || params === null) params = {};
  if (typeof params !== 'object' || Array.isArray(params)) throw invalid('params', 'must be an object');
  const wire = {};
  for (const [key, value] of Object.entries(params)) {
    if (!Object.hasOwn(op.names, key)) {
      const known = Object.keys(op.names).join(', ') || 'none';
      throw invalid('params', `has \`${key}\`, which is not a parameter of ${op.ns}.${op.method} (expected: ${known})`);
    }
    if (value !== undefined) wire[op.names[key]] = value;
  }
  return wire;
}

/** A page's fingerprint for the core's walker: two 32-bit FNV-1a-style lanes over the JSON text,
 *  53 bits, an integer a JS number holds exactly. */
function hash(text) {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (b >>> 11) * 0x100000000 + (a >>> 0);
}

// The `fetch` of one call: a success's `data` stays here (parsed once, by JSON.parse: the core
// reading and rewriting a page cost more than the request) and the core gets the envelope, `data`
// replaced by its item count if a list. Other answers reach the core as they came.
function keepingData(custom) {
  const answer = {
    data: null,
    fetch: async (url, init) => {
      answer.data = null;
      const response = await (custom ?? globalThis.fetch)(url, init);
      if (typeof Response !== 'function' || !(response instanceof Response)) return response;
      const { status } = response;
      if (status < 200 || status > 299 || status === 204 || status === 205) return response;
      const text = await response.text();
      let envelope = text;
      let root;
      try {
        root = JSON.parse(text);
      } catch {
        // the core says it is not JSON
      }
      if (root !== null && typeof root === 'object' && !Array.isArray(root) && Object.hasOwn(root, 'data')) {
        const { data } = root;
        root.data = Array.isArray(data) ? data.length : null;
        try {
          envelope = JSON.stringify(root);
          answer.data = data;
        } catch {
          // too deep to stringify: the core refuses the text
        }
      }
      return new Response(envelope, { status, statusText: response.statusText, headers: response.headers });
    },
  };
  return answer;
}

/** A rejection from the wasm half (JSON of the core's error) as a WebWorkError. */
function toError(e) {
  if (e instanceof WebWorkError) return e;
  if (typeof e === 'string') {
    try {
      const info = JSON.parse(e);
      if (info && typeof info.kind === 'string') return new WebWorkError(info);
    } catch {
      // not ours
    }
  }
  return e;
}

export class WebWorkClient {
  #options;
  #core;

  constructor(options) {
    this.#options = checkOptions(options);
    for (const [ns, entries] of Object.entries(OPERATIONS)) {
      const api = {};
      for (const [method, id, wire, shape, max, iterator] of entries) {
        const names = Object.fromEntries(wire.map((w) => [camel(w), w]));
        const op = { ns, method, id, names, shape, max };
        api[method] = (params, opts) => this.#call(op, params, opts);
        if (iterator) api[iterator] = (params, opts) => this.#iterate(op, params, opts);
      }
      Object.defineProperty(this, ns, { value: Object.freeze(api), enumerable: true });
    }
  }

  /** Any request under the base URL, for endpoints this package lacks. `data` comes back as sent. */
  async request(method, path, options) {
    const { query, body, ...call } = options ?? {};
    if (query !== undefined && (query === null || typeof query !== 'object' || Array.isArray(query))) throw invalid('query', 'must be an object');
    const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined);
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    return this.#send((core, cancel, timeout, fetch) => core.raw(String(method), String(path), JSON.stringify(pairs), bodyText, cancel, timeout, fetch), call);
  }

  /** The rate budget as the pacer sees it now. */
  budget() {
    if (!this.#core) {
      const limit = this.#options.requestsPerMinute;
      return { limit, remaining: limit === 0 ? Infinity : limit, nextFreeInMs: null };
    }
    const b = JSON.parse(this.#core.budget());
    // Pacing off: unlimited, unless a 429's Retry-After has paused the client.
    if (b.limit === 0) b.remaining = b.nextFreeInMs === null ? Infinity : 0;
    return b;
  }

  async #call(op, params, options) {
    return this.#read(op, await this.#fetch(op, params, options));
  }

  /** The reply with `data` as the server sent it. */
  #fetch(op, params, options) {
    const json = JSON.stringify(toWire(op, params));
    return this.#send((core, cancel, timeout, fetch) => core.call(op.id, json, cancel, timeout, fetch), options);
  }

  #read(op, reply) {
    reply.data = readData(readerOf(op.shape), reply.data);
    if (!op.max) {
      delete reply.pagination;
      delete reply.hasNext;
    }
    return reply;
  }

  /** Every item of a list. Which page follows is the core's page walker's call (it also ends a
   *  server's endless or repeated pages with an error); this keeps its state as numbers and asks. */
  async *#iterate(op, params, options) {
    const base = { ...params, perPage: params?.perPage ?? op.max };
    const first = Number(base.page ?? 1);
    let page = first;
    let previous = 0;
    let firstLastPage = 0;
    for (;;) {
      const reply = await this.#fetch(op, { ...base, page }, options);
      const items = Array.isArray(reply.data) ? reply.data.length : 0;
      const { currentPage = 0, lastPage = 0 } = reply.pagination ?? {};
      let fingerprint;
      try {
        fingerprint = hash(JSON.stringify(reply.data));
      } catch {
        // Nested deeper than JSON.stringify goes (in fields the shapes drop): the items as read.
        fingerprint = hash(JSON.stringify(readData(readerOf(op.shape), reply.data)));
      }
      let next;
      try {
        next = nextPage(first, page, Number(base.perPage), items, currentPage, lastPage, previous, fingerprint, firstLastPage);
      } catch (e) {
        throw toError(e);
      }
      yield* this.#read(op, reply).data;
      if (!next) return;
      if (page === first) firstLastPage = lastPage;
      previous = fingerprint;
      page = next;
    }
  }

  async #send(run, options) {
    const { signal, timeoutMs } = checkCallOptions(options);
    const aborted = () => new WebWorkError({ kind: 'aborted', message: 'The request was cancelled.' });
    if (signal?.aborted) throw aborted();
    await ready();
    if (signal?.aborted) throw aborted();
    if (!this.#core) {
      const o = this.#options;
      // A provider is the core's: it asks again with { renew: true } after a 401, once.
      this.#core = new Core(o.baseUrl, o.token, o.tokenProvider, Boolean(o.gateway), o.requestsPerMinute, o.timeoutMs, o.maxRetries);
    }
    const cancel = new Cancel();
    const onAbort = () => cancel.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    const answer = keepingData(this.#options.fetch);
    try {
      const reply = JSON.parse(await run(this.#core, cancel, timeoutMs, answer.fetch));
      reply.data = answer.data;
      return reply;
    } catch (e) {
      throw toError(e);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      cancel.free();
    }
  }
}

// ---- reading replies: the core's tolerant reading, driven by the generated SHAPES ----
//
// The rules of the core's models (crates/core/src/models/lenient.rs; the conformance test
// compares): numbers may be numeric strings, booleans 0/1 or yes/no, lists and maps null;
// missing fields take their defaults, unknown ones are dropped; enum values match regardless of
// case and unknown ones are kept; a person may be a bare name. Struct keys become camelCase, map
// keys stay. Each shape is compiled once; a failure's path is built on its way out.

// What was found, by type for lists and objects (an own `toString` key makes String() throw).
function found(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function decodeError(path, expected, value) {
  return new WebWorkError({ kind: 'decode', message: `The server's answer could not be read at \`${path}\`: expected ${expected}, found ${found(value)}` });
}

/** A value a reader refused; `at`: the path's steps, innermost first. */
class Failure {
  constructor(expected, value) {
    this.expected = expected;
    this.value = value;
    this.at = [];
  }
}

function within(e, step) {
  if (e instanceof Failure) e.at.push(step);
  return e;
}

function readData(reader, data) {
  try {
    return reader(data);
  } catch (e) {
    if (e instanceof Failure) throw decodeError(`data${e.at.reverse().join('')}`, e.expected, e.value);
    throw e;
  }
}

// `out[key] = value` that keeps a key named `__proto__` a key, not the prototype.
function put(out, key, value) {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function readNumber(v, whole) {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  let n = v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    n = Number(t);
  }
  if (typeof n !== 'number' || !Number.isFinite(n) || (whole && !Number.isInteger(n))) throw new Failure(whole ? 'a whole number' : 'a number', v);
  return n;
}

const TRUE = ['1', 'true', 'yes', 'y', 'on'];
const FALSE = ['', '0', 'false', 'no', 'n', 'off'];

function readFlag(v) {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (TRUE.includes(t)) return true;
    if (FALSE.includes(t)) return false;
  }
  throw new Failure('a boolean', v);
}

function readString(v) {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Failure('a string', v);
}

const anyJson = (v) => (v === undefined ? null : v);
const nothing = () => null;
const PRIMITIVES = { u: anyJson, z: nothing, i: (v) => readNumber(v, true) ?? 0, n: (v) => readNumber(v, false) ?? 0, b: readFlag, s: readString };

const named = new Map();
const compiled = new Map();

function reader(shape) {
  if (typeof shape === 'string') {
    if (Object.hasOwn(PRIMITIVES, shape)) return PRIMITIVES[shape];
    let r = named.get(shape);
    if (!r) {
      // a shape that refers to itself finds this while it is compiled
      let real;
      named.set(shape, (v) => real(v));
      real = reader(SHAPES[shape]);
      named.set(shape, real);
      r = real;
    }
    return r;
  }
  if (!Array.isArray(shape)) return struct(shape.f);
  const inner = shape[1];
  switch (shape[0]) {
    case '?': {
      const read = reader(inner);
      if (inner === 'i' || inner === 'n') return (v) => (v === undefined || v === null || v === '' ? null : read(v));
      return (v) => (v === undefined || v === null ? null : read(v));
    }
    case '[]': {
      const read = reader(inner);
      return (v) => {
        if (v === undefined || v === null) return [];
        if (!Array.isArray(v)) throw new Failure('a list', v);
        const out = [];
        let i = 0;
        try {
          for (; i < v.length; i++) out.push(read(v[i]));
        } catch (e) {
          throw within(e, `[${i}]`);
        }
        return out;
      };
    }
    case '{}': {
      const read = reader(inner);
      return (v) => {
        if (v === undefined || v === null) return {};
        if (typeof v !== 'object' || Array.isArray(v)) throw new Failure('an object', v);
        const out = {};
        let key;
        try {
          for (key of Object.keys(v)) put(out, key, read(v[key]));
        } catch (e) {
          throw within(e, `.${key}`);
        }
        return out;
      };
    }
    case '|': {
      const alternatives = shape.slice(1).map(reader);
      return (v) => {
        for (const read of alternatives) {
          try {
            return read(v);
          } catch {
            // try the next one
          }
        }
        throw new Failure('one of the documented forms', v);
      };
    }
    case 'e': {
      const values = shape.slice(1);
      const exact = new Set(values);
      // The first documented value that matches regardless of case.
      const folded = new Map();
      for (const value of values) if (!folded.has(value.toLowerCase())) folded.set(value.toLowerCase(), value);
      return (v) => {
        const text = readString(v);
        return exact.has(text) ? text : (folded.get(text.toLowerCase()) ?? text);
      };
    }
  }
}

// Inherited keys (`constructor`...): a field of that name must be the answer's own.
const INHERITED = Object.getOwnPropertyNames(Object.prototype);

// A snake_case wire name in camelCase, as crates/js's `naming::camel` (other names as they are).
const camel = (w) => (/^[a-z][a-z0-9_]*[a-z0-9]$/.test(w) ? w.replace(/_+(.)/g, (_, c) => c.toUpperCase()) : w);

function struct(fields) {
  const count = fields.length;
  const wire = fields.map((f) => f[0]);
  const js = wire.map(camel);
  const readers = fields.map((f) => reader(f[1]));
  const fallback = fields.map((f) => f[2]);
  const own = wire.map((w) => INHERITED.includes(w));
  // A person may arrive as a bare name.
  const person = wire.includes('name');
  const generic = (v) => {
    if (v === undefined || v === null) v = {};
    else if (typeof v === 'string' && person) v = { name: v };
    if (typeof v !== 'object' || Array.isArray(v)) throw new Failure('an object', v);
    const out = {};
    let i = 0;
    try {
      for (; i < count; i++) {
        const value = own[i] && !Object.hasOwn(v, wire[i]) ? undefined : v[wire[i]];
        out[js[i]] = readers[i](value === undefined ? fallback[i] : value);
      }
    } catch (e) {
      throw within(e, `.${wire[i]}`);
    }
    return out;
  };
  const fast = generated(wire, js, own, readers, fallback);
  if (!fast) return generic;
  // A failure is read again by the generic reader, for its path.
  return (v) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      try {
        return fast(v);
      } catch {
        // below
      }
    }
    return generic(v);
  };
}

// The struct reader as code (names from api.js, quoted), 10x faster than the loop, where the page
// allows `new Function` (a CSP without 'unsafe-eval' does not: the loop alone reads then).
let codegen = true;
function generated(wire, js, own, readers, fallback) {
  const q = JSON.stringify;
  const field = (w, i) => `${q(js[i])}:R[${i}]((x=${own[i] ? `Object.hasOwn(v,${q(w)})?v[${q(w)}]:void 0` : `v[${q(w)}]`})===void 0?F[${i}]:x)`;
  try {
    return codegen && new Function('R', 'F', `return v=>{let x;return{${wire.map(field).join()}}}`)(readers, fallback);
  } catch {
    codegen = false;
  }
}

function readerOf(shape) {
  let r = compiled.get(shape);
  if (!r) compiled.set(shape, (r = reader(shape)));
  return r;
}
