// Browser tests: the AI customer agent answers in the real widget (product and order cards, the knowledge base), and a handoff reaches the dashboard live.
// They need the seeded demo account (demo store, knowledge base, AI agent on) of the dev server all browser files share.
import { createHmac } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserKit, d1Query, DEMO_OWNER, goOffline, hasChromium, server, shot, uniqueId, WAIT, type ContextOptions, type ShopIdentity, type Shopper } from "./kit.ts";

/** The demo catalog's images are drawn locally: nothing leaves loopback. */
const LOOK: ContextOptions = { reducedMotion: "reduce", outside: "draw-images" };

describe.skipIf(!hasChromium)("the AI customer agent in the widget, and its handoff to the dashboard", () => {
  const kit = browserKit();
  // One anonymous shopper's conversation runs through the tests below, so the handoff carries a real transcript.
  let anon: Shopper;
  const asked: string[] = [];

  const openShopper = (identity?: ShopIdentity) => kit.openShopper({ ...LOOK, viewport: { width: 1280, height: 900 }, identity });

  async function openAgent(hash: string): Promise<Page> {
    const page = await kit.signIn(hash, DEMO_OWNER, LOOK);
    // Signing in sets the agent online; offline, nobody takes the handoff, which then waits in Unassigned.
    await page.locator(".me .switch-label", { hasText: "Online" }).waitFor({ timeout: WAIT });
    await page.locator(".me .switch-label", { hasText: "Online" }).click();
    await page.locator(".me .switch-label", { hasText: "Offline" }).waitFor({ timeout: WAIT });
    // So is the rest of the demo team, whom other files' dashboards may have left online.
    for (const email of ["alex@edgedesk.dev", "morgan@edgedesk.dev", "sam@edgedesk.dev"]) await goOffline(email);
    return page;
  }

  it("recommends products with product cards: image, title, price and a link to the product", async () => {
    anon = await openShopper();
    const question = "Can you recommend waterproof hiking boots?";
    await anon.sendConfirmed(question);
    asked.push(question);

    const reply = anon.aiRows().last();
    await reply.locator(".card-product").first().waitFor({ timeout: WAIT });
    expect(await reply.locator(".who").innerText()).toBe("Assistant");
    expect(await reply.locator(".bubble").innerText()).toContain("Switchback Hiking Boots");

    // Several products sit side by side in one scroller rather than stacking down the chat.
    expect(await reply.locator(".scroller .card-product").count()).toBeGreaterThan(1);
    const boots = reply.locator(".card-product", { hasText: "Switchback Hiking Boots" });
    expect(await boots.locator(".card-title").innerText()).toBe("Switchback Hiking Boots");
    expect(await boots.locator(".price").innerText()).toBe("$179.00");
    expect(await boots.locator(".card-body").innerText()).toContain("Waterproof nubuck leather");
    const view = boots.getByRole("link", { name: "View product" });
    expect(await view.getAttribute("href")).toBe("https://northwind-outfitters.example/products/switchback-hiking-boots");
    expect(await view.getAttribute("target")).toBe("_blank");
    expect(await boots.locator("img").getAttribute("alt")).toBe("Switchback Hiking Boots");
    // Raw data keys never reach the shopper.
    expect(await boots.innerText()).not.toMatch(/image ?url|available/i);
    await anon.page.waitForFunction(() => {
      const img = document.querySelector("edgedesk-chat")?.shadowRoot?.querySelector(".card-product img");
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    }, undefined, { timeout: WAIT });
    await boots.scrollIntoViewIfNeeded();
    await shot(anon.page, "agent-widget-products.png");
  });

  it("answers a knowledge-base question from the shop's articles", async () => {
    const before = await anon.aiRows().count();
    const question = "How long does shipping take?";
    await anon.sendConfirmed(question);
    asked.push(question);
    await anon.aiRows().nth(before).waitFor({ timeout: WAIT });
    const answer = await anon.aiRows().nth(before).locator(".bubble").innerText();
    expect(answer).toContain("Shipping times and costs");
    expect(answer).toMatch(/3–5 business days/);
    await shot(anon.page, "agent-widget-knowledge.png");
  });

  it("shows a logged-in shopper's order on an order card, and hands off without asking for an email", async () => {
    const secret = d1Query<{ identity_secret: string }>(server, "SELECT identity_secret FROM accounts WHERE id = 'demo'")[0]?.identity_secret;
    expect(secret).toBeTruthy();
    const externalId = "demo_cust_01";
    const identityHash = createHmac("sha256", secret ?? "").update(`${externalId}\nshopper@example.com`).digest("hex");
    const sam = await openShopper({ externalId, email: "shopper@example.com", name: "Sam Shopper", identityHash });
    await sam.sendConfirmed("Where is my order?");

    const card = sam.aiRows().last().locator(".card-order");
    await card.waitFor({ timeout: WAIT });
    expect(await card.locator(".card-title").innerText()).toBe("Order #1042");
    const labels = await card.locator("dt").allInnerTexts();
    const values = await card.locator("dd").allInnerTexts();
    const fields = Object.fromEntries(labels.map((l, i) => [l, values[i] ?? ""]));
    expect(fields).toMatchObject({ Status: "Not shipped yet", Total: "$261.00" });
    // The stage id, the edit flag and empty shipment fields are for the agent, not the shopper.
    expect(Object.keys(fields).join(" ")).not.toMatch(/label|can edit|carrier|tracking number/i);
    expect(await card.locator("li").allInnerTexts()).toEqual(["1 × Ridgeline Rain Jacket (M / Moss)", "2 × Merino Hiking Socks (3-pack) (M)"]);
    expect(await card.getByRole("link", { name: "Track order" }).getAttribute("href")).toBe("https://northwind-outfitters.example/orders/1042/status");
    await card.scrollIntoViewIfNeeded();
    await shot(sam.page, "agent-widget-order.png");

    // A logged-in shopper is not asked for an email before the handoff.
    const before = await sam.aiRows().count();
    await sam.sendConfirmed("Can I talk to a human please?");
    const offer = sam.aiRows().nth(before).locator(".card-handoff_offer");
    await offer.getByRole("button", { name: "Yes, connect me with an agent" }).click({ timeout: WAIT });
    await offer.getByText("You're connected with our team").waitFor({ timeout: WAIT });
    expect(await offer.getByRole("textbox").count()).toBe(0);
  });

  it("hands the conversation to the team: email asked, ticket live in the dashboard with the transcript, the agent's reply live in the widget", async () => {
    const agent = await openAgent("#/unassigned");
    const email = `${uniqueId("ana")}@example.com`;

    const before = await anon.aiRows().count();
    const ask = "I want to talk to a real person";
    await anon.sendConfirmed(ask);
    asked.push(ask);
    const offer = anon.aiRows().nth(before).locator(".card-handoff_offer");
    await offer.waitFor({ timeout: WAIT });
    // While the AI handles the conversation the team's views don't show it.
    expect(await agent.locator(".rows .row", { hasText: "real person" }).count()).toBe(0);
    const unassignedCount = agent.locator('.sidebar a[href="#/unassigned"] .count');
    const countBefore = Number(await unassignedCount.innerText());
    // The AI agent's view counts the conversation while it handles it (the same number as GET /api/views).
    const aiCount = agent.locator('.sidebar a[href="#/ai"] .count');
    const aiBefore = Number(await aiCount.innerText());
    expect(aiBefore).toBeGreaterThan(0);

    await offer.getByRole("button", { name: "Yes, connect me with an agent" }).click();
    const field = offer.getByRole("textbox");
    await field.waitFor({ timeout: WAIT });
    await shot(anon.page, "agent-widget-handoff-email.png");
    await field.fill(email);
    await offer.getByRole("button", { name: "Connect me" }).click();
    await offer.getByText("You're connected with our team").waitFor({ timeout: WAIT });
    await anon.bubble("I've passed our conversation to our team").waitFor({ timeout: WAIT });

    // The ticket arrives in Unassigned without a reload, carrying the whole conversation.
    const row = agent.locator(".rows .row", { hasText: email });
    await row.waitFor({ timeout: WAIT });
    expect(await row.evaluate((el) => el.classList.contains("unread"))).toBe(true);
    await agent.waitForFunction(([sel, n]) => document.querySelector(sel)?.textContent === String(n), ['.sidebar a[href="#/unassigned"] .count', countBefore + 1] as const, { timeout: WAIT });
    await agent.waitForFunction(([sel, n]) => document.querySelector(sel)?.textContent === String(n), ['.sidebar a[href="#/ai"] .count', aiBefore - 1] as const, { timeout: WAIT });
    await row.locator(".row-link").click();
    for (const text of asked) await agent.locator(".thread .msg.customer", { hasText: text }).waitFor({ timeout: WAIT });
    await agent.locator(".thread .msg.ai", { hasText: "Here are some picks from our catalog" }).waitFor({ timeout: WAIT });
    await agent.locator(".thread .msg.ai", { hasText: "Shipping times and costs" }).waitFor({ timeout: WAIT });
    await agent.locator(".thread .msg.ai .card-summary", { hasText: "Switchback Hiking Boots" }).first().waitFor({ timeout: WAIT });
    await agent.locator(".thread .msg.ai", { hasText: "I've passed our conversation to our team" }).waitFor({ timeout: WAIT });
    expect(await agent.locator(".ticket-head .pill.ai").count()).toBe(0);
    await shot(agent, "agent-dashboard-handoff.png");
    await shot(agent.locator(".thread .msg.ai", { hasText: "Here are some picks" }), "agent-dashboard-card-summary.png");

    const answer = `Hi, Dana here — happy to help with the boots (${uniqueId()}).`;
    await agent.getByLabel("Reply to the customer").fill(answer);
    await agent.getByRole("button", { name: "Send reply" }).click();
    await agent.locator(".thread .msg.agent", { hasText: answer }).waitFor({ timeout: WAIT });
    await anon.bubble(answer).waitFor({ timeout: WAIT });
    await anon.log.locator(".notice", { hasText: "joined the conversation" }).waitFor({ timeout: WAIT });
    expect(await anon.log.locator(".row.agent", { hasText: answer }).locator(".who").innerText()).toBe("Dana Demo");
    await shot(anon.page, "agent-widget-after-handoff.png");

    // A reload shows the same conversation at once: cards, the settled handoff, the team's reply.
    await anon.page.reload();
    await anon.page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: WAIT });
    await anon.log.locator(".card-product", { hasText: "Switchback Hiking Boots" }).waitFor({ timeout: WAIT });
    await anon.log.locator(".card-handoff_offer").getByText("You're connected with our team").waitFor({ timeout: WAIT });
    expect(await anon.log.getByRole("button", { name: "Yes, connect me with an agent" }).count()).toBe(0);
    await anon.bubble(answer).waitFor({ timeout: WAIT });
  });
});
