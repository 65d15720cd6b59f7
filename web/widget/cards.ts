// Rich cards on AI messages: order, product, coupon, loyalty, subscription, and the handoff / email-request cards.
import { fill, T } from "./i18n.ts";
import { ApiError } from "./client.ts";
import { el, safeUrl } from "./dom.ts";
import type { Card } from "../../src/schemas/ticket.ts";

export interface CardContext {
  handoff(email?: string): Promise<unknown>;
  handedOff(): boolean;
  rate(score: number, comment?: string): Promise<void>;
  rated(): number | null;
  knownEmail(): string | undefined;
  send(text: string): void;
  announce(text: string): void;
}

type Value = NonNullable<Card["data"]>[string];

/** A card kind's label in the shopper's language (read when a card is drawn: the strings are set at boot). */
function kindLabel(type: string): string | undefined {
  return ({ order: T.order, product: T.product, coupon: T.coupon, loyalty: T.rewards, subscription: T.subscription } as Record<string, string>)[type];
}
const IMAGE_KEYS = ["image", "imageUrl", "image_url", "img", "thumbnail"];
const HIDDEN_KEYS = new Set([...IMAGE_KEYS, "url", "title", "name", "currency", "id", "emailRequired", "requiresEmail", "needsEmail", "items", "lineItems", "code", "description", "handle", "productId", "email"]);
/** Per card type (src/agent/cards.ts): keys shown elsewhere on the card or meant for the agent, not the shopper. */
const HIDDEN_BY_TYPE: Record<string, string[]> = {
  order: ["number", "orderNumber", "canEdit"],
  product: ["price", "available"],
  coupon: ["personal"],
};
/** Friendlier labels than the humanized key. */
function fieldLabel(key: string): string | undefined {
  return ({ statusLabel: T.status, placedOn: T.placed, expectedOn: T.expected, deliveredOn: T.delivered, expiresOn: T.expires, nextChargeOn: T.nextCharge, redeemable: T.redeemFor, every: T.every } as Record<string, string>)[key];
}
const MONEY_KEY = /price|total|amount|subtotal|value|balance_?usd|fee/i;

export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function formatValue(key: string, v: Value, currency: string | undefined): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "boolean") return v ? T.yes : T.no;
  if (typeof v === "number") {
    if (/(number|id|code|zip|year)$/i.test(key)) return String(v);
    if (MONEY_KEY.test(key) && currency) {
      try {
        return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(v);
      } catch {
        return String(v);
      }
    }
    return new Intl.NumberFormat().format(v);
  }
  if (typeof v === "string") {
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v)) {
      const d = new Date(v);
      // A bare date means that calendar day everywhere, so it is shown in UTC, not shifted by the shopper's zone.
      if (!Number.isNaN(d.getTime())) return d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric", ...(v.length === 10 ? { timeZone: "UTC" } : {}) });
    }
    return v;
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => (x !== null && typeof x === "object" ? Object.values(x).join(" ") : x === null ? "" : String(x))).filter(Boolean);
    return parts.length ? parts.join(", ") : null;
  }
  const parts = Object.entries(v).map(([k, x]) => `${humanize(k)}: ${Array.isArray(x) ? x.join(", ") : String(x)}`);
  return parts.length ? parts.join("; ") : null;
}

function lineItems(v: Value | undefined): HTMLElement | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const ul = el("ul");
  for (const item of v) {
    let text: string;
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      const r = item as Record<string, unknown>;
      const label = String(r.title ?? r.name ?? r.sku ?? "Item");
      const qty = typeof r.quantity === "number" ? `${r.quantity} × ` : "";
      const variant = r.variant ? ` (${String(r.variant)})` : "";
      text = `${qty}${label}${variant}`;
    } else text = String(item);
    ul.append(el("li", {}, text));
  }
  return ul;
}

function imageOf(data: Card["data"]): string | null {
  if (!data) return null;
  for (const k of IMAGE_KEYS) {
    const v = data[k];
    if (typeof v === "string") {
      const url = safeUrl(v);
      if (url) return url;
    }
  }
  return null;
}

