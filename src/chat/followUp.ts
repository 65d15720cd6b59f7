// The web-chat follow-up email (docs/realtime.md "Follow-up email"): a reply the shopper's widget did not receive —
// it reached the conversation while no widget socket was open — goes to the shopper by email 3 minutes later, with a
// link back to the conversation. Once per conversation, only to a shopper who gave an email, and not when a widget
// reconnected in the meantime (it replays what it missed). Kept in the actor's storage, so a restart changes nothing.
// The link carries a single-use resume token (src/chat/resume.ts), so it also opens the chat on another device.
import type { AccountSettings } from "../accounts/settings.ts";
import { channelSenders } from "../channels/outbound.ts";
import type { MessageRecord } from "../tickets/model.ts";
import { before, type TicketHost } from "../tickets/host.ts";
import { originAllowed } from "./origins.ts";
import { REOPEN_PARAM, RESUME_PARAM } from "../schemas/chatIds.ts";
import { redeemResumeToken, resumeLink } from "./resume.ts";
import type { ResumeInput, ResumeResult } from "../tickets/rpc.ts";

export const FOLLOW_UP_JOB = "chat_follow_up";
export const FOLLOW_UP_DELAY_MS = 3 * 60_000;

const CONNECTED = "followup:connected";
const PAGE = "followup:page";
const PAGE_ORIGIN = "followup:origin";
const FIRST_UNSEEN = "followup:first";
const SENT = "followup:sent";

export class ChatFollowUp {
  constructor(
    private readonly host: TicketHost,
    private readonly settings: (accountId: string) => Promise<AccountSettings | null>,
  ) {}

  /** A widget connected: the shopper is back (nothing waits any more), and the page it runs on is noted. */
  connected(request: Request): void {
    const store = this.host.store;
    store.set(CONNECTED, "1");
    const page = pageUrl(new URL(request.url).searchParams.get("page"));
    if (page) {
      store.set(PAGE, page);
      // The browser's own Origin header on the upgrade: a page claimed from another site is not trusted.
      store.set(PAGE_ORIGIN, request.headers.get("Origin") ?? "");
    }
    store.delete(FIRST_UNSEEN);
    store.unschedule(FOLLOW_UP_JOB);
  }

  /**
   * A message reached the conversation and `listening` widget sockets: an agent's reply nobody was there for waits.
   * Only a person's replies: the AI agent answers a message the shopper just sent, over the socket or in the HTTP answer.
   */
  delivered(m: MessageRecord, listening: number): void {
    const store = this.host.store;
    if (listening > 0 || m.internal || m.author !== "agent") return;
    const t = this.host.ticket();
    if (t.channel !== "webchat" || store.get(CONNECTED) === null || store.get(SENT) !== null || store.get(FIRST_UNSEEN) !== null) return;
    store.set(FIRST_UNSEEN, m.id);
    store.schedule(FOLLOW_UP_JOB, this.host.seams().clock.now() + FOLLOW_UP_DELAY_MS);
  }

  /** The alarm: sends the email when its time has come (an early alarm leaves the job in place). */
  async due(): Promise<void> {
    const store = this.host.store;
    const at = store.dueAt(FOLLOW_UP_JOB);
    if (at !== null && at > this.host.seams().clock.now()) return;
    store.unschedule(FOLLOW_UP_JOB);
    const first = store.get(FIRST_UNSEEN);
    store.delete(FIRST_UNSEEN);
    if (!first || store.get(SENT) !== null) return;
    const t = this.host.ticket();
    const email = t.customer.email;
    if (!email || t.erasedAt) return;
    const start = this.host.thread.find(first);
    if (!start) return;
    const replies = this.host.thread.after({ afterSeq: start.seq - 1, limit: 20, includeInternal: false }).filter((m) => m.author === "agent");
    if (replies.length === 0) return;
    const settings = await this.settings(t.accountId);
    const link = await this.link(settings, t.accountId, t.id);
    const senders = await channelSenders(this.host.env, t.accountId, this.host.seams().integrations).catch(() => ({}) as Awaited<ReturnType<typeof channelSenders>>);
    // At most once per conversation, whatever the outcome (marked before the send: a restart mid-send sends nothing twice).
    store.set(SENT, "1");
    let note: string;
    if (!senders.email) note = `Follow-up email not sent to ${email}: no email sender is connected (Postmark).`;
    else {
      const body = [...replies.map((m) => m.body), link ? `Continue the conversation: ${link}` : "Reply in the chat on our site to continue the conversation."].join("\n\n");
      try {
        await senders.email.send({ channel: "email", to: email, subject: "A reply to your chat with us", body });
        note = `Follow-up email sent to ${email}.`;
      } catch (err) {
        // One attempt: a follow-up is a courtesy, and a retry could send it twice.
        note = `Follow-up email to ${email} failed: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    const previous = before(t);
    await this.host.commit(previous, [this.host.append({ author: "system", body: note, internal: true })]);
  }

  /** The link's resume token comes back from another device: exchanged at most once (src/chat/resume.ts). */
  resume(input: ResumeInput): ResumeResult {
    return redeemResumeToken(this.host, input);
  }

  /** The page the widget was opened on with the conversation and a resume token, when it is from a site allowed to embed it. */
  private async link(settings: AccountSettings | null, accountId: string, conversationId: string): Promise<string | null> {
    const allowed = settings?.widget?.allowedOrigins ?? [];
    const page = this.host.store.get(PAGE);
    const origin = this.host.store.get(PAGE_ORIGIN);
    const trusted = page && (allowed.length > 0 ? originAllowed(new URL(page).origin, allowed) : origin === new URL(page).origin);
    // Else the account's site: the first exact origin it lets embed the widget.
    const base = trusted ? page : allowed.find((o) => !o.includes("*"));
    if (!base) return null;
    return resumeLink(this.host.env, base, accountId, conversationId, this.host.seams().clock.now());
  }
}

/** An http(s) address of reasonable length, without a fragment; null otherwise. */
export function pageUrl(raw: string | null): string | null {
  if (!raw || raw.length > 2000) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    url.hash = "";
    url.searchParams.delete(REOPEN_PARAM);
    // A token the widget exchanged (or could not) never goes into the next link.
    url.searchParams.delete(RESUME_PARAM);
    return url.href;
  } catch {
    return null;
  }
}
