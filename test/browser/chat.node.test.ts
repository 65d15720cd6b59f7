// Browser tests: a shopper in the widget and an agent in the dashboard talk live over wrangler dev, through drops and reloads.
// The dev server is shared with the other browser files, so this file works in an account of its own (AI agent off, every
// chat goes to the helpdesk) and points the demo store page's widget at that account.
import { createServer } from "node:http";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiOk, browserKit, chatSay, dropSockets, DEMO_PASSWORD, hasChromium, inbound, newAccount, server, shopperOn, shot, stamp, startChat, uniqueId, visitorApi, WAIT, type OwnAccount, type Shopper } from "./kit.ts";

/** This file's own account: its owner is named like the demo owner, and it has a support agent "Sam Support". */
let account: OwnAccount;

interface AgentUi {
  ctx: BrowserContext;
  page: Page;
  row(text: string): Locator;
  message(text: string): Locator;
  reply(text: string): Promise<void>;
}

/** Ids of the messages the widget shows, in order; pending sends have none yet. */
async function widgetMessageIds(s: Shopper): Promise<string[]> {
  return s.log.locator(".row[data-id]").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ""));
}

/** The shopper's first message starts the conversation: its socket's URL (with the `page` it reports) and the conversation's id. */
async function firstMessage(s: Shopper, text: string): Promise<{ socketUrl: URL; conversationId: string }> {
  const socket = s.page.waitForEvent("websocket", (ws) => ws.url().includes("/api/chat/conversations/"));
  await s.send(text);
  await s.bubble(text).waitFor();
  const socketUrl = new URL((await socket).url());
  const conversationId = /^\/api\/chat\/conversations\/([^/]+)\/ws$/.exec(socketUrl.pathname)?.[1] ?? "";
  expect(conversationId).not.toBe("");
  return { socketUrl, conversationId };
}

