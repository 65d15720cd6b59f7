// The browser tests' kit: the shared dev server's API, chromium with its pages (the dashboard signed in, the store page
// with the widget), screenshots and unique names — one copy for every test/browser/*.node.test.ts. The dev server
// itself (wrangler dev, its state, D1) is devServer.ts.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { readCallResult, type CallResult } from "../callResult.ts";
import { ARTIFACTS, CHROMIUM, sharedServer, type SharedServer } from "./devServer.ts";

export { ARTIFACTS, ROOT, d1Query, hasChromium } from "./devServer.ts";

/** How long one step waits for the page or the server. */
export const WAIT = 15_000;
export const DEMO_PASSWORD = "demo-password";

/** Who signs in to the dashboard; the password is the demo team's unless given. */
export interface Credentials {
  email: string;
  password?: string;
}

/** The demo account's owner, Dana Demo. */
export const DEMO_OWNER: Credentials = { email: "demo@edgedesk.dev", password: DEMO_PASSWORD };

const DESKTOP = { width: 1440, height: 900 };
const SHOP_WINDOW = { width: 1280, height: 820 };

/** The run's one dev server, looked up when used: without chromium there is none and every file skips. */
export const server: SharedServer = {
  get base() {
    return sharedServer().base;
  },
  get state() {
    return sharedServer().state;
  },
};

// ---- names ------------------------------------------------------------------------------------

function suffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A name no other test (or earlier run against the same server) uses: `label-…`, for emails, names and ids. */
export function uniqueId(label = "t"): string {
  return `${label}-${suffix()}`;
}

/** A message text no other test uses: the words, a space and a unique tail, so it still reads as a sentence. */
export function stamp(text: string): string {
  return `${text} ${suffix()}`;
}

// ---- the API ----------------------------------------------------------------------------------

async function request<T>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<CallResult<T>> {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return readCallResult<T>(res);
}

function bearer(token: string): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** One call to the dev server's API, with a JSON body and a Bearer token when given. Never throws on a status: the test asserts it. */
export function api<T = unknown>(method: string, path: string, body?: unknown, token = ""): Promise<CallResult<T>> {
  return request<T>(method, path, body, bearer(token));
}

/** A call that must succeed (setup, reads): the body, or an error naming the call and the server's answer. */
export async function apiOk<T = unknown>(method: string, path: string, body?: unknown, token = ""): Promise<T> {
  const res = await api<T>(method, path, body, token);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** api() and apiOk() as one caller throughout (a file's owner or agent): every call carries their token. */
export interface ApiCaller {
  readonly token: string;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<CallResult<T>>;
  apiOk<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export function apiAs(token: string): ApiCaller {
  return {
    token,
    api: (method, path, body) => api(method, path, body, token),
    apiOk: (method, path, body) => apiOk(method, path, body, token),
  };
}

/** Signs an agent in over the API (a session of its own, the dashboard untouched). */
export function login(who: Credentials): Promise<{ token: string; agent: { id: string } }> {
  return apiOk("POST", "/api/login", { email: who.email, password: who.password ?? DEMO_PASSWORD });
}

/** Signing in to the dashboard sets an agent online; the browser files expect the demo team offline, so each puts back whom it signed in. */
export async function goOffline(email: string): Promise<void> {
  const { token } = await login({ email });
  await apiOk("PUT", "/api/agents/me/status", { status: "offline" }, token);
}

/** A fresh account of the file's own (its owner signed in over the API), so nothing it changes is shared with other files. */
export interface OwnAccount extends Credentials {
  id: string;
  token: string;
  password: string;
}

export async function newAccount(input: { accountName: string; name: string; email: string; password: string }): Promise<OwnAccount> {
  const owner = await apiOk<{ token: string; accountId: string }>("POST", "/api/signup", input);
  return { id: owner.accountId, token: owner.token, email: input.email, password: input.password };
}

/** An inbound email, SMS, WhatsApp or Instagram message through the development door (POST /api/dev/inbound). */
export function inbound(input: { accountId: string; channel: string; from: string; text: string; threadId?: string; providerMessageId?: string }): Promise<CallResult<{ ticketId: string }>> {
  return api("POST", "/api/dev/inbound", { providerMessageId: uniqueId("pm"), ...input });
}

/** A web chat as the widget starts it, over HTTP. */
export interface Conversation {
  conversationId: string;
  visitorToken: string;
  ticketId: string;
}

export function startChat(accountId: string, visitor?: { email?: string; name?: string }): Promise<Conversation> {
  return apiOk("POST", "/api/chat/conversations", { accountId, ...(visitor ? { visitor } : {}) });
}

/** A call on a conversation as its shopper (`X-Visitor-Token`): `suffix` follows `/api/chat/conversations/:id`. */
export function visitorApi<T = unknown>(conv: Conversation, method: string, suffix: string, body?: unknown): Promise<CallResult<T>> {
  return request<T>(method, `/api/chat/conversations/${conv.conversationId}${suffix}`, body, { "X-Visitor-Token": conv.visitorToken });
}

/** The shopper of `conv` writes `text` (over HTTP, as the widget does while its socket is down). */
export function chatSay(conv: Conversation, text: string): Promise<CallResult<unknown>> {
  return visitorApi(conv, "POST", "/messages", { text });
}

/** Asks `probe` every 200 ms until it gives a value (not undefined); fails naming `what` after `ms`. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`never happened: ${what}`);
}

// ---- pages ------------------------------------------------------------------------------------

/** A screenshot into test-artifacts/ (gitignored): a page (the whole scrolled page with `fullPage`) or one element. */
export async function shot(target: Page | Locator, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  const path = join(ARTIFACTS, name);
  if ("goto" in target) await target.screenshot({ path, fullPage: opts.fullPage ?? false });
  else await target.screenshot({ path });
}

/**
 * Tests read the widget through its shadow root, so they open it: the mode only hides the root from page
 * scripts, style isolation is the same. One test checks that the real page gets a closed root.
 */
export const OPEN_SHADOW_ROOTS = `(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
})();`;

/** Keeps a handle on every WebSocket the page opens so a test can drop one as a network failure would (dropSockets). */
export const TRACK_SOCKETS = `(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(url, protocols) { super(url, protocols); window.__sockets.push(this); }
  };
})();`;

/** Closes every socket of a page opened with `trackSockets`, as a dropped connection would. */
export async function dropSockets(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const ws of (window as unknown as { __sockets: WebSocket[] }).__sockets) ws.close();
  });
}

