// The widget's DOM inside a closed shadow root: launcher, chat panel, keyed message log, composer, announcements.
import { fill, T } from "./i18n.ts";
import { AttachmentTray, attachmentList } from "./attachments.ts";
import { renderCard, type CardContext } from "./cards.ts";
import type { ChatClient, Item, Pending } from "./client.ts";
import { el, icon, linkified } from "./dom.ts";
import type { MessageView as Message } from "../../src/schemas/ticket.ts";
import { css } from "./styles.ts";
import { REOPEN_PARAM } from "../../src/schemas/chatIds.ts";

export interface ViewOptions {
  title: string;
  subtitle: string;
  /** Shown instead of `subtitle` while no one from the team is online (data-subtitle-away). */
  subtitleAway?: string | undefined;
  /** Right-to-left page language: the panel mirrors. */
  rtl?: boolean;
  greeting: string;
  accent: string | null;
  openKey: string;
}

const CHAT_ICON = ["M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z"];
const CLOSE_ICON = ["M6 6l12 12", "M18 6 6 18"];
const SEND_ICON = ["M5 12h13", "M12 5l7 7-7 7"];
const DOWN_ICON = ["M6 9l6 6 6-6"];

function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}

export class WidgetView {
  readonly host: HTMLElement;
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly panel: HTMLElement;
  private readonly subtitle: HTMLSpanElement;
  private readonly dot: HTMLSpanElement;
  private readonly banner: HTMLDivElement;
  /** Why a follow-up link did not bring its conversation here; gone once another conversation starts. */
  private readonly linkNotice: HTMLDivElement;
  private linkNoticeFor: string | null = null;
  private readonly log: HTMLOListElement;
  private readonly typing: HTMLDivElement;
  private readonly typingText: HTMLSpanElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly tray: AttachmentTray;
  private readonly ended: HTMLDivElement;
  private readonly live: HTMLDivElement;
  private readonly rows = new Map<string, HTMLElement>();
  private readonly greetingRow: HTMLElement;
  private readonly titleEl: HTMLHeadingElement;
  private unread = 0;
  private isOpen = false;

  constructor(
    private readonly client: ChatClient,
    private readonly opts: ViewOptions,
  ) {
    this.host = document.createElement("edgedesk-chat");
    this.host.setAttribute("data-edgedesk", "");
    const shadow = this.host.attachShadow({ mode: "closed" });
    if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet !== "undefined" && "replaceSync" in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.append(el("style", {}, css));
    }

    this.badge = el("span", { class: "badge", hidden: "", "aria-hidden": "true" });
    this.launcher = el("button", { class: "launcher", type: "button", "aria-label": T.openChat, "aria-expanded": "false", "aria-controls": "ed-panel", "aria-haspopup": "dialog" }, icon(CHAT_ICON), this.badge);
    this.launcher.addEventListener("click", () => this.toggle());

    this.dot = el("span", { class: "dot" });
    this.subtitle = el("span", {}, opts.subtitle);
    const close = el("button", { class: "close", type: "button", "aria-label": T.closeChat }, icon(DOWN_ICON));
    close.addEventListener("click", () => this.close());
    this.titleEl = el("h2", { class: "title", id: "ed-title" }, opts.title);
    const header = el("header", {}, el("div", { class: "heading" }, this.titleEl, el("div", { class: "subtitle" }, this.dot, this.subtitle)), close);

    this.banner = el("div", { class: "banner", role: "status", hidden: "" }, T.reconnecting);
    this.linkNotice = el("div", { class: "link-notice", role: "status", hidden: "" });
    this.log = el("ol", { class: "log", role: "log", "aria-live": "off", "aria-label": T.conversation, tabindex: "0" });
    this.greetingRow = this.messageRow({ author: "system-greeting", body: opts.greeting });
    this.typingText = el("span");
    this.typing = el("div", { class: "typing", hidden: "", "aria-hidden": "true" }, el("span", { class: "dots" }, el("i"), el("i"), el("i")), this.typingText);

