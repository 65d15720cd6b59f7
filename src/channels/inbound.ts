// Inbound customer messages on email, SMS, WhatsApp and Instagram: attach rules, exactly once.
import { and, eq } from "drizzle-orm";
import { getSettings } from "../accounts/settings.ts";
import { firstResponder } from "../agent/conversation.ts";
import { db } from "../db/client.ts";
import { channelThreads, inboundReceipts } from "../db/schema/index.ts";
import { consentAction, type ConsentAction } from "./consent.ts";
import { spamScore } from "./spam.ts";
import { decideAttach, normaliseSender, threadKeyFor } from "./attach.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { findOrCreateProfile, setConsent } from "../profiles/service.ts";
import { displayNameOf } from "./email.ts";
import type { Channel } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import type { CreateTicketInput, CustomerMessageInput, ReceiveResult } from "../tickets/rpc.ts";
import { keepInboundMedia, type InboundMedia } from "../files/inboundMedia.ts";

export type InboundChannel = Exclude<Channel, "webchat">;

export interface InboundMessage {
  accountId: string;
  channel: InboundChannel;
  from: string;
  text: string;
  providerMessageId: string;
  threadId?: string | null;
  name?: string | null;
  subject?: string | null;
  /** Files that came with the message: stored once, shown in the thread (src/files/inboundMedia.ts). */
  media?: InboundMedia[];
}

export interface InboundResult {
  /** null when the message was a consent keyword (STOP, START, HELP…) rather than a conversation. */
  ticketId: string | null;
  messageId: string | null;
  created: boolean;
  reopened: boolean;
  duplicate: boolean;
  consent?: ConsentAction;
  spam?: boolean;
}

/** Ids derived from the provider message id, so every retry of one message targets the same ticket and message. */
async function derivedIds(m: InboundMessage) {
  const h = await sha256Hex(`${m.accountId}|${m.channel}|${m.providerMessageId}`);
  return { ticketId: `tkt_${h.slice(0, 24)}`, messageId: `msg_${h.slice(24, 48)}` };
}

const MAX_ATTEMPTS = 8;