/** What a shop's server signs for a logged-in customer (docs/api.md), for the widget's `identify`. */
export interface ShopIdentity {
  externalId: string;
  email: string;
  name: string;
  identityHash: string;
}

export interface ContextOptions extends BrowserContextOptions {
  /** Widget shadow roots open to the test (OPEN_SHADOW_ROOTS). */
  openShadowRoots?: boolean;
  /** Every WebSocket kept for dropSockets() (TRACK_SOCKETS). */
  trackSockets?: boolean;
  /** The demo store page's widget talks to this account instead of the demo one. */
  widgetAccount?: string;
  /** A logged-in customer the page identifies before the widget loads. */
  identity?: ShopIdentity;
  /** Requests leaving loopback (the demo catalog's made-up hosts): aborted, or images answered with a drawing. */
  outside?: "abort" | "draw-images";
}

/** The demo catalog's images live on a made-up host: the browser gets a drawing instead, and nothing leaves loopback. */
const PRODUCT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300" fill="#8aa0b5"/><path d="M120 90h70v110h90l20 40H110z" fill="#3d556e"/></svg>`;

async function prepare(ctx: BrowserContext, opts: ContextOptions): Promise<void> {
  if (opts.widgetAccount) {
    // The demo store page ("/", hostile CSS and all) is loaded as it is and its widget tag re-pointed before the (async)
    // widget script runs. Rewriting the page through a route instead would make chromium treat it as non-local and
    // block its WebSocket to 127.0.0.1.
    await ctx.addInitScript((accountId: string) => {
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLScriptElement && n.dataset.account === "demo") n.dataset.account = accountId;
      }).observe(document, { childList: true, subtree: true });
    }, opts.widgetAccount);
  }
  if (opts.openShadowRoots) await ctx.addInitScript(OPEN_SHADOW_ROOTS);
  if (opts.trackSockets) await ctx.addInitScript(TRACK_SOCKETS);
  // What a shop's page does for a logged-in customer: identify before the widget loads (the call is queued).
  if (opts.identity) await ctx.addInitScript((who) => void ((window as unknown as { Edgedesk: unknown }).Edgedesk = { q: [["identify", who]] }), opts.identity);
  const outside = opts.outside;
  if (outside) {
    await ctx.route(
      (url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost",
      (route) => (outside === "draw-images" && /\.(jpe?g|png|svg|webp)$/.test(new URL(route.request().url()).pathname) ? route.fulfill({ contentType: "image/svg+xml", body: PRODUCT_SVG }) : route.abort()),
    );
  }
}