    this.input = el("textarea", { id: "ed-input", rows: "1", placeholder: T.placeholder, autocomplete: "off", maxlength: "5000", enterkeyhint: "send" });
    this.sendButton = el("button", { class: "send", type: "submit", "aria-label": T.send, disabled: "" }, icon(SEND_ICON));
    this.tray = new AttachmentTray(client, () => this.updateSendButton());
    this.composer = el("form", { class: "composer" }, this.tray.button, el("label", { class: "sr-only", for: "ed-input" }, T.message), this.input, this.sendButton);
    this.composer.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.submit();
    });
    this.input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener("input", () => {
      this.autosize();
      this.updateSendButton();
      if (this.input.value.trim()) this.client.typing();
    });

    const restart = el("button", { class: "primary", type: "button" }, T.newConversation);
    restart.addEventListener("click", () => {
      this.client.reset();
      this.input.focus();
    });
    this.ended = el("div", { class: "ended", hidden: "" }, el("div", {}, T.ended), restart);

    this.panel = el("section", { class: "panel", id: "ed-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "ed-title", hidden: "" }, header, this.banner, this.linkNotice, this.log, this.typing, this.tray.element, this.composer, this.ended);
    this.tray.watch(this.panel, this.input);
    this.live = el("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
    this.root = el("div", { class: "root", dir: opts.rtl ? "rtl" : "ltr" }, this.panel, this.launcher, this.live);
    this.root.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && this.isOpen) {
        ev.stopPropagation();
        this.close();
      }
    });
    if (opts.accent) this.root.style.setProperty("--accent", opts.accent);
    shadow.append(this.root);
  }

  /** The shop's look from Settings → Widget (GET /api/chat/accounts/:id/widget), for what the script tag left unsaid. */
  applyLook(look: { title?: string | null; subtitle?: string | null; greeting?: string | null; accent?: string | null; position?: "left" | "right" | null }): void {
    if (look.title) this.titleEl.textContent = look.title;
    if (look.subtitle) this.subtitle.textContent = look.subtitle;
    if (look.greeting) {
      const bubble = this.greetingRow.querySelector(".bubble");
      if (bubble) bubble.textContent = look.greeting;
    }
    if (look.accent && /^#[0-9a-f]{6}$/i.test(look.accent)) this.root.style.setProperty("--accent", look.accent);
    this.root.classList.toggle("left", look.position === "left");
  }

  mount(): void {
    (document.body ?? document.documentElement).append(this.host);
    this.render();
    let wasOpen = false;
    try {
      wasOpen = sessionStorage.getItem(this.opts.openKey) === "1";
    } catch {
      // storage blocked
    }
    // A follow-up email's link back carries ?edgedesk_chat=<conversation> (src/chat/followUp.ts): open the chat.
    if (wasOpen || new URLSearchParams(location.search).has(REOPEN_PARAM)) this.open(false);
  }

  /** A short line over the thread (a follow-up link that could not bring its conversation), until another conversation starts. */
  notify(text: string): void {
    this.linkNotice.textContent = text;
    this.linkNotice.hidden = false;
    this.linkNoticeFor = this.client.conversationId;
    this.announce(text);
  }

  open(focus = true): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.panel.hidden = false;
    this.root.classList.add("open");
    this.launcher.setAttribute("aria-expanded", "true");
    this.launcher.setAttribute("aria-label", T.closeChat);
    this.launcher.replaceChildren(icon(CLOSE_ICON), this.badge);
    this.unread = 0;
    this.renderBadge();
    this.remember(true);
    this.client.resume();
    this.scrollToEnd();
    if (focus) (this.client.closed ? (this.ended.querySelector("button") ?? this.input) : this.input).focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.panel.hidden = true;
    this.root.classList.remove("open");
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.setAttribute("aria-label", T.openChat);
    this.launcher.replaceChildren(icon(CHAT_ICON), this.badge);
    this.remember(false);
    this.launcher.focus();
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  /** A message from the team or the AI arrived live. */
  incoming(m: Message): void {
    this.announce(`${this.authorName(m)}: ${m.body.slice(0, 160)}`);
    if (!this.isOpen) {
      this.unread += 1;
      this.renderBadge();
    }
  }

  announce(text: string): void {
    // Clearing first makes screen readers read a repeated text again.
    this.live.textContent = "";
    setTimeout(() => {
      this.live.textContent = text;
    }, 30);
  }

  render(): void {
    const c = this.client;
    const nearEnd = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 60;
    const wanted: HTMLElement[] = [this.greetingRow];
    const keys = new Set<string>();
    let prev: Item | null = null;
    for (const item of c.items) {
      keys.add(item.key);
      let row = this.rows.get(item.key);
      if (!row) {
        row = this.itemRow(item, prev);
        this.rows.set(item.key, row);
      } else if (item.kind === "message" && item.message.author === "agent") {
        // The agent's name comes with the "joined" notice, which may arrive after their first message.
        const who = row.querySelector(".who");
        if (who) who.textContent = this.authorName(item.message);
      }
      wanted.push(row);
      prev = item;
    }
    for (const p of c.pending) {
      const key = `p:${p.clientMessageId}:${p.stalled ? 1 : 0}`;
      keys.add(key);
      let row = this.rows.get(key);
      if (!row) {
        row = this.pendingRow(p);
        this.rows.set(key, row);
      }
      wanted.push(row);
    }
    for (const [k, row] of this.rows) {
      if (!keys.has(k)) {
        row.remove();
        this.rows.delete(k);
      }
    }
    // Keyed reconcile: move or insert only what is out of place, so focus inside cards survives.
    let cursor: ChildNode | null = this.log.firstChild;
    for (const row of wanted) {
      if (row === cursor) cursor = cursor.nextSibling;
      else this.log.insertBefore(row, cursor);
    }
    while (cursor) {
      const next: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    if (nearEnd || c.pending.length > 0) this.scrollToEnd();

    const closed = c.closed;
    this.composer.hidden = closed;
    this.ended.hidden = !closed;
    this.banner.hidden = !(c.hasConversation && c.connection === "reconnecting");
    if (c.conversationId !== this.linkNoticeFor) this.linkNotice.hidden = true;
    // Nobody from the team online: say so instead of promising a reply in minutes.
    const away = c.availability !== null && !c.availability.teamOnline;
    this.dot.classList.toggle("off", closed || away || (c.hasConversation && c.connection === "reconnecting"));
    this.subtitle.textContent = closed ? T.endedShort : away ? (this.opts.subtitleAway ?? (c.availability?.assistant ? T.awayAssistant : T.awayTeam)) : this.opts.subtitle;
    this.typing.hidden = c.typingName === null || closed;
    this.typingText.textContent = c.typingName ? fill(T.typing, { name: c.typingName }) : "";
  }

  // ---- rows --------------------------------------------------------------------------------

  private itemRow(item: Item, prev: Item | null): HTMLElement {
    if (item.kind === "event") return el("li", { class: "notice", "data-key": item.key }, item.text);
    const m = item.message;
    const sameAuthor = prev?.kind === "message" && prev.message.author === m.author && prev.message.agentId === m.agentId;
    const row = this.messageRow(m, sameAuthor || m.author === "customer" ? null : this.authorName(m));
    row.dataset.id = m.id;
    if (m.cards?.length) {
      const ctx = this.cardContext();
      // Cards sit under the text they belong to, above the time; several products side by side in a scroller.
      const meta = row.querySelector(".meta");
      const products = m.cards.length > 1 && m.cards.every((c) => c.type === "product");
      const box = products ? el("div", { class: "scroller", role: "group", "aria-label": "Products", tabindex: "0" }) : null;
      for (const card of m.cards) (box ?? row).insertBefore(renderCard(card, ctx), box ? null : meta);
      if (box) row.insertBefore(box, meta);
    }
    return row;
  }

  private messageRow(m: Pick<Message, "body"> & Partial<Pick<Message, "attachments">> & { author: string; createdAt?: string }, who: string | null = null): HTMLElement {
    const row = el("li", { class: `row ${m.author === "system-greeting" ? "ai" : m.author}` });
    if (who) row.append(el("div", { class: "who" }, who));
    if (m.body) row.append(el("div", { class: "bubble" }, linkified(m.body)));
    const files = "attachments" in m && Array.isArray(m.attachments) ? attachmentList(m.attachments, this.client.apiBase) : null;
    if (files) row.append(files);
    if (m.createdAt) row.append(el("div", { class: "meta" }, el("time", { datetime: m.createdAt }, timeOf(m.createdAt))));
    return row;
  }

  private pendingRow(p: Pending): HTMLElement {
    const files = p.attachments?.length ? el("div", { class: "bubble" }, p.attachments.map((a) => a.name).join(", ")) : null;
    const row = el("li", { class: p.stalled ? "row customer pending stalled" : "row customer pending", "data-pending": p.clientMessageId }, p.text ? el("div", { class: "bubble" }, linkified(p.text)) : null, files);
    if (p.stalled) {
      const retry = el("button", { class: "retry", type: "button" }, T.retry);
      retry.addEventListener("click", () => this.client.retryPending());
      row.append(el("div", { class: "meta" }, T.notSent, retry));
    } else row.append(el("div", { class: "meta" }, T.sending));
    return row;
  }

  private authorName(m: Message): string {
    if (m.author === "ai") return T.assistant;
    if (m.author === "system") return this.opts.title;
    if (m.author === "customer") return T.you;
    for (const i of this.client.items) if (i.kind === "event" && i.agent && i.agent.id === m.agentId) return i.agent.name;
    return T.team;
  }

  private cardContext(): CardContext {
    return {
      handoff: (email) => this.client.handoff(email),
      rate: (score, comment) => this.client.rate(score, comment),
      rated: () => this.client.rated,
      handedOff: () => this.client.handedOff,
      knownEmail: () => this.client.knownEmail(),
      send: (text) => void this.client.send(text),
      announce: (text) => this.announce(text),
    };
  }

  // ---- bits --------------------------------------------------------------------------------

  private submit(): void {
    const text = this.input.value.trim();
    const files = this.tray.ready();
    if ((!text && files.length === 0) || this.tray.uploading() || this.client.closed) return;
    this.input.value = "";
    this.tray.clear();
    this.sendButton.disabled = true;
    this.autosize();
    void this.client.send(text, files);
    this.input.focus();
  }

  private updateSendButton(): void {
    this.sendButton.disabled = this.tray.uploading() || (this.input.value.trim() === "" && this.tray.ready().length === 0);
  }

  private autosize(): void {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 120)}px`;
  }

  private scrollToEnd(): void {
    requestAnimationFrame(() => {
      this.log.scrollTop = this.log.scrollHeight;
    });
  }

  private renderBadge(): void {
    this.badge.hidden = this.unread === 0;
    this.badge.textContent = this.unread > 9 ? "9+" : String(this.unread);
    this.launcher.setAttribute("aria-label", this.isOpen ? T.closeChat : this.unread ? fill(T.newMessages, { n: this.unread }) : T.openChat);
  }

  private remember(open: boolean): void {
    try {
      sessionStorage.setItem(this.opts.openKey, open ? "1" : "0");
    } catch {
      // storage blocked
    }
  }
}
