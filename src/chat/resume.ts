// The follow-up email's resume link (docs/realtime.md "Follow-up email"): a signed, single-use token, valid 7 days,
// that brings a web-chat conversation to another device. It has its own derived key, so it never passes for a
// visitor, session or CSAT token (nor they for it); the ticket actor keeps the ids of the tokens already exchanged.
import { tokenSecret } from "../auth/context.ts";
import { signToken, verifyToken } from "../lib/crypto.ts";
import { actorError, AppError } from "../lib/errors.ts";
import { REOPEN_PARAM, RESUME_PARAM } from "../schemas/chatIds.ts";
import type { TicketHost } from "../tickets/host.ts";
import type { ResumeInput, ResumeResult } from "../tickets/rpc.ts";
import { verifiedShopper } from "./verifiedShopper.ts";

export const RESUME_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const USED = "resume:used:";

interface ResumeClaims {
  kind: "chat_resume";
  acc: string;
  conv: string;
  /** A random id: the actor refuses a second exchange of the same token. */
  jti: string;
  exp: number;
}

export async function issueResumeToken(env: Env, accountId: string, conversationId: string, now = Date.now()): Promise<string> {
  const jti = crypto.randomUUID();
  return signToken(resumeSecret(env), { kind: "chat_resume", acc: accountId, conv: conversationId, jti, exp: now + RESUME_TTL_MS } satisfies ResumeClaims);
}

/** `base` (the page the widget ran on) with the conversation and a fresh resume token: what the follow-up email links to. */
export async function resumeLink(env: Env, base: string, accountId: string, conversationId: string, now = Date.now()): Promise<string> {
  const url = new URL(base);
  url.searchParams.set(REOPEN_PARAM, conversationId);
  url.searchParams.set(RESUME_PARAM, await issueResumeToken(env, accountId, conversationId, now));
  return url.href;
}

/** The token's claims when it is genuine, unexpired and for `conversationId`; 401, or 404 for another conversation's token (as visitor tokens do). */
export async function verifyResumeToken(env: Env, token: string, conversationId: string, now = Date.now()): Promise<ResumeClaims> {
  const c = await verifyToken<ResumeClaims>(resumeSecret(env), token);
  const wellFormed = c && c.kind === "chat_resume" && typeof c.acc === "string" && typeof c.conv === "string" && typeof c.jti === "string" && typeof c.exp === "number";
  if (!c || !wellFormed || c.exp <= now) throw new AppError("unauthorized", "This link is invalid or has expired");
  if (c.conv !== conversationId) throw new AppError("not_found", "conversation not found");
  return c;
}

/** Its own key, derived from the token secret, like the CSAT survey's (src/csat/links.ts). */
function resumeSecret(env: Env): string {
  return `${tokenSecret(env)}:chat-resume`;
}

/**
 * Inside the ticket actor: one exchange per token, never of an erased conversation. A signed-in shopper's conversation
 * lets the AI agent read their orders, so only a page proving the same shopper takes it; a guest's conversation stays
 * a guest's whoever resumes it (the mark is only ever set at the start, src/chat/verifiedShopper.ts).
 */
export function redeemResumeToken(host: TicketHost, input: ResumeInput): ResumeResult {
  const { store } = host;
  const t = host.ticket();
  if (t.accountId !== input.accountId) throw actorError("not_found", "conversation not found");
  if (t.erasedAt) return { refused: "erased", verified: false };
  if (store.get(`${USED}${input.jti}`) !== null) return { refused: "used", verified: false };
  const shopper = verifiedShopper(store);
  const verified = shopper.loggedIn;
  // Before the mark: a shopper told to sign in first can use the same link once signed in.
  if (verified && (!input.externalId || shopper.externalId !== input.externalId)) return { refused: "identity", verified: false };
  // Written before the answer, to the actor's storage: a restart still refuses the token.
  store.set(`${USED}${input.jti}`, String(input.exp));
  return { refused: "", verified };
}
