// The customer beside the ticket and on the profile page: profile, orders, subscriptions and timeline, and the changes an agent makes to them.
import { signal } from "@preact/signals";
import type { z } from "@hono/zod-openapi";
import type { eventFilterSchema, orderViewSchema, profileDetailsSchema, profileEventSchema, profileTicketSchema, subscriptionSchema } from "../../../src/schemas/profile.ts";
import { ApiError } from "../api.ts";
import { api, toast } from "./session.ts";
import { t } from "../i18n.ts";
import { interval as every } from "../format.ts";

export type ProfileDetails = z.output<typeof profileDetailsSchema>;
export type ProfileOrder = z.output<typeof orderViewSchema>;
export type ProfileSubscription = z.output<typeof subscriptionSchema>;
export type ProfileEvent = z.output<typeof profileEventSchema>;
export type EventFilter = z.output<typeof eventFilterSchema>;
export type ProfileTicket = z.output<typeof profileTicketSchema>;

export interface CustomerState {
  profileId: string;
  profile: ProfileDetails | null;
  orders: ProfileOrder[];
  subscriptions: ProfileSubscription[];
  loading: boolean;
  error: string | null;
}

/** Text the profile panel hands to the reply composer of a ticket (e.g. how to redeem loyalty points). */
export const composerInsert = signal<{ ticketId: string; text: string; at: number } | null>(null);

export function insertIntoReply(ticketId: string, text: string): void {
  composerInsert.value = { ticketId, text, at: Date.now() };
}

/** The customer of the open ticket (or of the profile page). */
export const customer = signal<CustomerState | null>(null);

const seg = encodeURIComponent;

export async function loadCustomer(profileId: string): Promise<void> {
  const prev = customer.value?.profileId === profileId ? customer.value : null;
  customer.value = { profileId, profile: prev?.profile ?? null, orders: prev?.orders ?? [], subscriptions: prev?.subscriptions ?? [], loading: true, error: null };
  try {
    const [p, orders, subs] = await Promise.all([
      api.request<{ profile: ProfileDetails }>("GET", `/profiles/${seg(profileId)}`),
      api.request<{ items: ProfileOrder[] }>("GET", `/profiles/${seg(profileId)}/orders`),
      api.request<{ items: ProfileSubscription[] }>("GET", `/profiles/${seg(profileId)}/subscriptions`),
    ]);
    if (customer.value?.profileId !== profileId) return;
    customer.value = { profileId, profile: p.profile, orders: orders.items, subscriptions: subs.items, loading: false, error: null };
  } catch (err) {
    if (customer.value?.profileId !== profileId) return;
    customer.value = { ...customer.value, loading: false, error: err instanceof ApiError ? err.message : t("profile.store.couldNotLoadCustomer") };
  }
}

/** Runs one change; on refusal the store's reason is shown and returned (the confirmation stays open to show it). */
async function change(profileId: string, method: string, path: string, body: Record<string, unknown>, done: string): Promise<string | null> {
  try {
    await api.request(method, `/profiles/${seg(profileId)}${path}`, body);
    toast(done);
    await loadCustomer(profileId);
    return null;
  } catch (err) {
    const reason = err instanceof ApiError ? err.message : t("profile.store.somethingWentWrong");
    toast(reason, "error");
    return reason;
  }
}

export const cancelOrder = (profileId: string, o: ProfileOrder, ticketId?: string) => change(profileId, "POST", `/orders/${seg(o.id)}/cancel`, { reason: "customer", ...(ticketId ? { ticketId } : {}) }, t("profile.store.cancelledOrderName", { name: o.name }));

export const setLineQuantity = (profileId: string, o: ProfileOrder, lineId: string, quantity: number, ticketId?: string) =>
  change(profileId, "PATCH", `/orders/${seg(o.id)}/lines/${seg(lineId)}`, { quantity, ...(ticketId ? { ticketId } : {}) }, t("profile.store.updatedOrderName", { name: o.name }));

export const skipSubscription = (profileId: string, s: ProfileSubscription, ticketId?: string) => change(profileId, "POST", `/subscriptions/${seg(s.id)}/skip`, ticketId ? { ticketId } : {}, t("profile.store.skippedNextCharge", { productTitle: s.productTitle }));

