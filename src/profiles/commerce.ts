// Orders and subscriptions an agent sees and changes from a ticket (docs/profiles.md "Orders and subscriptions").
//
// Every change is checked against the profile (an order or subscription of someone else is 404), made through the
// connected provider (Shopify/Recharge, else the demo store), recorded in commerce_actions and, when a ticket is
// named, written on it as an internal note saying who did what. The demo store lives in memory, so its state is
// rebuilt for each request by replaying its recorded actions at the times they were made.
import { and, asc, eq } from "drizzle-orm";
import { connectedIntegrations } from "../accounts/integrations.ts";
import { db } from "../db/client.ts";
import { commerceActions, profileEvents } from "../db/schema/index.ts";
import { createDemoStore } from "../integrations/demo-store/index.ts";
import { isIntegrationError } from "../integrations/errors.ts";
import { providersFor, type Providers } from "../integrations/registry.ts";
import type { CancelReason, Order, OrderProvider, Subscription, SubscriptionProvider } from "../integrations/types.ts";

type SubscriptionInterval = Subscription["interval"];
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import { emailsOf, phonesOf, type ResolvedProfile } from "./service.ts";

const DAY = 86_400_000;

type ActionKind = (typeof commerceActions.$inferInsert)["action"];

export interface Actor {
  accountId: string;
  agentId: string;
  agentName: string;
}

export interface CommerceProviders {
  providers: Providers;
  orderProvider: string | null;
  subscriptionProvider: string | null;
}

/** The account's providers, with the demo store's past changes replayed. */
export async function commerceProviders(env: Env, accountId: string, now = Date.now()): Promise<CommerceProviders> {
  const connected = await connectedIntegrations(env, accountId);
  const kinds = new Set(connected.map((c) => c.kind));
  // The demo store lays its seed out relative to its creation; anchoring that at the start of the UTC day keeps
  // its dates still between requests (a timeline cursor stays valid) while the demo keeps looking current.
  let clock = Math.floor(now / DAY) * DAY;
  const demoStore = kinds.has("demo") ? createDemoStore({ now: () => clock }) : undefined;
  const providers = providersFor(connected, demoStore ? { demoStore } : {});
  if (demoStore) {
    const past = await db(env.DB)
      .select()
      .from(commerceActions)
      .where(and(eq(commerceActions.accountId, accountId), eq(commerceActions.provider, "demo")))
      .orderBy(asc(commerceActions.at), asc(commerceActions.id));
    for (const a of past) {
      clock = a.at;
      await applyAction(demoStore, demoStore, a.action, a.targetId, JSON.parse(a.params) as Record<string, unknown>).catch(() => undefined);
    }
    clock = now;
  }
  return {
    providers,
    orderProvider: providers.orders === undefined ? null : providers.orders === demoStore ? "demo" : "shopify",
    subscriptionProvider: providers.subscriptions === undefined ? null : providers.subscriptions === demoStore ? "demo" : "recharge",
  };
}

async function applyAction(orders: OrderProvider, subs: SubscriptionProvider, action: ActionKind, targetId: string, params: Record<string, unknown>): Promise<Order | Subscription | null> {
  switch (action) {
    case "order.cancel":
      await orders.cancelOrder(targetId, (params.reason as CancelReason | undefined) ?? "customer");
      return null;
    case "order.line_quantity":
      return orders.editQuantity(targetId, String(params.lineId), Number(params.quantity));
    case "subscription.skip":
      return need(subs).call(subs, { email: String(params.email) }, targetId, { type: "skip" });
    case "subscription.cancel":
      return need(subs).call(subs, { email: String(params.email) }, targetId, { type: "cancel" });
    case "subscription.frequency":
      return need(subs).call(subs, { email: String(params.email) }, targetId, { type: "frequency", interval: params.interval as SubscriptionInterval });
  }
}

function need(subs: SubscriptionProvider): NonNullable<SubscriptionProvider["changeSubscription"]> {
  if (!subs.changeSubscription) throw new AppError("conflict", "The connected subscription provider can't change subscriptions; use its portal");
  return subs.changeSubscription;
}

/** A provider's refusal as an API error: "store said no" is 409 with its words, "store unreachable" 502. */
export function providerError(err: unknown): unknown {
  if (!isIntegrationError(err)) return err;
  const detail = err.details.length > 0 && !err.message.includes(err.details[0] ?? "") ? `: ${err.details.join("; ")}` : "";
  switch (err.code) {
    case "not_found":
      return new AppError("not_found", err.message);
    case "rejected":
      return new AppError("conflict", `${err.message}${detail}`);
    case "rate_limited":
      return new AppError("rate_limited", `${err.provider} is busy; try again shortly`);
    default:
      return new AppError("bad_gateway", `${err.provider} could not do it: ${err.message}`);
  }
}