export async function receiveInbound(env: Env, m: InboundMessage): Promise<InboundResult> {
  const d = db(env.DB);
  const prior = await d
    .select()
    .from(inboundReceipts)
    .where(and(eq(inboundReceipts.accountId, m.accountId), eq(inboundReceipts.channel, m.channel), eq(inboundReceipts.providerMessageId, m.providerMessageId)))
    .limit(1);
  if (prior[0]) return { ticketId: prior[0].ticketId || null, messageId: prior[0].messageId || null, created: false, reopened: false, duplicate: true };

  if ((m.channel === "sms" || m.channel === "whatsapp") && consentAction(m.text)) {
    return recordConsent(env, m, consentAction(m.text) as ConsentAction);
  }
  const ids = await derivedIds(m);
  const name = m.name ?? (m.channel === "email" ? displayNameOf(m.from) : null);
  const sender = normaliseSender(m.channel, m.from);
  // An email with no thread headers starts its own thread.
  const threadKey = m.channel === "email" ? threadKeyFor("email", m.from, m.threadId ?? `<${m.providerMessageId}>`) : threadKeyFor(m.channel, m.from);
  const profile = await findOrCreateProfile(env, m.accountId, {
    email: m.channel === "email" ? sender : null,
    phone: m.channel === "sms" || m.channel === "whatsapp" ? sender : null,
    externalId: m.channel === "instagram" ? `instagram:${sender}` : null,
    name,
  });
  const verdict = spamScore({ text: m.text, from: m.from, channel: m.channel });
  const spam = verdict.spam;
  const init: CreateTicketInput = {
    id: ids.ticketId,
    accountId: m.accountId,
    channel: m.channel,
    customer: {
      profileId: profile?.id,
      email: m.channel === "email" ? sender : (profile?.email ?? undefined),
      phone: m.channel === "sms" || m.channel === "whatsapp" ? sender : (profile?.phone ?? undefined),
      name: name ?? profile?.name ?? undefined,
    },
    subject: m.subject ?? null,
    threadKey,
    // Scanned once, when the ticket starts; an agent can mark it "not spam".
    spam,
    ...(spam ? { spamReason: `Spam score ${verdict.score}: ${verdict.reasons.map((r) => r.replace(/_/g, " ")).join(", ")}` } : {}),
    // The AI agent answers first when it is on for this channel; spam always goes to the team's spam view.
    handledBy: firstResponder(await getSettings(env, m.accountId), m.channel, spam),
  };
  // The message's files are kept for the ticket it lands on (fetched once, however often this runs).
  const messageFor = async (ticketId: string): Promise<CustomerMessageInput> => {
    const { attachments, notes } = await keepInboundMedia(env, { accountId: m.accountId, channel: m.channel, providerMessageId: m.providerMessageId }, ticketId, m.media ?? []);
    return { id: ids.messageId, body: [m.text, ...notes].filter(Boolean).join("\n\n"), ...(attachments.length ? { attachments } : {}) };
  };
  const key = and(eq(channelThreads.accountId, m.accountId), eq(channelThreads.channel, m.channel), eq(channelThreads.threadKey, threadKey));

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = (await d.select({ ticketId: channelThreads.ticketId }).from(channelThreads).where(key).limit(1))[0]?.ticketId ?? null;
    const status = current ? await viaActor(ticketStub(env, m.accountId, current).status()) : null;
    if (current && status === null && current !== ids.ticketId) {
      // Another message is creating that ticket right now; give it a moment.
      await new Promise((r) => setTimeout(r, 25 * (attempt + 1)));
      continue;
    }
    const decision = current && status !== null ? decideAttach(m.channel, status) : "new";
    if (decision !== "new" && current) {
      const res: ReceiveResult = await viaActor(ticketStub(env, m.accountId, current).receive({ message: await messageFor(current) }));
      if (!res.accepted || !res.message) continue;
      // The ticket that took it: a merged ticket passes its customer's messages on to the one it was merged into.
      return record(d, m, { ticketId: res.ticket.id, messageId: res.message.id, created: false, reopened: res.reopened, duplicate: res.duplicate });
    }
    if (current !== ids.ticketId) {
      const now = Date.now();
      const swapped = current
        ? await d.update(channelThreads).set({ ticketId: ids.ticketId, updatedAt: now }).where(and(key, eq(channelThreads.ticketId, current))).run()
        : await d.insert(channelThreads).values({ accountId: m.accountId, channel: m.channel, threadKey, ticketId: ids.ticketId, updatedAt: now }).onConflictDoNothing().run();
      if (swapped.meta.changes !== 1) continue;
    }
    const res: ReceiveResult = await viaActor(ticketStub(env, m.accountId, ids.ticketId).receive({ init, message: await messageFor(ids.ticketId) }));
    if (!res.accepted || !res.message) continue;
    return record(d, m, { ticketId: ids.ticketId, messageId: res.message.id, created: res.created, reopened: false, duplicate: res.duplicate, spam: res.ticket.spam });
  }
  throw new AppError("conflict", "The conversation changed too often while this message arrived; retry");
}

/** Opt-in/opt-out keywords change the sender's SMS consent instead of opening a conversation. */
async function recordConsent(env: Env, m: InboundMessage, action: ConsentAction): Promise<InboundResult> {
  const d = db(env.DB);
  const phone = normaliseSender(m.channel, m.from);
  const profile = await findOrCreateProfile(env, m.accountId, { phone });
  if (profile && action !== "help") {
    await setConsent(env, m.accountId, profile.id, m.channel === "whatsapp" ? "whatsapp" : "sms", action === "opt_out" ? "opted_out" : "opted_in", `keyword:${m.text.trim().toUpperCase()}`);
  }
  const prior = await d
    .insert(inboundReceipts)
    .values({ accountId: m.accountId, channel: m.channel, providerMessageId: m.providerMessageId, ticketId: "", messageId: "", createdTicket: false, createdAt: Date.now() })
    .onConflictDoNothing()
    .run();
  return { ticketId: null, messageId: null, created: false, reopened: false, duplicate: prior.meta.changes === 0, consent: action };
}

async function record(d: ReturnType<typeof db>, m: InboundMessage, r: InboundResult): Promise<InboundResult> {
  await d
    .insert(inboundReceipts)
    .values({ accountId: m.accountId, channel: m.channel, providerMessageId: m.providerMessageId, ticketId: r.ticketId ?? "", messageId: r.messageId ?? "", createdTicket: r.created, reopened: r.reopened, createdAt: Date.now() })
    .onConflictDoNothing();
  return r;
}

