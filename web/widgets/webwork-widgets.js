// webwork-widgets.js: WebWork widgets as custom elements for any page (an intranet, a CMS).
//
//   <script type="module" src=".../webwork-widgets.js"></script>
//   <script type="module">WebWorkWidgets.configure({ token: () => fetchTokenFromYourBackend() })</script>
//   <webwork-timer base-url="https://api.webwork-tracker.com/api/v2" workspace-id="1" member-id="5"></webwork-timer>
//
// This file is the hand-written half (README.md beside it is the editors' guide). It defines the
// elements: each attaches an open shadow root with the widget stylesheet and a container, and
// asks the wasm half (crates/widgets, a Leptos view per element) to mount there with the
// element's attributes, which it then forwards on every change. Disconnecting unmounts.
// All widgets of a page share one set of credentials, one API client per base URL and one rate
// pacer, all in the wasm module; the token (or gateway mode) is given once by
// WebWorkWidgets.configure, never in markup.
//
// Language: each element shows the best of what it is asked for (crates/widgets/src/lang.rs): its
// `lang` attribute, else the nearest ancestor's (`<html lang>` included), then the browser's
// languages. An element whose language was inferred gets that `lang` (screen readers pronounce
// it right); changing an element's `lang`, or `<html lang>`, shows it in the new language.
// Catalogs come from ./i18n/ next to this file, one fetch per language for the page.

import initWasm, { configure as configureWasm, mount, catalogs_at as catalogsAt } from './widgets_wasm.js';

/** Attributes every widget reads. */
const COMMON = ['base-url', 'workspace-id', 'heading', 'theme'];

/** Each element and the attributes it reacts to (beyond COMMON). */
const ELEMENTS = {
  'webwork-timer': ['member-id'],
  'webwork-team-status': ['member-ids', 'limit', 'refresh'],
  'webwork-hours-chart': ['range', 'group-by'],
  'webwork-leave-calendar': ['month'],
  'webwork-approvals': ['range'],
};

const stylesheet = new URL('./webwork-widgets.css', import.meta.url).href;
const catalogs = new URL('./i18n/', import.meta.url).href;

let loading;

/** Loads the wasm module once; every element waits for it. */
function ready() {
  loading ??= initWasm({ module_or_path: new URL('./widgets_wasm_bg.wasm', import.meta.url) })
    .then(() => catalogsAt(catalogs))
    .catch((e) => {
      loading = undefined;
      throw e;
    });
  return loading;
}

/**
 * Gives every widget on the page its credentials, once:
 *   configure({ token: 'personal-access-token' })
 *   configure({ token: () => fetch('/my/token').then((r) => r.text()) })   // or tokenProvider
 *   configure({ token, baseUrl: 'https://api.webwork-tracker.com/api/v2' }) // default base-url
 *   configure({ gateway: true })   // a webwork-gateway at this origin's /api/v2 holds the token
 * A provider is called as provider({ renew }): when the first request needs a token, and with
 * renew: true after the API answers 401 (the core then repeats the request once).
 * Calling configure again replaces the credentials; the widgets load again with them.
 */
function configure(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('WebWorkWidgets.configure expects an object: { token }, { tokenProvider } or { gateway: true }');
  }
  const { token, tokenProvider, gateway = false } = options;
  let { baseUrl } = options;
  const provider = typeof token === 'function' ? token : tokenProvider;
  if (provider !== undefined && typeof provider !== 'function') {
    throw new TypeError('tokenProvider must be a function returning a token or a promise of one');
  }
  if (token !== undefined && typeof token !== 'function' && typeof token !== 'string') {
    throw new TypeError('token must be a string or a function');
  }
  if (typeof gateway !== 'boolean') throw new TypeError('gateway must be true or false');
  const given = [token, tokenProvider, gateway || undefined].filter((v) => v !== undefined).length;
  if (given > 1) throw new TypeError('configure takes one of token, tokenProvider or gateway: true');
  if (baseUrl !== undefined && typeof baseUrl !== 'string') {
    throw new TypeError('baseUrl must be a string');
  }
  // Gateway mode: the gateway usually serves the page too, so its API is this origin's /api/v2.
  if (gateway && baseUrl === undefined) baseUrl = `${location.origin}/api/v2`;
  const fixed = typeof token === 'string' ? token : undefined;
  return ready().then(() => configureWasm(fixed, gateway ? undefined : provider, gateway, baseUrl));
}

export const WebWorkWidgets = Object.freeze({ configure, ready, elements: Object.keys(ELEMENTS) });
globalThis.WebWorkWidgets = WebWorkWidgets;

let warnedToken = false;

/** The nearest `lang` above `node` (across shadow roots), `<html lang>` included; null if none. */
function inheritedLang(node) {
  for (let at = node.parentNode ?? node.host; at; at = at.parentNode ?? at.host) {
    const lang = at.nodeType === Node.ELEMENT_NODE ? at.getAttribute('lang')?.trim() : '';
    if (lang) return lang;
  }
  return null;
}

