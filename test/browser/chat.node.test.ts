// Browser tests: a shopper in the widget and an agent in the dashboard talk live over wrangler dev, through drops and reloads.
// The dev server is shared with the other browser files, so this file works in an account of its own (AI agent off, every
// chat goes to the helpdesk) and points the demo store page's widget at that account.
import { createServer } from "node:http";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, OPEN_SHADOW_ROOTS, TRACK_SOCKETS, hasChromium, launchChromium, sharedServer, uniqueId, type SharedServer } from "./devServer.ts";

if (!hasChromium) console.warn("[browser tests] skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");

const WAIT = 15_000;
const PASSWORD = "demo-password";
let server: SharedServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** This file's own account: its owner is named like the demo owner, and it has a support agent "Sam Support". */
const account = { id: "", email: "", token: "" };

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.base}${path}`, { method: "POST", headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Pages of this context embed the widget for this file's account: the demo store page ("/", hostile CSS and all) is
 * loaded as it is, and its widget tag is re-pointed before the (async) widget script runs. Rewriting the page through
 * a route instead would make chromium treat it as non-local and block its WebSocket to 127.0.0.1.
 */
async function useOwnAccount(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript((accountId: string) => {
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLScriptElement && n.dataset.account === "demo") n.dataset.account = accountId;
    }).observe(document, { childList: true, subtree: true });
  }, account.id);
}

function stamp(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

interface Shopper {
  ctx: BrowserContext;
  page: Page;
  input: Locator;
  log: Locator;
  bubble(text: string): Locator;
  send(text: string): Promise<void>;
}

async function openShopper(): Promise<Shopper> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  contexts.push(ctx);
  await useOwnAccount(ctx);
  await ctx.addInitScript(OPEN_SHADOW_ROOTS);
  await ctx.addInitScript(TRACK_SOCKETS);
  const page = await ctx.newPage();
  await page.goto(`${server.base}/`);
  await page.getByRole("button", { name: /Open chat/ }).click();
  const input = page.getByRole("textbox", { name: "Message" });
  await input.waitFor({ timeout: WAIT });
  const log = page.locator("edgedesk-chat .log");
  return {
    ctx,
    page,
    input,
    log,
    bubble: (text) => log.locator(".row:not(.pending) .bubble", { hasText: text }),
    send: async (text) => {
      await input.fill(text);
      await input.press("Enter");
    },
  };
}

interface AgentUi {
  ctx: BrowserContext;
  page: Page;
  row(text: string): Locator;
  message(text: string): Locator;
  reply(text: string): Promise<void>;
}

async function openAgent(hash = "#/unassigned"): Promise<AgentUi> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(ctx);
  await ctx.addInitScript(TRACK_SOCKETS);
  const page = await ctx.newPage();
  await page.goto(`${server.base}/app/${hash}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator(".live-live").waitFor({ timeout: WAIT });
  const composer = page.getByLabel("Reply to the customer");
  return {
    ctx,
    page,
    row: (text) => page.locator(".rows .row", { hasText: text }),
    message: (text) => page.locator(".thread .msg", { hasText: text }),
    reply: async (text) => {
      await composer.fill(text);
      await page.getByRole("button", { name: "Send reply" }).click();
      // The composer empties when the server has answered. The reply shows in the thread (over the socket) before
      // that, and text typed in between is emptied with it: a busy server made the next reply vanish unsent.
      await expect.poll(() => composer.inputValue(), { timeout: WAIT }).toBe("");
    },
  };
}

/** Ids of the messages the widget shows, in order; pending sends have none yet. */
async function widgetMessageIds(s: Shopper): Promise<string[]> {
  return s.log.locator(".row[data-id]").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ""));
}

async function dropSockets(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const ws of (window as unknown as { __sockets: WebSocket[] }).__sockets) ws.close();
  });
}