function defaultTitle(card: Card): string {
  const d = card.data ?? {};
  if (card.type === "order") {
    const n = d.number ?? d.orderNumber ?? d.name;
    return n !== undefined && n !== null ? fill(T.orderNumber, { n: String(n).replace(/^#/, "") }) : T.yourOrder;
  }
  const t = d.title ?? d.name;
  return typeof t === "string" ? t : (kindLabel(card.type) ?? humanize(card.type));
}

function fieldsOf(card: Card): HTMLElement | null {
  const data = card.data ?? {};
  const currency = typeof data.currency === "string" ? data.currency : undefined;
  const hidden = HIDDEN_BY_TYPE[card.type] ?? [];
  const dl = el("dl");
  for (const [k, v] of Object.entries(data)) {
    if (HIDDEN_KEYS.has(k) || hidden.includes(k)) continue;
    // A status id ("in_transit") gives way to its label ("In transit").
    if (k === "status" && typeof data.statusLabel === "string") continue;
    const raw = formatValue(k, v, currency);
    if (raw === null) continue;
    // Status ids ("active", "on_hold") read as words.
    const text = k === "status" && /^[a-z_]+$/.test(raw) ? humanize(raw) : raw;
    dl.append(el("dt", {}, fieldLabel(k) ?? humanize(k)), el("dd", {}, text));
  }
  return dl.childElementCount ? dl : null;
}

/** The product's price (already formatted by the server, or a number with `currency`) and stock, under its title. */
function priceLine(data: NonNullable<Card["data"]>): HTMLElement | null {
  const currency = typeof data.currency === "string" ? data.currency : undefined;
  const price = data.price === undefined ? null : formatValue("price", data.price, currency);
  const soldOut = data.available === false;
  if (!price && !soldOut) return null;
  return el("div", { class: "price-line" }, price && el("span", { class: "price" }, price), soldOut && el("span", { class: "stock" }, T.outOfStock));
}

function hint(text: string, kind: "err" | "ok" | "" = ""): HTMLElement {
  return el("div", { class: `hint ${kind}`.trim(), role: kind === "err" ? "alert" : "status" }, text);
}

/** "Yes, connect me with an agent", asking for an email first when the shopper is anonymous and one is needed. */
function handoffControls(ctx: CardContext, askEmailFirst: boolean, label = T.connectAgent): HTMLElement {
  const box = el("div");
  const done = () => {
    box.replaceChildren(hint(T.connected, "ok"));
  };
  if (ctx.handedOff()) {
    done();
    return box;
  }
  const run = async (button: HTMLButtonElement, email?: string) => {
    button.disabled = true;
    box.querySelector(".hint")?.remove();
    try {
      await ctx.handoff(email);
      done();
      ctx.announce(T.connecting);
    } catch (err) {
      button.disabled = false;
      if (err instanceof ApiError && !email && (err.code === "email_required" || err.issues.some((i) => i.path.includes("email")))) {
        showEmail(err.message && err.code === "email_required" ? err.message : undefined);
        return;
      }
      const why = hint(err instanceof ApiError && err.status === 400 ? err.message : T.connectFailed, "err");
      box.append(why);
      why.scrollIntoView?.({ block: "nearest" });
    }
  };
  const showEmail = (why?: string) => {
    box.replaceChildren(emailForm(ctx, why ?? T.leaveEmail, (email, button) => run(button, email)));
    box.querySelector("input")?.focus({ preventScroll: true });
    // The whole form, "Connect me" included, comes into view (focus alone stops at the input).
    (box.closest(".card") ?? box).scrollIntoView?.({ block: "nearest" });
  };
  const button = el("button", { class: "primary", type: "button" }, label);
  button.addEventListener("click", () => {
    if (askEmailFirst && !ctx.knownEmail()) showEmail();
    else void run(button);
  });
  box.append(el("div", { class: "actions" }, button));
  return box;
}

function emailForm(ctx: CardContext, why: string, submit: (email: string, button: HTMLButtonElement) => Promise<void>): HTMLElement {
  const id = `ed-email-${Math.random().toString(36).slice(2, 8)}`;
  const input = el("input", { id, type: "email", name: "email", autocomplete: "email", required: "", placeholder: "you@example.com" });
  input.value = ctx.knownEmail() ?? "";
  const button = el("button", { class: "primary", type: "submit" }, T.connectMe);
  const form = el("form", { class: "email", novalidate: "" }, el("label", { for: id }, why), input, el("div", { class: "actions" }, button));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    ev.stopPropagation();
    const email = input.value.trim();
    form.querySelector(".hint")?.remove();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      input.setAttribute("aria-invalid", "true");
      const why = hint(T.validEmail, "err");
      form.append(why);
      input.focus({ preventScroll: true });
      // The message sits under the input: bring it into view, not only the field.
      why.scrollIntoView?.({ block: "nearest" });
      return;
    }
    input.removeAttribute("aria-invalid");
    void submit(email, button);
  });
  return form;
}

function actionsOf(card: Card, ctx: CardContext): HTMLElement | null {
  if (!card.actions?.length) return null;
  const row = el("div", { class: "actions" });
  card.actions.forEach((a, i) => {
    const cls = i === 0 ? "primary" : "secondary";
    const url = a.url ? safeUrl(a.url) : null;
    // A link that is not http(s) is dropped, never turned into something clickable.
    if (a.url && !url) return;
    if (url) {
      row.append(el("a", { class: cls, href: url, target: "_blank", rel: "noopener noreferrer" }, a.label));
    } else if (a.action === "copy_code") {
      // The code box has its own Copy button; saying "Copy code" to the agent would copy nothing.
      return;
    } else if (a.action === "handoff") {
      row.append(handoffControls(ctx, false, a.label));
    } else {
      // An action without a link is a quick reply: the shopper says it.
      const b = el("button", { class: cls, type: "button" }, a.label);
      b.addEventListener("click", () => ctx.send(a.label));
      row.append(b);
    }
  });
  return row.childElementCount ? row : null;
}