/** The browser's languages, most preferred first. */
const browserLanguages = () => (navigator.languages?.length ? [...navigator.languages] : [navigator.language].filter(Boolean));

/** The catalogs there are (webwork_ui::languages::LANGUAGES), for the one message shown when the wasm cannot load. */
const LANGUAGES = ['en', 'es', 'de', 'pt-BR', 'en-XA'];

/** best_match's rule (crates/ui/src/languages.rs), here only for that message: exact, then by primary language. */
function bestMatch(asked) {
  const primary = (tag) => tag.split(/[-_]/)[0].toLowerCase();
  for (const want of asked) {
    const exact = LANGUAGES.find((tag) => tag.toLowerCase() === want.replace('_', '-').toLowerCase());
    if (exact) return exact;
    const near = LANGUAGES.find((tag) => tag !== 'en-XA' && primary(tag) === primary(want));
    if (near) return near;
  }
  return 'en';
}

/** "This widget could not load (…)" from the catalog of `tag` (the wasm that reads catalogs is what failed). */
async function loadFailedText(tag, error) {
  try {
    const answer = await fetch(`${catalogs}${tag}.ftl`);
    const line = answer.ok && (await answer.text()).match(/^widget-load-failed = (.*)$/m);
    if (line) return line[1].replace('{ $error }', error);
  } catch {
    // The English below.
  }
  return `This widget could not load (${error}).`;
}

/** Connected widgets, so a change of an ancestor's `lang` (`<html lang>` included) reaches them. */
const connected = new Set();
new MutationObserver((changes) => {
  // A widget's own lang is its attributeChangedCallback's business.
  const above = changes.map((c) => c.target).filter((t) => !connected.has(t));
  for (const widget of connected) if (above.some((t) => t.contains(widget))) widget.languageChanged();
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });

class WebWorkWidget extends HTMLElement {
  #container = null;
  #widget = null;
  /** Counts connections, so a mount that finishes after a disconnect is dropped. */
  #connection = 0;
  /** The `lang` this element got from us (the language it shows, inferred); null when the page set it. */
  #inferred = null;

  /** What this element asks for, most preferred first (see the top of the file). */
  #asked() {
    const own = this.getAttribute('lang')?.trim();
    const explicit = own && own !== this.#inferred ? [own] : [];
    const above = inheritedLang(this);
    return [...explicit, ...(above ? [above] : []), ...browserLanguages()];
  }

  /** Gives the element the `lang` of what it shows, unless the page set one. */
  #showLanguage(tag) {
    const own = this.getAttribute('lang')?.trim();
    if (own && own !== this.#inferred) return;
    this.#inferred = tag;
    if (own !== tag) this.setAttribute('lang', tag);
  }

  /** Its `lang` or an ancestor's changed: the widget follows. */
  languageChanged() {
    if (this.#widget) this.#showLanguage(this.#widget.set_languages(this.#asked()));
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = stylesheet;
      this.#container = document.createElement('div');
      this.#container.className = 'root';
      root.append(link, this.#container);
    }
    if (this.hasAttribute('token') && !warnedToken) {
      warnedToken = true;
      console.warn('webwork-widgets: the token attribute is ignored; call WebWorkWidgets.configure({ token }) instead (markup is readable by anyone).');
    }
    const mine = ++this.#connection;
    connected.add(this);
    ready()
      .then(() => {
        if (mine !== this.#connection || !this.isConnected || this.#widget) return;
        const attributes = [...this.attributes].filter((a) => a.name !== 'token').map((a) => [a.name, a.value]);
        this.#widget = mount(this.localName, this.#container, attributes, this.#asked());
        this.#showLanguage(this.#widget.language());
      })
      .catch(async (e) => {
        const tag = bestMatch(this.#asked());
        const text = await loadFailedText(tag, e?.message ?? String(e));
        this.#container.replaceChildren();
        const p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.setAttribute('lang', tag);
        p.className = 'load-error';
        p.textContent = text;
        this.#container.append(p);
      });
  }

  disconnectedCallback() {
    this.#connection++;
    connected.delete(this);
    this.#widget?.unmount();
    this.#widget = null;
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'lang') {
      // Ours (the inferred language being written) or the page's choice.
      if (value !== this.#inferred || value === null) {
        this.#inferred = null;
        this.languageChanged();
      }
      return;
    }
    if (name !== 'token') this.#widget?.set_attribute(name, value ?? undefined);
  }
}

for (const [name, own] of Object.entries(ELEMENTS)) {
  if (customElements.get(name)) continue;
  customElements.define(
    name,
    class extends WebWorkWidget {
      static observedAttributes = [...COMMON, ...own, 'lang'];
    },
  );
}
