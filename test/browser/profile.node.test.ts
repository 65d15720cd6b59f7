// Browser tests: the customer profile panel on the ticket page and the order and subscription actions, each with its
// confirmation, against wrangler dev. Runs in its own fresh account (demo store connected), so nothing it changes is shared.
import { beforeAll, describe, expect, it } from "vitest";
import { apiAs, browserKit, hasChromium, inbound, newAccount, shot, uniqueId, type ApiCaller, type OwnAccount } from "./kit.ts";

let shop: OwnAccount;
/** The shop's owner, over the API. */
let owner: ApiCaller;
let ticketId = "";
let profileId = "";

describe.skipIf(!hasChromium)("customer profile panel and order actions in a real browser", () => {
  const kit = browserKit();
  const signIn = (hash: string) => kit.signIn(hash, shop, { viewport: { width: 1440, height: 1000 } });

  beforeAll(async () => {
    shop = await newAccount({ accountName: uniqueId("Profile shop"), name: "Pat Owner", email: `${uniqueId("profile-owner")}@example.com`, password: "profile-password-1" });
    owner = apiAs(shop.token);
    await owner.api("PUT", "/api/integrations/demo", {});
    const t = await inbound({ accountId: shop.id, channel: "email", from: "Sam Shopper <shopper@example.com>", text: "Can I change my order #1042?" });
    ticketId = t.body.ticketId;
    profileId = (await owner.api<{ ticket: { customer: { profileId: string } } }>("GET", `/api/tickets/${ticketId}`)).body.ticket.customer.profileId;
  }, 120_000);

  it("shows the customer beside the ticket: consent, predictions, loyalty and recent orders", async () => {
    const page = await signIn(`#/all/${ticketId}`);
    const panel = page.getByRole("region", { name: "Customer profile" });
    await panel.waitFor();
    await panel.getByText("Summit").waitFor();
    expect(await panel.getByTestId("ticket-count").innerText()).toBe("1");
    expect(await panel.getByTestId("churn").innerText()).toMatch(/^\d+%$/);
    expect(await panel.getByText("SMS: unknown").count()).toBe(1);
    expect(await panel.getByRole("link", { name: "Redeem page" }).getAttribute("href")).toBe("https://northwind-outfitters.example/account/rewards");
    const orders = panel.getByRole("list", { name: "Recent orders" });
    expect(await orders.locator(".order strong").allInnerTexts()).toEqual(["#1042", "#1038", "#1029", "#1024"]);
    await shot(panel, "profile-panel.png");
    // The agent tells the shopper how to redeem, with the link, in one click.
    await panel.getByRole("button", { name: "Insert in reply" }).click();
    // The composer takes the text after its next render.
    await expect.poll(() => page.locator("#composer-text").inputValue()).toContain("You have 820 points (Summit tier).");
    expect(await page.locator("#composer-text").inputValue()).toContain("Redeem here: https://northwind-outfitters.example/account/rewards");
    // The AI tagged the ticket as it arrived; the tag editor marks those tags.
    const aiTag = page.locator(".tag-list .ai-tag").first();
    await aiTag.waitFor();
    expect(await aiTag.getAttribute("title")).toBe("Set by AI");
  });

  it("edits a line and cancels an order after confirming, noting both on the ticket; a refusal shows its reason", async () => {
    const page = await signIn(`#/all/${ticketId}`);
    const order = page.locator('.order[data-order-id="demo_order_1042"]');
    await order.waitFor();
    await order.getByLabel("Quantity of Ridgeline Rain Jacket", { exact: true }).fill("2");
    await order.getByRole("button", { name: "Update quantity of Ridgeline Rain Jacket" }).click();
    const ask = order.getByRole("alertdialog");
    expect(await ask.innerText()).toContain("from 1 to 2");
    await ask.getByRole("button", { name: "Yes, change it" }).click();
    await ask.waitFor({ state: "detached" });
    await page.locator(".thread .msg", { hasText: "changed Ridgeline Rain Jacket on order #1042 from 1 to 2" }).waitFor();

    await order.getByRole("button", { name: "Cancel order" }).click();
    // "Keep as is" closes the question and changes nothing.
    await order.getByRole("button", { name: "Keep as is" }).click();
    expect(await order.getByRole("alertdialog").count()).toBe(0);
    await order.getByRole("button", { name: "Cancel order" }).click();
    await order.getByRole("button", { name: "Yes, cancel order" }).click();
    await order.locator(".pill.order-cancelled").waitFor();
    await page.locator(".thread .msg", { hasText: "cancelled order #1042 (reason: customer)" }).waitFor();
    expect((await owner.api<{ items: unknown[] }>("GET", `/api/profiles/${profileId}/orders`)).body.items[0]).toMatchObject({ name: "#1042", status: "cancelled" });

    // The subscription: change its frequency after confirming.
    const sub = page.locator(".subscription").first();
    await sub.getByRole("button", { name: "Change frequency" }).click();
    await sub.getByLabel("Every", { exact: true }).fill("2");
    await sub.getByLabel("Unit", { exact: true }).selectOption("week");
    await sub.getByRole("button", { name: "Yes, change it" }).click();
    await sub.getByText("every 2 weeks", { exact: false }).first().waitFor();
    await sub.getByRole("alertdialog").waitFor({ state: "detached" });

    // Someone cancels the subscription elsewhere; skipping from this (stale) panel is refused with the store's reason.
    expect((await owner.api("POST", `/api/profiles/${profileId}/subscriptions/demo_sub_01/cancel`, {})).status).toBe(200);
    await sub.getByRole("button", { name: "Skip next" }).click();
    await sub.getByRole("button", { name: "Yes, skip" }).click();
    expect(await sub.getByRole("alert").innerText()).toContain("is cancelled");
    await shot(page, "profile-order-actions.png");
  });

  it("opens the profile page with a timeline filtered by metric and a saved filter", async () => {
    const page = await signIn(`#/profile/${profileId}`);
    await page.getByRole("heading", { name: "Sam Shopper" }).waitFor();
    const timeline = page.getByRole("region", { name: "Timeline" });
    await timeline.locator(".event").first().waitFor();
    await timeline.getByLabel("Placed order").check();
    await timeline.locator('.event[data-metric="placed_order"]').first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll(".event")].every((e) => e.getAttribute("data-metric") === "placed_order"));
    expect(await timeline.locator(".event").count()).toBe(4);
    await timeline.getByLabel("Filter name").fill("Purchases");
    await timeline.getByRole("button", { name: "Save filter" }).click();
    await timeline.getByRole("button", { name: "Purchases", exact: true }).waitFor();
    expect((await owner.api<{ items: unknown[] }>("GET", "/api/profile-event-filters")).body.items).toMatchObject([{ name: "Purchases", metrics: ["placed_order"] }]);
    await shot(page, "profile-page.png", { fullPage: true });
  });

  it("shows an SMS reply that could not go out as not delivered, with the reason", async () => {
    const sms = await inbound({ accountId: shop.id, channel: "sms", from: "+15550107654", text: "Do you ship to Canada?" });
    const reply = await owner.api<{ delivery: { status: string } }>("POST", `/api/tickets/${sms.body.ticketId}/replies`, { body: "We do!" });
    expect(reply.body.delivery.status).toBe("blocked");
    const page = await signIn(`#/all/${sms.body.ticketId}`);
    const note = page.locator(".thread .msg", { hasText: "We do!" }).locator(".delivery.not-delivered");
    await note.waitFor();
    expect(await note.innerText()).toContain("Not delivered");
  });

  it("hides unread badges for everyone when the account turns them off, and the agent's own switch with them", async () => {
    await inbound({ accountId: shop.id, channel: "email", from: "new.person@example.com", text: "A new question" });
    const page = await signIn("#/all");
    await page.getByTestId("unread-all").waitFor();
    expect((await owner.api("PUT", "/api/settings/unread-badge", { enabled: false })).status).toBe(200);
    await page.reload();
    await page.locator(".live-live").waitFor();
    await page.locator(".view-name", { hasText: "All tickets" }).waitFor();
    expect(await page.getByTestId("unread-all").count()).toBe(0);
    expect(await page.getByRole("switch", { name: "Unread badges" }).isDisabled()).toBe(true);
    expect((await owner.api("PUT", "/api/settings/unread-badge", { enabled: true })).status).toBe(200);
    await page.reload();
    await page.getByTestId("unread-all").waitFor();
  });

  it("turns AI auto-tagging off and sets the SMS auto-reply from Settings", async () => {
    const page = await signIn("#/settings/agent");
    const tagging = page.locator("#set-autotags");
    await tagging.waitFor();
    await tagging.getByRole("switch", { name: "AI auto-tagging" }).click();
    await page.getByText("AI auto-tagging is off").waitFor();
    expect((await owner.api<{ autoTags: { enabled: boolean } }>("GET", "/api/settings")).body.autoTags.enabled).toBe(false);
    const sms = page.locator("#set-sms");
    await sms.getByLabel("Auto-reply to non-subscribers").fill("Text START to hear back from us.");
    await sms.getByRole("button", { name: "Save SMS settings" }).click();
    await page.getByText("SMS settings saved").waitFor();
    expect((await owner.api<{ sms: { autoReply: string } }>("GET", "/api/settings")).body.sms.autoReply).toBe("Text START to hear back from us.");
    await shot(page, "profile-settings.png", { fullPage: true });
  });
});