/** Signs in to the dashboard on `page`, opening `hash` (e.g. "#/unassigned"), and waits for its live socket. */
export async function signInOn(page: Page, hash: string, who: Credentials = DEMO_OWNER): Promise<void> {
  await page.goto(`${server.base}/app/${hash}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Attached, not visible: on a phone the rail shows icons only and hides the live indicator.
  await page.locator(".live-live").waitFor({ state: "attached", timeout: WAIT });
}

/** The shopper's side: the store page with the widget, read through its (opened) shadow root. */
export interface Shopper {
  ctx: BrowserContext;
  page: Page;
  /** The widget's element; its shadow root holds the chat. */
  widget: Locator;
  input: Locator;
  log: Locator;
  /** A message in the log that the server has (not a pending send). */
  bubble(text: string | RegExp): Locator;
  /** The AI agent's replies, newest last. */
  aiRows(): Locator;
  /** Types `text` and presses Enter; the send may still be pending. */
  send(text: string): Promise<void>;
  /** send(), then waits until the server has the message. */
  sendConfirmed(text: string): Promise<void>;
}

/** Where a shopper opens the store page: `at` a path on the dev server or a whole URL ("/" by default); the chat is opened with the launcher unless `open` is false. */
export interface StoreVisit {
  at?: string;
  open?: boolean;
}

/** A new tab of the shopper's browser `ctx` (their stored conversation included) on the store page. */
export async function shopperOn(ctx: BrowserContext, visit: StoreVisit = {}): Promise<Shopper> {
  const page = await ctx.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(new URL(visit.at ?? "/", server.base).href);
  const widget = page.locator("edgedesk-chat");
  const input = page.getByRole("textbox", { name: "Message" });
  if (visit.open !== false) {
    await page.getByRole("button", { name: /Open chat/ }).click();
    await input.waitFor();
  }
  const log = widget.locator(".log");
  const send = async (text: string) => {
    await input.fill(text);
    await input.press("Enter");
  };
  return {
    ctx,
    page,
    widget,
    input,
    log,
    bubble: (text) => log.locator(".row:not(.pending) .bubble", { hasText: text }),
    aiRows: () => log.locator(".row.ai[data-id]"),
    send,
    sendConfirmed: async (text) => {
      await send(text);
      await log.locator(".row.customer:not(.pending) .bubble", { hasText: text }).waitFor();
    },
  };
}

/** Chromium for one test file: launched before its tests; every context it made, and chromium, closed after them. */
export class BrowserKit {
  #browser: Browser | null = null;
  readonly #contexts: BrowserContext[] = [];

  get browser(): Browser {
    if (!this.#browser) throw new Error("chromium is not running: use the kit inside the describe that called browserKit()");
    return this.#browser;
  }

  async launch(): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    this.#browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }

  async close(): Promise<void> {
    for (const c of this.#contexts) await c.close().catch(() => undefined);
    await this.#browser?.close().catch(() => undefined);
  }

  /** A fresh browser profile (its own storage), desktop-sized unless a viewport is given. */
  async context(opts: ContextOptions = {}): Promise<BrowserContext> {
    const { openShadowRoots, trackSockets, widgetAccount, identity, outside, ...playwright } = opts;
    const ctx = await this.browser.newContext({ viewport: DESKTOP, ...playwright });
    this.#contexts.push(ctx);
    await prepare(ctx, { openShadowRoots, trackSockets, widgetAccount, identity, outside });
    return ctx;
  }

  /** A page in a fresh context, whose steps wait up to WAIT. */
  async page(opts: ContextOptions = {}): Promise<Page> {
    const page = await (await this.context(opts)).newPage();
    page.setDefaultTimeout(WAIT);
    return page;
  }

  /** The dashboard in a fresh browser, signed in as `who` at `hash`. */
  async signIn(hash: string, who: Credentials = DEMO_OWNER, opts: ContextOptions = {}): Promise<Page> {
    const page = await this.page(opts);
    await signInOn(page, hash, who);
    return page;
  }

  /** A new shopper: a fresh browser (shop-window sized) on the store page. */
  async openShopper(opts: ContextOptions & StoreVisit = {}): Promise<Shopper> {
    const { at, open, ...context } = opts;
    const ctx = await this.context({ viewport: SHOP_WINDOW, ...context, openShadowRoots: true });
    return shopperOn(ctx, { at, open });
  }
}

/** Call inside the file's describe: chromium runs for its tests, and the kit closes what they opened. */
export function browserKit(): BrowserKit {
  const kit = new BrowserKit();
  beforeAll(() => kit.launch(), 120_000);
  afterAll(() => kit.close(), 30_000);
  return kit;
}