async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw providerError(err);
  }
}

export async function profileOrders(cp: CommerceProviders, who: ResolvedProfile, limit = 20): Promise<Order[]> {
  const orders = cp.providers.orders;
  if (!orders) return [];
  const seen = new Map<string, Order>();
  const lookups = [...emailsOf(who).map((email) => ({ email })), ...phonesOf(who).map((phone) => ({ phone }))];
  for (const lookup of lookups) for (const o of await guarded(orders.findOrdersByCustomer(lookup, limit))) seen.set(o.id, o);
  return [...seen.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
}

export async function profileSubscriptions(cp: CommerceProviders, who: ResolvedProfile): Promise<Subscription[]> {
  return (await subscriptionsWithEmail(cp, who)).map((s) => s.subscription);
}

/** Each subscription with the email the provider knows it by (changes name the shopper by it). */
async function subscriptionsWithEmail(cp: CommerceProviders, who: ResolvedProfile): Promise<{ subscription: Subscription; email: string }[]> {
  const subs = cp.providers.subscriptions;
  if (!subs) return [];
  const out = new Map<string, { subscription: Subscription; email: string }>();
  for (const email of emailsOf(who)) for (const s of await guarded(subs.listSubscriptions({ email }))) out.set(s.id, { subscription: s, email });
  return [...out.values()];
}

async function ownedOrder(cp: CommerceProviders, who: ResolvedProfile, orderId: string): Promise<Order> {
  const found = (await profileOrders(cp, who, 250)).find((o) => o.id === orderId);
  if (!found) throw new AppError("not_found", "order not found for this customer");
  return found;
}

async function ownedSubscription(cp: CommerceProviders, who: ResolvedProfile, subId: string): Promise<{ subscription: Subscription; email: string }> {
  const found = (await subscriptionsWithEmail(cp, who)).find((s) => s.subscription.id === subId);
  if (!found) throw new AppError("not_found", "subscription not found for this customer");
  return found;
}

async function assertTicket(env: Env, accountId: string, ticketId: string | undefined): Promise<void> {
  if (ticketId && (await viaActor(ticketStub(env, accountId, ticketId).status())) === null) throw new AppError("not_found", "ticket not found", [{ path: "ticketId", message: "no such ticket" }]);
}

/** Records the change and, on the ticket it was made from, an internal note saying who did what. */
async function recordAction(env: Env, who: ResolvedProfile, by: Actor, input: { provider: string; action: ActionKind; targetId: string; params: Record<string, unknown>; ticketId: string | undefined; note: string; metric?: string }, now: number): Promise<void> {
  const d = db(env.DB);
  const writes = [
    d.insert(commerceActions).values({ id: newId("cact", now), accountId: by.accountId, profileId: who.profile.id, ticketId: input.ticketId ?? null, agentId: by.agentId, provider: input.provider, action: input.action, targetId: input.targetId, params: JSON.stringify(input.params), at: now }),
  ] as const;
  if (input.metric) {
    await d.batch([...writes, d.insert(profileEvents).values({ id: newId("pev", now), accountId: by.accountId, profileId: who.profile.id, metric: input.metric, occurredAt: now, properties: JSON.stringify({ ...input.params, targetId: input.targetId, agentId: by.agentId }) })]);
  } else {
    await d.batch(writes);
  }
  if (input.ticketId) await viaActor(ticketStub(env, by.accountId, input.ticketId).note({ agentId: by.agentId, body: input.note }));
}

export interface CommerceRequest {
  env: Env;
  who: ResolvedProfile;
  by: Actor;
  ticketId?: string | undefined;
  now?: number;
}

export async function cancelOrder(r: CommerceRequest, orderId: string, reason: CancelReason = "customer"): Promise<Order> {
  const now = r.now ?? Date.now();
  await assertTicket(r.env, r.by.accountId, r.ticketId);
  const cp = await commerceProviders(r.env, r.by.accountId, now);
  const order = await ownedOrder(cp, r.who, orderId);
  if (order.cancelledAt !== null) throw new AppError("conflict", `Order ${order.name} is already cancelled`);
  if (order.fulfillmentStatus !== "unfulfilled") throw new AppError("conflict", `Order ${order.name} is already ${order.fulfillmentStatus.replace("_", " ")}, so it can't be cancelled; the items can be returned instead`);
  await guarded(cp.providers.orders!.cancelOrder(orderId, reason));
  await recordAction(r.env, r.who, r.by, { provider: cp.orderProvider ?? "unknown", action: "order.cancel", targetId: orderId, params: { reason, orderName: order.name }, ticketId: r.ticketId, note: `${r.by.agentName} cancelled order ${order.name} (reason: ${reason}).` }, now);
  return (await profileOrders(await commerceProviders(r.env, r.by.accountId, now), r.who, 250)).find((o) => o.id === orderId) ?? { ...order, cancelledAt: new Date(now).toISOString() };
}

export async function setLineQuantity(r: CommerceRequest, orderId: string, lineId: string, quantity: number): Promise<Order> {
  const now = r.now ?? Date.now();
  await assertTicket(r.env, r.by.accountId, r.ticketId);
  const cp = await commerceProviders(r.env, r.by.accountId, now);
  const order = await ownedOrder(cp, r.who, orderId);
  const line = order.lineItems.find((li) => li.id === lineId);
  if (!line) throw new AppError("not_found", `line ${lineId} is not on order ${order.name}`);
  if (order.cancelledAt !== null || order.fulfillmentStatus !== "unfulfilled") throw new AppError("conflict", `Order ${order.name} can't be edited any more: it is ${order.cancelledAt ? "cancelled" : order.fulfillmentStatus.replace("_", " ")}`);
  const after = await guarded(cp.providers.orders!.editQuantity(orderId, lineId, quantity));
  await recordAction(r.env, r.who, r.by, { provider: cp.orderProvider ?? "unknown", action: "order.line_quantity", targetId: orderId, params: { lineId, quantity, previousQuantity: line.quantity, orderName: order.name, title: line.title }, ticketId: r.ticketId, note: `${r.by.agentName} changed ${line.title} on order ${order.name} from ${line.quantity} to ${quantity}.`, metric: "edited_order" }, now);
  return after;
}

export type SubscriptionChange = { kind: "skip" } | { kind: "cancel"; reason?: string | undefined } | { kind: "frequency"; interval: SubscriptionInterval };

const intervalText = (i: SubscriptionInterval) => `every ${i.every} ${i.unit}${i.every === 1 ? "" : "s"}`;

export async function changeSubscription(r: CommerceRequest, subId: string, change: SubscriptionChange): Promise<Subscription> {
  const now = r.now ?? Date.now();
  await assertTicket(r.env, r.by.accountId, r.ticketId);
  const cp = await commerceProviders(r.env, r.by.accountId, now);
  const { subscription: sub, email } = await ownedSubscription(cp, r.who, subId);
  const changeSub = need(cp.providers.subscriptions!);
  const subs = cp.providers.subscriptions!;
  const provider = cp.subscriptionProvider ?? "unknown";
  const base = { provider, targetId: subId, ticketId: r.ticketId };
  if (change.kind === "skip") {
    const after = await guarded(changeSub.call(subs, { email }, subId, { type: "skip" }));
    await recordAction(r.env, r.who, r.by, { ...base, action: "subscription.skip", params: { email, productTitle: sub.productTitle, skipped: sub.nextChargeAt, nextChargeAt: after.nextChargeAt }, note: `${r.by.agentName} skipped the ${sub.nextChargeAt ?? "next"} charge of the ${sub.productTitle} subscription; the next one is ${after.nextChargeAt ?? "not scheduled"}.`, metric: "subscription_skipped" }, now);
    return after;
  }
  if (change.kind === "cancel") {
    const reason = change.reason ?? "Cancelled by the support team";
    const after = await guarded(changeSub.call(subs, { email }, subId, { type: "cancel" }));
    await recordAction(r.env, r.who, r.by, { ...base, action: "subscription.cancel", params: { email, productTitle: sub.productTitle, reason }, note: `${r.by.agentName} cancelled the ${sub.productTitle} subscription (reason: ${reason}).`, metric: "subscription_cancelled" }, now);
    return after;
  }
  const after = await guarded(changeSub.call(subs, { email }, subId, { type: "frequency", interval: change.interval }));
  await recordAction(r.env, r.who, r.by, { ...base, action: "subscription.frequency", params: { email, productTitle: sub.productTitle, interval: change.interval, previous: sub.interval }, note: `${r.by.agentName} changed the ${sub.productTitle} subscription from ${intervalText(sub.interval)} to ${intervalText(change.interval)}.`, metric: "subscription_frequency_changed" }, now);
  return after;
}
