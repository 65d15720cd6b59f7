// Entry of the embeddable chat widget: reads its <script> tag, wires the client to the view, exposes window.Edgedesk.
import { ChatClient } from "./client.ts";
import { openFollowUpLink } from "./followUpLink.ts";
import type { Visitor } from "../../src/schemas/chat.ts";
import { request } from "./transport.ts";
import { isRtl, pickLanguage, stringsFor, useStrings } from "./i18n.ts";
import { WidgetView } from "./ui.ts";

type Call = [string, ...unknown[]];

export interface EdgedeskApi {
  identify(visitor: Visitor): void;
  open(): void;
  close(): void;
  toggle(): void;
  /** Forget the conversation on this browser (e.g. when the shopper logs out). */
  reset(): void;
  q: Call[];
  loaded: true;
}

declare global {
  interface Window {
    Edgedesk?: Partial<EdgedeskApi> & { q?: unknown[] };
  }
}

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.account) return current;
  // Fallback for loaders that inject the tag without currentScript.
  const candidates = document.querySelectorAll<HTMLScriptElement>("script[data-account][src*='widget']");
  return candidates[candidates.length - 1] ?? null;
}

function asCall(entry: unknown): Call | null {
  // Queue entries are `[method, ...args]` or an `arguments` object from a stub function.
  const arr = Array.isArray(entry) ? entry : entry && typeof entry === "object" && "length" in entry ? Array.from(entry as ArrayLike<unknown>) : null;
  return arr && typeof arr[0] === "string" ? (arr as Call) : null;
}

function visitorFrom(v: unknown): Visitor {
  if (!v || typeof v !== "object") return {};
  const r = v as Record<string, unknown>;
  const out: Visitor = {};
  for (const k of ["email", "name", "externalId", "identityHash"] as const) {
    const x = r[k];
    if (typeof x === "string" && x.trim()) out[k] = x.trim();
  }
  return out;
}

function parseJson(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    console.warn("[edgedesk] data-strings is not JSON");
    return null;
  }
}

function boot(): void {
  if (window.Edgedesk?.loaded) return;
  const script = ownScript();
  const accountId = script?.dataset.account;
  if (!script || !accountId) {
    console.warn("[edgedesk] widget.js needs data-account on its <script> tag");
    return;
  }
  const src = script.src || location.href;
  const apiBase = (script.dataset.api ?? new URL(".", src).href).replace(/\/+$/, "");

  let view: WidgetView | null = null;
  const client = new ChatClient(apiBase, accountId, {
    change: () => view?.render(),
    incoming: (m) => view?.incoming(m),
    notice: (text) => view?.announce(text),
  });
  const d = script.dataset;
  client.identify(visitorFrom({ email: d.email, name: d.name, externalId: d.externalId, identityHash: d.identityHash }));

  // The shopper's language: the shop's data-lang, else the page's, else the browser's; the shop may reword any string.
  const wanted = [d.lang, document.documentElement.lang, ...(navigator.languages ?? [navigator.language])];
  const strings = stringsFor(pickLanguage(wanted), parseJson(d.strings));
  useStrings(strings);
  view = new WidgetView(client, {
    title: d.title ?? strings.title,
    subtitle: d.subtitle ?? strings.subtitle,
    subtitleAway: d.subtitleAway,
    greeting: d.greeting ?? strings.greeting,
    rtl: isRtl(wanted),
    accent: d.color && /^#[0-9a-f]{3,8}$/i.test(d.color) ? d.color : null,
    openKey: `edgedesk:open:${accountId}`,
  });
  const v = view;
  // Settings → Widget: the look the shop chose in the dashboard; the script tag's own data-* attributes win.
  void request<{ color: string | null; title: string | null; subtitle: string | null; greeting: string | null; position: "left" | "right" }>(apiBase, "GET", `/api/chat/accounts/${encodeURIComponent(accountId)}/widget`)
    .then((look) => v.applyLook({ title: d.title ? null : look.title, subtitle: d.subtitle ? null : look.subtitle, greeting: d.greeting ? null : look.greeting, accent: d.color ? null : look.color, position: d.position === "left" || d.position === "right" ? d.position : look.position }))
    .catch(() => undefined);

  const queued = window.Edgedesk?.q ?? [];
  const api: EdgedeskApi = {
    identify: (visitor) => client.identify(visitorFrom(visitor)),
    open: () => v.open(),
    close: () => v.close(),
    toggle: () => v.toggle(),
    reset: () => client.reset(),
    q: [],
    loaded: true,
  };
  // Calls made before the script loaded are replayed in order (identify first matters for a fresh conversation).
  for (const entry of queued) {
    const call = asCall(entry);
    if (!call) continue;
    const [method, ...args] = call;
    if (method === "identify") api.identify(visitorFrom(args[0]));
    else if (method === "reset") api.reset();
    else if (method === "open" || method === "close" || method === "toggle") queueMicrotask(() => api[method]());
  }
  window.Edgedesk = api;

  const start = () => {
    v.mount();
    client.resume();
    void client.checkAvailability();
    void openFollowUpLink(client, (text) => v.notify(text));
  };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });
}

boot();