export function renderCard(card: Card, ctx: CardContext): HTMLElement {
  const data = card.data ?? {};
  const body = el("div", { class: "card-body" });
  const wrap = el("div", { class: `card card-${card.type.replace(/[^a-z0-9_-]/gi, "")}` });
  const needsEmail = data.emailRequired === true || data.requiresEmail === true || data.needsEmail === true;

  if (card.type === "handoff_offer") {
    body.append(el("div", { class: "card-title" }, card.title ?? "Want to talk to a person?"));
    if (typeof data.text === "string") body.append(el("div", { class: "hint" }, data.text));
    body.append(handoffControls(ctx, needsEmail));
    wrap.append(body);
    return wrap;
  }
  if (card.type === "csat") {
    body.append(el("div", { class: "card-title" }, card.title ?? "How did we do?"), csatControls(ctx));
    wrap.append(body);
    return wrap;
  }
  if (card.type === "email_request") {
    body.append(el("div", { class: "card-title" }, card.title ?? "Where can we reach you?"));
    const box = el("div");
    if (ctx.handedOff()) box.append(hint(T.thanksDetails));
    else
      box.append(
        emailForm(ctx, typeof data.text === "string" ? data.text : T.emailFollowUp, async (email, button) => {
          button.disabled = true;
          try {
            await ctx.handoff(email);
            box.replaceChildren(hint(T.thanksReply, "ok"));
            ctx.announce(T.emailSent);
          } catch (err) {
            button.disabled = false;
            box.append(hint(err instanceof ApiError && err.status === 400 ? err.message : T.failedRetry, "err"));
          }
        }),
      );
    body.append(box);
    wrap.append(body);
    return wrap;
  }

  const image = card.type === "product" ? imageOf(data) : null;
  if (image) {
    const img = el("img", { src: image, alt: card.title ?? defaultTitle(card), loading: "lazy" });
    // A missing picture is left out rather than shown as a broken image.
    img.addEventListener("error", () => img.remove());
    wrap.append(img);
  }
  const code = card.type === "coupon" && typeof data.code === "string" ? data.code : null;
  // A coupon titled with its own code reads better under its description, with the code in the box below.
  const describedCoupon = code !== null && (!card.title || card.title === code) && typeof data.description === "string";
  body.append(el("div", { class: "card-kind" }, kindLabel(card.type) ?? humanize(card.type), code && data.personal === true && el("span", { class: "tag" }, T.justForYou)));
  body.append(el("div", { class: "card-title" }, describedCoupon ? String(data.description) : (card.title ?? defaultTitle(card))));
  if (card.type === "product") {
    const line = priceLine(data);
    if (line) body.append(line);
  }
  if (code !== null) {
    const copy = el("button", { type: "button", "aria-label": `${T.copy} ${code}` }, T.copy);
    copy.addEventListener("click", () => {
      void navigator.clipboard?.writeText(code).then(
        () => {
          copy.textContent = T.copied;
          ctx.announce(`Code ${code} copied`);
        },
        () => undefined,
      );
    });
    body.append(el("div", { class: "code" }, el("span", {}, code), copy));
  }
  if (typeof data.description === "string" && !describedCoupon) body.append(el("div", { class: "hint" }, data.description));
  const fields = fieldsOf(card);
  if (fields) body.append(fields);
  const items = lineItems(data.items ?? data.lineItems);
  if (items) body.append(items);
  const actions = actionsOf(card, ctx);
  if (actions) body.append(actions);
  wrap.append(body);
  return wrap;
}

/** The satisfaction survey: five buttons, then an optional comment; "Thanks" once answered. */
function csatControls(ctx: CardContext): HTMLElement {
  const box = el("div", { class: "csat" });
  const thanks = (score: number) => box.replaceChildren(hint(`✓ Thanks for rating us ${score}/5!`, "ok"));
  const done = ctx.rated();
  if (done !== null) {
    thanks(done);
    return box;
  }
  const row = el("div", { class: "csat-scores", role: "group", "aria-label": "Rate from 1 (poor) to 5 (great)" });
  const comment = el("textarea", { class: "csat-comment", maxlength: "1000", placeholder: "Anything to add? (optional)", "aria-label": "Comment (optional)" }) as HTMLTextAreaElement;
  const submit = (score: number, button: HTMLButtonElement) => async () => {
    button.disabled = true;
    try {
      await ctx.rate(score, comment.value.trim() || undefined);
      thanks(score);
      ctx.announce(`Rated ${score} out of 5`);
    } catch (err) {
      button.disabled = false;
      if (err instanceof ApiError && err.status === 409) box.replaceChildren(hint(err.message, "ok"));
      else box.append(hint("That didn't go through. Please try again.", "err"));
    }
  };
  for (let n = 1; n <= 5; n++) {
    const b = el("button", { type: "button", class: "csat-score", "aria-label": `${n} out of 5` }, String(n)) as HTMLButtonElement;
    b.addEventListener("click", submit(n, b));
    row.append(b);
  }
  box.append(row, comment);
  return box;
}
