// Types of webwork-tracker. The models, parameter objects and namespaces are generated from the
// Rust core (see api.d.ts); this file declares the client, its options and its error.
//
// Uses the global fetch types (`RequestInit`, `Response`, `AbortSignal`): TypeScript's "DOM"
// lib, or @types/node 18 or later.

import type { ErrorKind, Meta, Namespaces, Pagination } from './api.js';

export * from './api.js';

/** The production API: `https://api.webwork-tracker.com/api/v2`. */
export declare const DEFAULT_BASE_URL: string;

/** What a token provider is asked: `renew` is true after the API refused its last token (401). */
export interface TokenRequest {
  renew: boolean;
}

/**
 * Gives the client a token: from your backend, an OAuth refresh, a sign-in. Asked at the first
 * call, then with `{ renew: true }` after a 401 (the call is then repeated once). What it throws
 * or rejects with fails the call with kind `unauthorized`.
 */
export type TokenProvider = (request: TokenRequest) => string | Promise<string>;

/** Exactly one of `token`, `tokenProvider` and `gateway` (a `TypeError` otherwise). */
export type Credentials =
  | {
      /** A personal access token (or OAuth access token), sent as `Authorization: Bearer ...`. */
      token: string;
      tokenProvider?: never;
      gateway?: never;
    }
  | {
      /** Asked for the token; asked again with `{ renew: true }` after a 401. */
      tokenProvider: TokenProvider;
      token?: never;
      gateway?: never;
    }
  | {
      /**
       * The base URL is a webwork-gateway that holds the token itself: no `Authorization`
       * header; requests carry `X-WebWork-Client: 1` and, in a browser, the gateway's session
       * cookie (`credentials: 'include'`). `baseUrl` defaults to the page's origin + `/api/v2`.
       */
      gateway: true;
      token?: never;
      tokenProvider?: never;
    };

export type ClientOptions = Credentials & ClientSettings;

export interface ClientSettings {
  /**
   * The API's base URL, including `/api/v2`; in a page also a path such as `/api/v2`.
   * Default: {@link DEFAULT_BASE_URL} (with `gateway: true`, the page's origin + `/api/v2`).
   */
  baseUrl?: string;
  /**
   * The rate budget the client paces itself to (the API allows 60 a minute per user). It also
   * follows the server's `X-RateLimit-Remaining` and pauses after a 429 for its `Retry-After`.
   * 0 turns pacing off. Default 60.
   */
  requestsPerMinute?: number;
  /** Per attempt, in milliseconds; 0 for none. Default 30000. */
  timeoutMs?: number;
  /**
   * Retries of GET, PUT and DELETE after a 429, 502, 503, 504 or a network failure, with jittered
   * backoff that honours `Retry-After` (POST is never sent twice). 0 turns retrying off. Default 3.
   */
  maxRetries?: number;
  /** A replacement for the global `fetch` (a proxy, a test double). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** Per call. */
export interface CallOptions {
  /** Aborting it ends the call (also while it waits for the rate budget) with kind `aborted`. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

/** What every method resolves to: the API's envelope, in camelCase. */
export interface ApiResponse<T> {
  data: T;
  /** The server's message, e.g. "Member invited successfully". */
  message: string | null;
  meta: Meta;
  /** The HTTP status. */
  status: number;
  /** Creating a time entry: the minutes actually saved (less than asked when entries overlap). */
  savedMinutes?: number;
}

/** One page of a list. */
export interface PageResponse<T> extends ApiResponse<T[]> {
  pagination: Pagination | null;
  /** Whether another page follows. */
  hasNext: boolean;
}

/** The answer to `client.request`: `data` exactly as the server sent it (snake_case). */
export interface RawResponse<T = unknown> extends ApiResponse<T> {
  pagination: Pagination | null;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

export interface RequestOptions extends CallOptions {
  /** Query parameters by their API names; lists travel comma-separated. */
  query?: Record<string, QueryValue>;
  /** The JSON body. */
  body?: unknown;
}

/** The rate budget as the client's pacer sees it. */
export interface RateBudget {
  /** Requests a minute; 0 when pacing is off. */
  limit: number;
  /** Requests that may go now without waiting (`Infinity` when pacing is off). */
  remaining: number;
  /** When the next request may go, if none may go now. */
  nextFreeInMs: number | null;
}

export interface WebWorkErrorInit {
  kind: ErrorKind;
  message: string;
  status?: number | null;
  retryAfter?: number | null;
  field?: string | null;
}

/**
 * Every failure of a call. `message` is a sentence for people; programs look at `kind`.
 *
 * - `invalid_request`: refused before sending (a parameter breaks a documented rule); `field` names it.
 * - `validation` (400/422): the server refused the input; `field` when its message names one.
 * - `unauthorized` (401), `forbidden` (403), `not_found` (404), `conflict` (409).
 * - `rate_limited` (429): `retryAfter` is the server's `Retry-After`, in seconds.
 * - `server` (5xx), `http` (another status), `network` (no answer; in a browser also CORS),
 *   `timeout`, `aborted` (the signal fired), `decode` (the answer is not what the API documents).
 */
export declare class WebWorkError extends Error {
  constructor(init: WebWorkErrorInit);
  readonly name: 'WebWorkError';
  readonly kind: ErrorKind;
  /** The HTTP status, when there was an answer. */
  readonly status: number | null;
  /** Seconds until the rate budget frees a slot, from a 429's `Retry-After`. */
  readonly retryAfter: number | null;
  /** The parameter the error is about (camelCase), when known. */
  readonly field: string | null;
}

export interface WebWorkClient extends Namespaces {}

/**
 * A client for the WebWork Tracker REST API v2: one namespace per resource
 * (`client.members.list(...)`, `client.timeTracking.start(...)`), `for await` over every page
 * (`client.members.all(...)`), an `AbortSignal` on every call, and `WebWorkError` on failure.
 * Parameters and results use camelCase; the API's snake_case names are used on the wire.
 */
export declare class WebWorkClient {
  constructor(options: ClientOptions);
  /** Any request under the base URL, for endpoints this package lacks. */
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions): Promise<RawResponse<T>>;
  /** The rate budget now. */
  budget(): RateBudget;
}

/** Fetches and compiles the wasm module; calls do it themselves, this only warms up early. */
export declare function ready(): Promise<void>;
