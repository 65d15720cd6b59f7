// Browser tests for the agent workspace (issue 12): the newcomer's path through the demo store and the dashboard —
// signing in sets you online, the widget's header follows who is online, the demo shopper is really signed in, the
// typing line ends with the answer, the AI agent's conversations have a view to read along and take over, links in
// the thread, "Save view" as a dialog, and the ticket usable at phone (390 px) and laptop (1360 px) widths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, browserKit, chatSay, hasChromium, login, server, shot, signInOn, startChat, WAIT, type ContextOptions } from "./kit.ts";

/** Widget shadow roots open, and nothing leaves loopback (the demo catalog's images live on a made-up host). */
const LOOK: ContextOptions = { reducedMotion: "reduce", openShadowRoots: true, outside: "abort" };

/** A shopper asks the demo store's AI agent something over HTTP. */
async function chat(text: string): Promise<{ ticketId: string }> {
  const conv = await startChat("demo");
  await chatSay(conv, text);
  return conv;
}

describe.skipIf(!hasChromium)("the agent workspace in a real browser", () => {
  const kit = browserKit();
  const page = (viewport: { width: number; height: number }) => kit.page({ ...LOOK, viewport });
  const signIn = (email: string, hash: string, viewport = { width: 1440, height: 900 }) => kit.signIn(hash, { email }, { ...LOOK, viewport });
  let sam = "";
  let samId = "";
  let morgan = "";

  beforeAll(async () => {
    const session = await login({ email: "sam@edgedesk.dev" });
    sam = session.token;
    samId = session.agent.id;
    morgan = (await login({ email: "morgan@edgedesk.dev" })).token;
  }, 120_000);

  afterAll(async () => {
    // Sam goes back offline, as the other browser files expect the demo team to be.
    await api("PUT", "/api/agents/me/status", { status: "offline" }, sam);
    await api("PUT", "/api/agents/me/status", { status: "offline" }, morgan);
  }, 30_000);

  it("signs the demo shopper in from 'Browsing as', shows the team away, and ends the typing line with the answer", async () => {
    const team = (await api<{ items: { id: string; status: string }[] }>("GET", "/api/agents", undefined, sam)).body.items;
    const shopper = await page({ width: 1280, height: 900 });
    await shopper.goto(`${server.base}/`);
    const anyoneOnline = team.some((a) => a.status === "online");
    await shopper.getByLabel("Demo shopper").selectOption({ label: "Sam Shopper" });
    await shopper.getByRole("button", { name: /Open chat/ }).click();
    const widget = shopper.locator("edgedesk-chat");
    if (!anyoneOnline) await widget.locator(".subtitle", { hasText: "the team replies when back" }).waitFor();
    const input = shopper.getByRole("textbox", { name: "Message" });
    await input.fill("Where is my order?");
    await input.press("Enter");
    // Signed in: the AI agent shows the shopper's own order without asking for an order number or an email.
    const card = widget.locator(".row.ai .card-order");
    await card.first().waitFor({ timeout: WAIT });
    // The answer is in: the socket's copy of it has ended the "Assistant is typing…" line.
    await widget.locator(".row.ai[data-id]").first().waitFor();
    await expect.poll(() => widget.locator(".typing").isHidden(), { timeout: WAIT }).toBe(true);
    await shot(shopper, "workspace-shopper.png");
  });

  it("signing in sets the agent online", async () => {
    const p = await signIn("sam@edgedesk.dev", "#/mine");
    await p.locator(".me .switch-label", { hasText: "Online" }).waitFor();
    const me = (await api<{ agent: { status: string } }>("GET", "/api/me", undefined, sam)).body.agent;
    expect(me.status).toBe("online");
  });

  it("lists the AI agent's conversations, reads one along and takes it over", async () => {
    const { ticketId } = await chat("Do you have any discount codes for boots?");
    const p = await signIn("sam@edgedesk.dev", "#/ai");
    await p.getByRole("heading", { name: "AI agent conversations" }).waitFor();
    await p.locator(`.row[data-ticket-id="${ticketId}"] .row-link`).click();
    const banner = p.locator(".ticket-banner.ai");
    await banner.waitFor();
    await banner.getByRole("button", { name: "Take over" }).click();
    await banner.waitFor({ state: "detached" });
    const t = (await api<{ ticket: { assigneeId: string; handledBy: string } }>("GET", `/api/tickets/${ticketId}`, undefined, sam)).body.ticket;
    expect(t).toMatchObject({ assigneeId: samId, handledBy: "team" });
  });

  it("links web addresses in the thread, searches as you type with the match marked, and saves a view through a dialog", async () => {
    const { ticketId } = await chat("I want to speak to a human about my parcel please");
    await api("POST", `/api/tickets/${ticketId}/takeover`, undefined, sam);
    await api("POST", `/api/tickets/${ticketId}/replies`, { body: "Track it at https://tracking.example.com/1Z999 and tell me." }, sam);
    const p = await signIn("sam@edgedesk.dev", `#/mine/${ticketId}`);
    await p.locator('.msg-body a[href="https://tracking.example.com/1Z999"]').waitFor();
    await p.getByLabel("Search tickets").pressSequentially("parcel", { delay: 20 });
    await p.locator(`.row[data-ticket-id="${ticketId}"] mark`, { hasText: /parcel/i }).first().waitFor();
    let prompted = false;
    p.on("dialog", (d) => {
      prompted = true;
      void d.dismiss();
    });
    await p.getByRole("button", { name: "Save view" }).click();
    const dialog = p.getByRole("dialog", { name: "Save this view" });
    await dialog.getByLabel("Name").fill("Parcels");
    await dialog.getByRole("button", { name: "Save view" }).click();
    await p.locator(".saved-row", { hasText: "Parcels" }).waitFor();
    expect(prompted).toBe(false);
  });

  it("keeps the ticket usable on a phone and roomy on a laptop", async () => {
    const { ticketId } = await chat("Can I return my jacket? I need a person");
    await api("POST", `/api/tickets/${ticketId}/takeover`, undefined, sam);
    const phone = await signIn("sam@edgedesk.dev", `#/mine/${ticketId}`, { width: 390, height: 844 });
    const close = phone.getByRole("button", { name: "Close" });
    await close.waitFor();
    const box = await close.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    // The tags and customer panel is there, under the conversation.
    await expect.poll(async () => (await phone.locator(".overview").boundingBox())?.width ?? 0).toBeGreaterThan(200);
    await shot(phone, "workspace-phone.png");
    const laptop = await signIn("sam@edgedesk.dev", `#/mine/${ticketId}`, { width: 1360, height: 800 });
    await laptop.locator(".conversation").waitFor();
    expect((await laptop.locator(".conversation").boundingBox())?.width ?? 0).toBeGreaterThan(540);
    await shot(laptop, "workspace-laptop.png");
  });

  it("shows who else is viewing and writing, and warns before a reply that crosses a colleague's", async () => {
    const { ticketId } = await chat("Hello, I need a person about a refund please");
    await api("POST", `/api/tickets/${ticketId}/takeover`, undefined, sam);
    const samPage = await signIn("sam@edgedesk.dev", `#/mine/${ticketId}`);
    const morganPage = await signIn("morgan@edgedesk.dev", `#/all/${ticketId}`);
    await samPage.locator(".colleagues", { hasText: "Morgan Manager is also viewing" }).waitFor();
    await morganPage.getByRole("tab", { name: /Internal note/ }).click();
    await morganPage.getByLabel("Internal note for the team").fill("Checking the refund in Stripe");
    await samPage.locator(".colleagues", { hasText: "Morgan Manager is writing a note" }).waitFor();
    // Sam starts a reply; Morgan answers first; Sam's send warns instead of crossing it.
    await samPage.getByLabel("Reply to the customer").fill("Let me check that refund for you.");
    await api("POST", `/api/tickets/${ticketId}/replies`, { body: "Refund issued, it shows in 3 days." }, morgan);
    await samPage.locator(".msg-body", { hasText: "Refund issued" }).waitFor();
    await samPage.getByRole("button", { name: "Send reply" }).click();
    const clash = samPage.locator(".clash");
    await clash.waitFor();
    expect(await clash.innerText()).toContain("Morgan Manager replied while you were writing");
    await clash.getByRole("button", { name: "Send anyway" }).click();
    await samPage.locator(".msg-body", { hasText: "Let me check that refund for you." }).waitFor();
  });

  it("opens the shortcuts with ?, moves through the list with j, and follows the system's dark mode until switched", async () => {
    const p = await signIn("sam@edgedesk.dev", "#/mine");
    await p.locator(".row").first().waitFor();
    await p.keyboard.press("?");
    await p.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await p.keyboard.press("Escape");
    await p.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor({ state: "detached" });
    await p.keyboard.press("j");
    await p.locator(".ticket[data-ticket-id]").waitFor();
    const panel = () => p.evaluate(() => getComputedStyle(document.querySelector(".list-pane") as Element).backgroundColor);
    const light = await panel();
    await p.emulateMedia({ colorScheme: "dark" });
    await expect.poll(panel).not.toBe(light);
    await shot(p, "workspace-dark.png");
    // The switch pins light (system → light) even though the system is dark.
    await p.getByRole("button", { name: "Theme: system" }).click();
    await expect.poll(panel).toBe(light);
  });

  it("speaks the page's language, takes the shop's words, and mirrors for right-to-left pages", async () => {
    const shop = (lang: string, extra = "") =>
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1><script src="/widget.js" data-account="demo" ${extra} async></script></body></html>`;
    const p = await page({ width: 1280, height: 900 });
    await p.route(`${server.base}/fr-shop.html`, (r) => r.fulfill({ contentType: "text/html", body: shop("fr") }));
    await p.goto(`${server.base}/fr-shop.html`);
    await p.getByRole("button", { name: "Ouvrir le chat" }).click();
    await p.getByRole("textbox", { name: "Message" }).waitFor();
    expect(await p.locator("edgedesk-chat textarea").getAttribute("placeholder")).toBe("Écrivez un message…");
    // Another shop (a fresh browser): the French chat's open state is not carried over.
    const ar = await page({ width: 1280, height: 900 });
    await ar.route(`${server.base}/ar-shop.html`, (r) => r.fulfill({ contentType: "text/html", body: shop("ar", `data-strings='{"greeting":"مرحبا! كيف يمكننا مساعدتك؟"}'`) }));
    await ar.goto(`${server.base}/ar-shop.html`);
    await ar.getByRole("button", { name: "Open chat" }).click();
    const root = ar.locator("edgedesk-chat .root");
    expect(await root.getAttribute("dir")).toBe("rtl");
    await ar.locator("edgedesk-chat .log", { hasText: "مرحبا! كيف يمكننا مساعدتك؟" }).waitFor();
    await shot(ar, "workspace-rtl.png");
  });

  it("tells me on the desktop when a ticket is assigned to me, once notifications are on", async () => {
    const ctx = await kit.context();
    // A desktop notification is only for a tab in the background; the browser's Notification is recorded here.
    await ctx.addInitScript(() => {
      const w = window as unknown as { shown: string[]; Notification: unknown };
      w.shown = [];
      w.Notification = class {
        static permission = "granted";
        static requestPermission = async () => "granted";
        onclick: (() => void) | null = null;
        constructor(title: string) {
          w.shown.push(title);
        }
        close() {}
      };
      Object.defineProperty(document, "visibilityState", { get: () => "hidden" });
    });
    const p = await ctx.newPage();
    p.setDefaultTimeout(WAIT);
    await signInOn(p, "#/all", { email: "sam@edgedesk.dev" });
    await p.getByRole("button", { name: "Notify off" }).click();
    await p.getByRole("button", { name: "Notify on" }).waitFor();
    const { ticketId } = await chat("Can someone help me with sizing? I'd like a person");
    await api("POST", `/api/tickets/${ticketId}/takeover`, undefined, morgan);
    const number = (await api<{ ticket: { number: number } }>("GET", `/api/tickets/${ticketId}`, undefined, sam)).body.ticket.number;
    await api("PATCH", `/api/tickets/${ticketId}`, { assigneeId: samId }, morgan);
    await expect.poll(() => p.evaluate(() => (window as unknown as { shown: string[] }).shown)).toContain(`#${number} is assigned to you`);
  });
});