describe.skipIf(!hasChromium)("web chat and dashboard in a real browser", () => {
  const kit = browserKit();
  /** A shopper on the demo store page, whose widget talks to this file's account. */
  const openShopper = () => kit.openShopper({ widgetAccount: account.id, trackSockets: true });

  async function openAgent(hash = "#/unassigned"): Promise<AgentUi> {
    const page = await kit.signIn(hash, account, { trackSockets: true });
    const composer = page.getByLabel("Reply to the customer");
    return {
      ctx: page.context(),
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

  beforeAll(async () => {
    account = await newAccount({ accountName: "Northwind chat tests", name: "Dana Demo", email: `${uniqueId("dana")}@chat.example`, password: DEMO_PASSWORD });
    await apiOk("POST", "/api/agents", { name: "Sam Support", email: `${uniqueId("sam")}@chat.example`, password: DEMO_PASSWORD, role: "support" }, account.token);
    // With the AI customer agent off, every chat goes straight to the helpdesk (docs/api.md).
    await apiOk("PUT", "/api/settings/agent", { enabled: false }, account.token);
  }, 120_000);

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

  // The follow-up email itself (3 minutes after a reply no widget received, through Postmark) needs the actor's clock,
  // which only the workerd suite can move: test/chat/followUp.test.ts checks that its link is the `page` the widget's
  // socket reported plus ?edgedesk_chat=<conversationId>. Here: the widget reports that page, and the link opens it.
  it("reopens the conversation from the follow-up email's link with the reply the shopper missed, never another visitor's", async () => {
    const agent = await openAgent("#/unassigned");
    const shopper = await openShopper();
    const question = stamp("Are the Switchback boots true to size?");
    const { socketUrl, conversationId } = await firstMessage(shopper, question);
    expect(socketUrl.searchParams.get("page")).toBe(shopper.page.url());

    // The shopper closes the tab; the agent's answer reaches no widget, so it is what the follow-up email carries.
    await agent.row(question).locator(".row-link").click({ timeout: WAIT });
    await agent.message(question).waitFor({ timeout: WAIT });
    await shopper.page.close();
    const missed = stamp("They run half a size small: take one size up.");
    await agent.reply(missed);
    await agent.message(missed).waitFor({ timeout: WAIT });

    // The email's link, in the shopper's browser: the widget opens by itself, on their conversation, with the reply.
    const link = new URL(socketUrl.searchParams.get("page") ?? "");
    link.searchParams.set("edgedesk_chat", conversationId);
    const back = await shopperOn(shopper.ctx, { at: link.href, open: false });
    await back.input.waitFor();
    expect(await back.widget.locator(".launcher").getAttribute("aria-expanded")).toBe("true");
    await back.bubble(missed).waitFor();
    expect(await back.bubble(question).count()).toBe(1);
    expect(await back.log.locator(".row.agent", { hasText: missed }).count()).toBe(1);
    await shot(back.page, "widget-follow-up-link.png");

    // The parameter only opens the widget: another visitor with the link sees their own conversation, never this one.
    const other = await openShopper();
    const theirs = stamp("Do you ship to Norway?");
    await other.send(theirs);
    await other.bubble(theirs).waitFor();
    const otherBack = await shopperOn(other.ctx, { at: link.href, open: false });
    await otherBack.bubble(theirs).waitFor();
    const stored = (p: Page) => p.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? "{}") as { conversationId?: string }).conversationId, `edgedesk:v1:${account.id}`);
    expect(await stored(otherBack.page)).not.toBe(conversationId);
    for (const text of [question, missed]) expect(await otherBack.log.getByText(text).count(), text).toBe(0);
    // A browser with no conversation at all: the widget opens empty, with nothing fetched of the linked one.
    const stranger = await kit.openShopper({ widgetAccount: account.id, at: link.href, open: false });
    await stranger.input.waitFor();
    await stranger.page.waitForLoadState("networkidle");
    expect(await stranger.log.locator(".row[data-id]").count()).toBe(0);
    expect(await stored(stranger.page)).toBeUndefined();
  });

  it("continues the conversation on another device from the follow-up email's link, once, and takes the token out of the address bar", async () => {
    const shopper = await openShopper();
    const question = stamp("Can I still change my delivery address?");
    const { socketUrl, conversationId } = await firstMessage(shopper, question);
    await shopper.page.close();
    const missed = stamp("Yes: reply with the new address and we'll update it.");
    await apiOk("POST", `/api/tickets/${conversationId}/replies`, { body: missed }, account.token);

    // The link the follow-up email carries (the email itself waits 3 minutes on the actor's clock: test/chat/resume.test.ts).
    const { link } = await apiOk<{ link: string }>("POST", "/api/dev/follow-up-link", { accountId: account.id, conversationId, page: socketUrl.searchParams.get("page") });
    expect(new URL(link).searchParams.get("edgedesk_resume")).toBeTruthy();
    const stored = (p: Page) => p.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? "{}") as { conversationId?: string }).conversationId, `edgedesk:v1:${account.id}`);

    // The shopper's phone: another browser, nothing stored. The widget opens on the thread with the missed reply.
    const phone = await kit.openShopper({ widgetAccount: account.id, at: link, open: false });
    await phone.bubble(missed).waitFor();
    expect(await phone.bubble(question).count()).toBe(1);
    expect(await stored(phone.page)).toBe(conversationId);
    const address = new URL(phone.page.url());
    expect(address.searchParams.has("edgedesk_resume")).toBe(false);
    expect(address.searchParams.has("edgedesk_chat")).toBe(false);
    const onPhone = stamp("Great, it's 12 Harbour Lane.");
    await phone.sendConfirmed(onPhone);
    await shot(phone.page, "widget-resumed-on-phone.png");

    // The same link on a third browser: used up. A short notice, no thread, and a new conversation can start.
    const third = await kit.openShopper({ widgetAccount: account.id, at: link, open: false });
    await third.widget.locator(".link-notice", { hasText: "already used" }).waitFor();
    await shot(third.page, "widget-resume-link-used.png");
    await third.page.waitForLoadState("networkidle");
    expect(await third.log.locator(".row[data-id]").count()).toBe(0);
    for (const text of [question, missed, onPhone]) expect(await third.log.getByText(text).count(), text).toBe(0);
    expect(await stored(third.page)).toBeUndefined();
    expect(new URL(third.page.url()).searchParams.has("edgedesk_resume")).toBe(false);
    const fresh = stamp("Different question: do you gift wrap?");
    await third.sendConfirmed(fresh);
    expect(await stored(third.page)).not.toBe(conversationId);
    expect(await third.widget.locator(".link-notice").isHidden()).toBe(true);
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
    const mark = uniqueId("bulkcheck");
    const prefix = `+1555${String(Date.now()).slice(-5)}`;
    for (let i = 0; i < 52; i++) {
      const res = await inbound({ accountId: account.id, channel: "sms", from: `${prefix}${String(i).padStart(2, "0")}`, text: `Order question ${mark} n${i}`, providerMessageId: `${mark}-${i}` });
      expect(res.status).toBe(200);
    }
    const conv = await startChat(account.id);
    for (let i = 1; i <= 55; i++) {
      const res = await chatSay(conv, `Long thread line ${i}`);
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
    const visitorView = await visitorApi<{ items: { body: string }[] }>(conv, "GET", "/messages");
    expect(visitorView.body.items.some((m) => m.body === note)).toBe(false);

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

    const ctx = await kit.context({ viewport: { width: 1280, height: 820 }, reducedMotion: "reduce", widgetAccount: account.id, openShadowRoots: true });
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
    await shot(plain.locator("edgedesk-chat .panel"), "widget-plain-page.png");
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
    const real = await kit.context({ widgetAccount: account.id });
    const page = await real.newPage();
    await page.goto(`${server.base}/`);
    await page.locator("edgedesk-chat").waitFor({ state: "attached", timeout: WAIT });
    expect(await page.evaluate(() => document.querySelector("edgedesk-chat")?.shadowRoot ?? null)).toBeNull();
  });
});
