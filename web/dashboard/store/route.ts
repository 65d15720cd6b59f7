// The route (view, ticket, page) read from the URL hash; store.ts applies its changes, since that loads the list and the ticket.
import { signal } from "@preact/signals";

export type BuiltInView = "mine" | "all" | "unassigned" | "spam" | "breaching" | "breached" | "ai";
export type ViewKey = BuiltInView | `saved:${string}`;

export interface Route {
  view: ViewKey;
  ticketId: string | null;
  /** A full-width page instead of the ticket list (components/pages/); `sub` is its tab or item. */
  page?: PageKey;
  sub?: string | null;
}

const BUILT_IN: readonly BuiltInView[] = ["mine", "unassigned", "all", "spam", "breaching", "breached", "ai"];
export const PAGES = ["reports", "skills", "settings", "profile"] as const;
export type PageKey = (typeof PAGES)[number];

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (PAGES.includes(parts[0] as PageKey)) return { view: "mine", ticketId: null, page: parts[0] as PageKey, sub: parts[1] ?? null };
  if (parts[0] === "saved" && parts[1]) return { view: `saved:${parts[1]}`, ticketId: parts[2] ?? null };
  const v = parts[0] as BuiltInView | undefined;
  return { view: v && BUILT_IN.includes(v) ? v : "mine", ticketId: parts[1] ?? null };
}

export function hrefOf(r: Route): string {
  if (r.page) return `#/${r.page}${r.sub ? `/${encodeURIComponent(r.sub)}` : ""}`;
  const view = r.view.startsWith("saved:") ? `saved/${encodeURIComponent(r.view.slice(6))}` : r.view;
  return `#/${view}${r.ticketId ? `/${encodeURIComponent(r.ticketId)}` : ""}`;
}

export const route = signal<Route>(parseHash(location.hash));