describe.skipIf(!hasChromium)("web chat and dashboard in a real browser", () => {
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
    account.email = `${uniqueId("dana")}@chat.example`;
    const owner = await post<{ token: string; accountId: string }>("/api/signup", { accountName: "Northwind chat tests", name: "Dana Demo", email: account.email, password: PASSWORD });
    [account.id, account.token] = [owner.accountId, owner.token];
    await post("/api/agents", { name: "Sam Support", email: `${uniqueId("sam")}@chat.example`, password: PASSWORD, role: "support" }, account.token);
    // With the AI customer agent off, every chat goes straight to the helpdesk (docs/api.md).
    await fetch(`${server.base}/api/settings/agent`, { method: "PUT", headers: { "Content-Type": "application/json", Authorization: `Bearer ${account.token}` }, body: JSON.stringify({ enabled: false }) });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }, 30_000);

  it("shows the shopper's message to the agent live, and the agent's reply to the shopper live", async () => {
    const agent = await openAgent("#/unassigned");
    const shopper = await openShopper();
    const question = stamp("Hi! Where is my order #1042?");
    await shopper.send(question);
    await shopper.bubble(question).waitFor({ timeout: WAIT });

    // The ticket appears in the agent's Unassigned view without a reload.
    const row = agent.row(question);
    await row.waitFor({ timeout: WAIT });
    expect(await row.evaluate((el) => el.classList.contains("unread"))).toBe(true);
    await row.locator(".row-link").click();
    await agent.message(question).waitFor({ timeout: WAIT });
    await agent.page.waitForFunction(() => !document.querySelector(".rows .row.active")?.classList.contains("unread"), undefined, { timeout: WAIT });

    // Typing shows both ways.
    // Typed slowly enough to outlast the 2 s typing throttle left from the first message.
    await shopper.input.pressSequentially("I also wanted to ask", { delay: 130 });
    await agent.page.locator(".typing-line", { hasText: "is typing" }).waitFor({ timeout: WAIT });
    await shopper.input.fill("");
    await agent.page.getByLabel("Reply to the customer").fill("Let me check that for you");
    await shopper.page.locator("edgedesk-chat .typing:not([hidden])", { hasText: "is typing" }).waitFor({ timeout: WAIT });

    const answer = stamp("It ships tomorrow by UPS.");
    await agent.reply(answer);
    await agent.message(answer).waitFor({ timeout: WAIT });
    await shopper.bubble(answer).waitFor({ timeout: WAIT });
    await shopper.log.locator(".notice", { hasText: "joined the conversation" }).waitFor({ timeout: WAIT });
    await shot(shopper.page, "widget-conversation.png");
    await shot(agent.page, "dashboard-ticket.png");
  });

  it("loses nothing and duplicates nothing when the shopper's socket drops and comes back", async () => {
    const agent = await openAgent("#/unassigned");
    const shopper = await openShopper();
    const first = stamp("Do you ship to Canada?");
    await shopper.send(first);
    await agent.row(first).locator(".row-link").click({ timeout: WAIT });
    await agent.message(first).waitFor({ timeout: WAIT });
    const hello = stamp("Hello! Yes we do.");
    await agent.reply(hello);
    await shopper.bubble(hello).waitFor({ timeout: WAIT });

    // The shopper's network goes away: the socket drops and reconnects fail until it is back.
    await shopper.ctx.setOffline(true);
    await dropSockets(shopper.page);
    await shopper.page.locator("edgedesk-chat .banner:not([hidden])").waitFor({ timeout: WAIT });
    const missedA = stamp("Shipping to Canada takes 5 days.");
    const missedB = stamp("Duties are included.");
    await agent.reply(missedA);
    await agent.message(missedA).waitFor({ timeout: WAIT });
    await agent.reply(missedB);
    await agent.message(missedB).waitFor({ timeout: WAIT });
    const offline = stamp("Great, and to Mexico?");
    await shopper.send(offline);
    await shopper.log.locator(".row.pending", { hasText: offline }).waitFor({ timeout: WAIT });

    await shopper.ctx.setOffline(false);
    for (const text of [missedA, missedB, offline]) await shopper.bubble(text).waitFor({ timeout: WAIT });
    await shopper.page.locator("edgedesk-chat .banner[hidden]").waitFor({ state: "attached", timeout: WAIT });
    expect(await shopper.log.locator(".row.pending").count()).toBe(0);

    // A second drop right away (socket closed, network fine) resumes from the last seen message.
    await dropSockets(shopper.page);
    const afterResume = stamp("Mexico too, 7 days.");
    await agent.reply(afterResume);
    await shopper.bubble(afterResume).waitFor({ timeout: WAIT });

    const ids = await widgetMessageIds(shopper);
    expect(new Set(ids).size).toBe(ids.length);
    for (const text of [first, hello, missedA, missedB, offline, afterResume]) expect(await shopper.bubble(text).count(), text).toBe(1);
    const order = await shopper.log.locator(".row[data-id] .bubble").allInnerTexts();
    const at = (t: string) => order.findIndex((x) => x.includes(t));
    expect(at(hello)).toBeLessThan(at(missedA));
    expect(at(missedA)).toBeLessThan(at(missedB));
    expect(at(missedB)).toBeLessThan(at(afterResume));
    // The team got the offline message exactly once.
    await agent.message(offline).waitFor({ timeout: WAIT });
    expect(await agent.message(offline).count()).toBe(1);

    // A reload resumes the same conversation from local storage.
    await shopper.page.reload();
    await shopper.page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: WAIT });
    for (const text of [first, missedB, afterResume]) await shopper.bubble(text).waitFor({ timeout: WAIT });
    const afterReload = stamp("Anything else I can help with?");
    await agent.reply(afterReload);
    await shopper.bubble(afterReload).waitFor({ timeout: WAIT });
    const idsAfterReload = await widgetMessageIds(shopper);
    expect(new Set(idsAfterReload).size).toBe(idsAfterReload.length);
    await shot(shopper.page, "widget-after-reconnect.png");
  });

  it("catches up the dashboard after its socket drops", async () => {
    const agent = await openAgent("#/unassigned");
    const shopper = await openShopper();
    const first = stamp("Can I change my size?");
    await shopper.send(first);
    await agent.row(first).locator(".row-link").click({ timeout: WAIT });
    await agent.message(first).waitFor({ timeout: WAIT });

    await agent.ctx.setOffline(true);
    await dropSockets(agent.page);
    await agent.page.locator(".live-reconnecting").waitFor({ timeout: WAIT });
    const missed = stamp("Size M instead of L please");
    await shopper.send(missed);
    await shopper.bubble(missed).waitFor({ timeout: WAIT });
    await agent.ctx.setOffline(false);
    await agent.page.locator(".live-live").waitFor({ timeout: WAIT });
    await agent.message(missed).waitFor({ timeout: WAIT });
    expect(await agent.message(missed).count()).toBe(1);
    expect(await agent.message(first).count()).toBe(1);
  });

  it("offers a new conversation once the agent closes the ticket", async () => {
    const agent = await openAgent("#/unassigned");
    const shopper = await openShopper();
    const text = stamp("Thanks, that's all!");
    await shopper.send(text);
    await agent.row(text).locator(".row-link").click({ timeout: WAIT });
    await agent.message(text).waitFor({ timeout: WAIT });
    await agent.page.getByRole("button", { name: "Close", exact: true }).click();
    const restart = shopper.page.getByRole("button", { name: "Start a new conversation" });
    await restart.waitFor({ timeout: WAIT });
    await shot(shopper.page, "widget-closed.png");
    await restart.click();
    await shopper.input.waitFor({ timeout: WAIT });
    expect(await shopper.log.locator(".row[data-id]").count()).toBe(0);
  });

  it("pages long lists and threads, bulk-assigns, snoozes, tags and keeps notes internal", async () => {
    const mark = stamp("bulkcheck").replace(" ", "-");
    const prefix = `+1555${String(Date.now()).slice(-5)}`;
    for (let i = 0; i < 52; i++) {
      const res = await fetch(`${server.base}/api/dev/inbound`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ accountId: account.id, channel: "sms", from: `${prefix}${String(i).padStart(2, "0")}`, text: `Order question ${mark} n${i}`, providerMessageId: `${mark}-${i}` }) });
      expect(res.status).toBe(200);
    }
    const conv = (await (await fetch(`${server.base}/api/chat/conversations`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ accountId: account.id }) })).json()) as { conversationId: string; visitorToken: string };
    for (let i = 1; i <= 55; i++) {
      const res = await fetch(`${server.base}/api/chat/conversations/${conv.conversationId}/messages`, { method: "POST", headers: { "Content-Type": "application/json", "X-Visitor-Token": conv.visitorToken }, body: JSON.stringify({ text: `Long thread line ${i}` }) });
      expect(res.status).toBe(201);
    }

    const agent = await openAgent("#/all");
    const search = agent.page.getByLabel("Search tickets");
    await search.fill(mark);
    await search.press("Enter");
    await agent.page.locator(".rows .row").nth(49).waitFor({ timeout: WAIT });
    expect(await agent.page.locator(".rows .row").count()).toBe(50);
    await agent.page.getByRole("button", { name: "Load more" }).click();
    await agent.page.locator(".rows .row").nth(51).waitFor({ timeout: WAIT });
    expect(await agent.page.getByRole("button", { name: "Load more" }).count()).toBe(0);

    await agent.page.getByLabel("Select all loaded tickets").check();
    await agent.page.locator(".bulk-count", { hasText: "52 selected" }).waitFor();
    await agent.page.getByLabel("Assign selected to").selectOption({ label: "Sam Support" });
    await agent.page.locator(".toast", { hasText: "Assigned 52 tickets" }).waitFor({ timeout: WAIT });
    await agent.page.waitForFunction(() => document.querySelectorAll('.rows .row [title="Assigned to Sam Support"]').length === 52, undefined, { timeout: WAIT });
    expect(await agent.page.locator(".rows .row.checked").count()).toBe(0);

    await agent.page.goto(`${server.base}/app/#/all/${conv.conversationId}`);
    await agent.message("Long thread line 55").waitFor({ timeout: WAIT });
    expect(await agent.page.locator(".thread .msg").count()).toBe(50);
    await agent.page.getByRole("button", { name: "Load older messages" }).click();
    await agent.page.locator(".thread .msg-body", { hasText: /^Long thread line 1$/ }).waitFor({ timeout: WAIT });
    expect(await agent.page.locator(".thread .msg").count()).toBe(55);
    expect(await agent.page.getByRole("button", { name: "Load older messages" }).count()).toBe(0);
    // Loading older messages keeps the reader's place instead of jumping to the very top.
    expect(await agent.page.locator(".thread").evaluate((el) => el.scrollTop)).toBeGreaterThan(100);

    await agent.page.getByRole("tab", { name: "Internal note" }).click();
    const note = stamp("Customer is a repeat buyer");
    await agent.page.getByLabel("Internal note for the team").fill(note);
    await agent.page.getByRole("button", { name: "Add note" }).click();
    await agent.page.locator(".thread .msg.note", { hasText: note }).waitFor({ timeout: WAIT });
    // What the agent just wrote is scrolled into view, even after reading older messages.
    await agent.page.waitForFunction(() => {
      const thread = document.querySelector(".thread")?.getBoundingClientRect();
      const last = [...document.querySelectorAll(".thread .msg")].at(-1)?.getBoundingClientRect();
      return !!thread && !!last && last.bottom <= thread.bottom + 1 && last.top >= thread.top;
    }, undefined, { timeout: WAIT });
    const visitorView = (await (await fetch(`${server.base}/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } })).json()) as { items: { body: string }[] };
    expect(visitorView.items.some((m) => m.body === note)).toBe(false);

    await agent.page.getByLabel("Add a tag").fill("VIP");
    await agent.page.getByLabel("Add a tag").press("Enter");
    await agent.page.locator(".overview .tag", { hasText: "vip" }).waitFor({ timeout: WAIT });
    // The option reads "Dana Demo (me)", with " · online" while Dana is online (signing in sets it).
    const mine = await agent.page.getByLabel("Assignee", { exact: true }).locator("option", { hasText: "Dana Demo (me)" }).getAttribute("value");
    await agent.page.getByLabel("Assignee", { exact: true }).selectOption(mine ?? "");
    await agent.page.locator(".overview dd", { hasText: "Dana Demo" }).waitFor({ timeout: WAIT });
    await agent.page.getByRole("button", { name: "Snooze" }).click();
    await agent.page.getByRole("button", { name: "In 1 hour" }).click();
    await agent.page.locator(".ticket-head .pill.st-snoozed").waitFor({ timeout: WAIT });
    await agent.page.locator(".overview", { hasText: "until" }).waitFor({ timeout: WAIT });
    await shot(agent.page, "dashboard-snoozed-note.png");
  });

  it("keeps host-page CSS out of the widget (and the widget out of the page)", async () => {
    const props = ["font-family", "font-size", "line-height", "letter-spacing", "text-transform", "color", "background-color", "border-top-width", "border-top-style", "border-top-left-radius", "padding-top", "display", "width", "height", "list-style-type", "opacity", "transform", "filter"];
    const probe = async (page: Page) => {
      await page.getByRole("button", { name: /Open chat/ }).click();
      await page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: WAIT });
      // Compare at rest: no hover effect on the launcher (animations are off with reduced motion).
      await page.mouse.move(5, 5);
      return page.evaluate((names) => {
        const host = document.querySelector("edgedesk-chat") as HTMLElement;
        const root = host.shadowRoot as ShadowRoot;
        const pick = (el: Element | null) => {
          if (!el) return null;
          const cs = getComputedStyle(el);
          return Object.fromEntries(names.map((n) => [n, cs.getPropertyValue(n)]));
        };
        const rect = (el: Element | null) => {
          const r = el?.getBoundingClientRect();
          return r ? { w: Math.round(r.width), h: Math.round(r.height), right: Math.round(innerWidth - r.right), bottom: Math.round(innerHeight - r.bottom) } : null;
        };
        return {
          host: pick(host),
          launcher: pick(root.querySelector(".launcher")),
          launcherRect: rect(root.querySelector(".launcher")),
          launcherIcon: pick(root.querySelector(".launcher svg")),
          panel: pick(root.querySelector(".panel")),
          panelRect: rect(root.querySelector(".panel")),
          title: pick(root.querySelector(".title")),
          log: pick(root.querySelector(".log")),
          bubble: pick(root.querySelector(".bubble")),
          textarea: pick(root.querySelector("textarea")),
          send: pick(root.querySelector(".send")),
          banner: pick(root.querySelector(".banner")),
        };
      }, props);
    };

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 820 }, reducedMotion: "reduce" });
    contexts.push(ctx);
    await useOwnAccount(ctx);
    await ctx.addInitScript(OPEN_SHADOW_ROOTS);
    // A plain shop on its own origin (another loopback port) embeds the same widget: the baseline.
    const shop = createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html><head><title>Plain shop</title></head><body><h1>Plain shop</h1><script src="${server.base}/widget.js" data-account="${account.id}" data-title="Northwind Outfitters" async></script></body></html>`);
    });
    await new Promise<void>((r) => shop.listen(0, "127.0.0.1", r));
    const address = shop.address();
    const plain = await ctx.newPage();
    try {
      await plain.goto(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`);
    } finally {
      shop.close();
    }
    const baseline = await probe(plain);
    await plain.locator("edgedesk-chat .panel").screenshot({ path: join(ARTIFACTS, "widget-plain-page.png") });
    // Embedded on another origin, the widget still talks to its own API (CORS) and socket.
    const crossOrigin = stamp("Hello from another shop origin");
    await plain.getByRole("textbox", { name: "Message" }).fill(crossOrigin);
    await plain.getByRole("textbox", { name: "Message" }).press("Enter");
    await plain.locator("edgedesk-chat .log .row:not(.pending) .bubble", { hasText: crossOrigin }).waitFor({ timeout: WAIT });

    const hostile = await ctx.newPage();
    await hostile.goto(`${server.base}/`);
    const styled = await probe(hostile);
    await shot(hostile, "widget-hostile-page.png");
    expect(styled).toEqual(baseline);
    expect(baseline.host?.opacity).toBe("1");
    expect(baseline.panel?.display).toBe("flex");

    // The page's own buttons still get the page's styles: the widget's reset stays inside it.
    const pageButton = await hostile.evaluate(() => {
      const b = document.createElement("button");
      document.body.prepend(b);
      return getComputedStyle(b).backgroundColor;
    });
    expect(pageButton).toBe("rgb(255, 47, 163)");

    // Without the test hook the shadow root is closed to page scripts.
    const real = await browser.newContext();
    contexts.push(real);
    await useOwnAccount(real);
    const page = await real.newPage();
    await page.goto(`${server.base}/`);
    await page.locator("edgedesk-chat").waitFor({ state: "attached", timeout: WAIT });
    expect(await page.evaluate(() => document.querySelector("edgedesk-chat")?.shadowRoot ?? null)).toBeNull();
  });
});