export const cancelSubscription = (profileId: string, s: ProfileSubscription, ticketId?: string) => change(profileId, "POST", `/subscriptions/${seg(s.id)}/cancel`, ticketId ? { ticketId } : {}, t("profile.store.cancelledSubscription", { productTitle: s.productTitle }));

export const setFrequency = (profileId: string, s: ProfileSubscription, interval: { every: number; unit: "day" | "week" | "month" }, ticketId?: string) =>
  change(profileId, "PATCH", `/subscriptions/${seg(s.id)}`, { frequency: interval, ...(ticketId ? { ticketId } : {}) }, t("profile.store.subscriptionShipsEvery", { productTitle: s.productTitle, interval: every(interval.every, interval.unit) }));

// ---- the profile page's timeline -------------------------------------------------------------

export interface TimelineState {
  profileId: string;
  metrics: string[];
  filterId: string | null;
  items: ProfileEvent[];
  nextCursor: string | null;
  allMetrics: string[];
  loading: boolean;
}

export const timeline = signal<TimelineState | null>(null);
export const savedFilters = signal<EventFilter[]>([]);
export const profileTickets = signal<ProfileTicket[]>([]);

export async function loadTimeline(profileId: string, opts: { metrics?: string[]; filterId?: string | null; more?: boolean } = {}): Promise<void> {
  const prev = timeline.value?.profileId === profileId ? timeline.value : null;
  const metrics = opts.more ? (prev?.metrics ?? []) : (opts.metrics ?? []);
  const filterId = opts.more ? (prev?.filterId ?? null) : (opts.filterId ?? null);
  const cursor = opts.more ? prev?.nextCursor : null;
  timeline.value = { profileId, metrics, filterId, items: opts.more ? (prev?.items ?? []) : [], nextCursor: null, allMetrics: prev?.allMetrics ?? [], loading: true };
  try {
    const res = await api.request<{ items: ProfileEvent[]; nextCursor: string | null; metrics: string[] }>("GET", `/profiles/${seg(profileId)}/events`, undefined, {
      metric: filterId ? undefined : metrics.join(","),
      filterId: filterId ?? undefined,
      cursor: cursor ?? undefined,
      limit: 50,
    });
    timeline.value = { profileId, metrics, filterId, items: [...(timeline.value?.items ?? []), ...res.items], nextCursor: res.nextCursor, allMetrics: res.metrics, loading: false };
  } catch (err) {
    toast(err instanceof ApiError ? err.message : t("profile.store.couldNotLoadTimeline"), "error");
    if (timeline.value) timeline.value = { ...timeline.value, loading: false };
  }
}

export async function loadSavedFilters(): Promise<void> {
  savedFilters.value = (await api.request<{ items: EventFilter[] }>("GET", "/profile-event-filters")).items;
}

export async function saveFilter(name: string, metrics: string[]): Promise<string | null> {
  try {
    await api.request("POST", "/profile-event-filters", { name, metrics });
    await loadSavedFilters();
    toast(t("profile.store.savedFilterName", { name }));
    return null;
  } catch (err) {
    return err instanceof ApiError ? err.message : t("profile.store.couldNotSaveFilter");
  }
}

export async function deleteFilter(id: string): Promise<void> {
  await api.request("DELETE", `/profile-event-filters/${seg(id)}`);
  await loadSavedFilters();
}

export async function loadProfileTickets(profileId: string): Promise<void> {
  profileTickets.value = (await api.request<{ items: ProfileTicket[] }>("GET", `/profiles/${seg(profileId)}/tickets`)).items;
}

export async function mergeInto(profileId: string, otherId: string): Promise<string | null> {
  try {
    await api.request("POST", `/profiles/${seg(profileId)}/merge`, { profileId: otherId });
    toast(t("profile.store.profilesMerged"));
    await Promise.all([loadCustomer(profileId), loadTimeline(profileId), loadProfileTickets(profileId)]);
    return null;
  } catch (err) {
    return err instanceof ApiError ? err.message : t("profile.store.couldNotMerge");
  }
}
