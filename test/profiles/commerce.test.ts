// Orders and subscriptions from the ticket: list, cancel, edit a line, skip, cancel, change frequency — with notes and refusals.
import { describe, expect, it } from "vitest";
import { addAgent, call, inbound, signup } from "../helpers.ts";

async function shopperTicket(email: string) {
  const shop = await signup();
  await call("PUT", "/api/integrations/demo", { token: shop.token, body: {} });
  const t = await inbound(shop.accountId, { channel: "email", from: email, text: "About my order" });
  const ticket = await call("GET", `/api/tickets/${t.body.ticketId}`, { token: shop.token });
  return { shop, ticketId: t.body.ticketId as string, profileId: ticket.body.ticket.customer.profileId as string };
}

async function notes(token: string, ticketId: string): Promise<string[]> {
  const res = await call("GET", `/api/tickets/${ticketId}`, { token });
  return res.body.messages.filter((m: { internal: boolean }) => m.internal).map((m: { body: string }) => m.body);
}

describe("orders from the ticket", () => {
  it("lists the customer's recent orders with items, status and tracking", async () => {
    const { shop, profileId } = await shopperTicket("shopper@example.com");
    const res = await call("GET", `/api/profiles/${profileId}/orders`, { token: shop.token });
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { name: string }) => o.name)).toEqual(["#1042", "#1038", "#1029", "#1024"]);
    const [open, shipped] = res.body.items;
    expect(open).toMatchObject({ id: "demo_order_1042", status: "paid", fulfillment: "unfulfilled", currency: "USD", editable: true });
    expect(open.lineItems[0]).toMatchObject({ id: "demo_li_1042_1", title: "Ridgeline Rain Jacket", quantity: 1 });
    expect(shipped).toMatchObject({ fulfillment: "fulfilled", editable: false, tracking: { carrier: expect.any(String), number: expect.any(String) } });
  });

  it("a support agent edits a line and cancels an unfulfilled order; both stick and are noted on the ticket", async () => {
    const { shop, ticketId, profileId } = await shopperTicket("shopper@example.com");
    const sam = await addAgent(shop, "support", "Sam Support");
    const before = (await call("GET", `/api/profiles/${profileId}/orders`, { token: sam.token })).body.items[0];
    const line = before.lineItems[0];
    const edited = await call("PATCH", `/api/profiles/${profileId}/orders/demo_order_1042/lines/${line.id}`, { token: sam.token, body: { quantity: line.quantity + 1, ticketId } });
    expect(edited.status).toBe(200);
    expect(edited.body.lineItems[0].quantity).toBe(line.quantity + 1);
    expect(edited.body.total).toBeGreaterThan(before.total);

    const cancelled = await call("POST", `/api/profiles/${profileId}/orders/demo_order_1042/cancel`, { token: sam.token, body: { reason: "customer", ticketId } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: "demo_order_1042", status: "cancelled", editable: false });
    // A later read (a fresh demo store) still shows both changes.
    const after = (await call("GET", `/api/profiles/${profileId}/orders`, { token: shop.token })).body.items[0];
    expect(after).toMatchObject({ status: "cancelled" });
    expect(after.lineItems[0].quantity).toBe(line.quantity + 1);
    expect(await notes(shop.token, ticketId)).toEqual([
      `Sam Support changed ${line.title} on order #1042 from ${line.quantity} to ${line.quantity + 1}.`,
      "Sam Support cancelled order #1042 (reason: customer).",
    ]);
    const events = await call("GET", `/api/profiles/${profileId}/events?metric=cancelled_order,edited_order`, { token: shop.token });
    expect(events.body.items.map((e: { metric: string }) => e.metric)).toEqual(["cancelled_order", "edited_order"]);
  });

  it("answers 409 with the reason for a fulfilled order, and changes nothing", async () => {
    const { shop, ticketId, profileId } = await shopperTicket("shopper@example.com");
    const res = await call("POST", `/api/profiles/${profileId}/orders/demo_order_1038/cancel`, { token: shop.token, body: { ticketId } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", message: expect.stringContaining("#1038") });
    const line = await call("PATCH", `/api/profiles/${profileId}/orders/demo_order_1038/lines/demo_li_1038_1`, { token: shop.token, body: { quantity: 2 } });
    expect(line.status).toBe(409);
    expect(await notes(shop.token, ticketId)).toEqual([]);
    // The store itself refuses emptying an order: its words come back as a conflict.
    const orders = (await call("GET", `/api/profiles/${profileId}/orders`, { token: shop.token })).body.items;
    const open = orders.find((o: { name: string }) => o.name === "#1042");
    if (open.lineItems.length === 1) {
      const empty = await call("PATCH", `/api/profiles/${profileId}/orders/demo_order_1042/lines/${open.lineItems[0].id}`, { token: shop.token, body: { quantity: 0 } });
      expect(empty.status).toBe(409);
      expect(empty.body.error.message).toContain("cancel the order instead");
    }
  });

  it("validates input and keeps other customers' orders out of reach", async () => {
    const { shop, profileId } = await shopperTicket("shopper@example.com");
    const base = `/api/profiles/${profileId}/orders/demo_order_1042`;
    expect((await call("PATCH", `${base}/lines/demo_li_1042_1`, { token: shop.token, body: { quantity: -1 } })).status).toBe(400);
    expect((await call("PATCH", `${base}/lines/demo_li_1042_1`, { token: shop.token, body: {} })).status).toBe(400);
    expect((await call("POST", `${base}/cancel`, { token: shop.token, body: { reason: "bored" } })).status).toBe(400);
    expect((await call("POST", `${base}/cancel`, { token: shop.token, body: { ticketId: "tkt_nope" } })).status).toBe(404);
    // #1043 is Olivia's.
    expect((await call("POST", `/api/profiles/${profileId}/orders/demo_order_1043/cancel`, { token: shop.token })).status).toBe(404);
    expect((await call("PATCH", `${base}/lines/demo_li_9999_1`, { token: shop.token, body: { quantity: 1 } })).status).toBe(404);
    const other = await signup();
    expect((await call("POST", `${base}/cancel`, { token: other.token })).status).toBe(404);
  });
});

describe("subscriptions from the ticket", () => {
  it("lists, skips, changes frequency and cancels, noting each on the ticket", async () => {
    const { shop, ticketId, profileId } = await shopperTicket("shopper@example.com");
    const list = await call("GET", `/api/profiles/${profileId}/subscriptions`, { token: shop.token });
    expect(list.status).toBe(200);
    const sub = list.body.items.find((s: { status: string }) => s.status === "active");
    expect(sub).toBeTruthy();
    const skipped = await call("POST", `/api/profiles/${profileId}/subscriptions/${sub.id}/skip`, { token: shop.token, body: { ticketId } });
    expect(skipped.status).toBe(200);
    expect(skipped.body.nextChargeAt > sub.nextChargeAt).toBe(true);
    const changed = await call("PATCH", `/api/profiles/${profileId}/subscriptions/${sub.id}`, { token: shop.token, body: { frequency: "every 2 weeks", ticketId } });
    expect(changed.body).toMatchObject({ interval: { every: 2, unit: "week" }, frequency: "every 2 weeks" });
    const byObject = await call("PATCH", `/api/profiles/${profileId}/subscriptions/${sub.id}`, { token: shop.token, body: { frequency: { every: 1, unit: "month" } } });
    expect(byObject.body.frequency).toBe("every month");
    expect((await call("PATCH", `/api/profiles/${profileId}/subscriptions/${sub.id}`, { token: shop.token, body: { frequency: "sometimes" } })).status).toBe(400);
    const cancelled = await call("POST", `/api/profiles/${profileId}/subscriptions/${sub.id}/cancel`, { token: shop.token, body: { reason: "Moving abroad", ticketId } });
    expect(cancelled.body).toMatchObject({ status: "cancelled", nextChargeAt: null });
    expect((await call("POST", `/api/profiles/${profileId}/subscriptions/${sub.id}/skip`, { token: shop.token })).status).toBe(409);
    expect((await call("POST", `/api/profiles/${profileId}/subscriptions/${sub.id}/cancel`, { token: shop.token })).status).toBe(409);
    const again = await call("GET", `/api/profiles/${profileId}/subscriptions`, { token: shop.token });
    expect(again.body.items.find((s: { id: string }) => s.id === sub.id)).toMatchObject({ status: "cancelled", interval: { every: 1, unit: "month" } });
    const written = await notes(shop.token, ticketId);
    expect(written).toHaveLength(3);
    expect(written[1]).toContain(`to every 2 weeks`);
    expect(written[2]).toContain("(reason: Moving abroad)");
    const events = await call("GET", `/api/profiles/${profileId}/events?metric=subscription_skipped,subscription_cancelled,subscription_frequency_changed`, { token: shop.token });
    expect(events.body.items).toHaveLength(4);
    expect((await call("POST", `/api/profiles/${profileId}/subscriptions/sub_nope/skip`, { token: shop.token })).status).toBe(404);
  });
});
