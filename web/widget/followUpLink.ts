// The follow-up email's link (docs/realtime.md "Follow-up email"): `?edgedesk_chat=<conversation>&edgedesk_resume=<token>`.
// A browser that holds the conversation just opens it; another device (the shopper's phone) exchanges the single-use
// token for it. Either way the token leaves the address bar at once, so history, bookmarks and Referer never keep it.
import type { ConversationCreated } from "../../src/schemas/chat.ts";
import { REOPEN_PARAM, RESUME_PARAM } from "../../src/schemas/chatIds.ts";
import type { ChatClient } from "./client.ts";
import { T } from "./i18n.ts";
import { ApiError, request } from "./transport.ts";

/** Runs once the widget is mounted (it opened itself on REOPEN_PARAM); `notify` shows why the link brought nothing. */
export async function openFollowUpLink(client: ChatClient, notify: (text: string) => void): Promise<void> {
  const url = new URL(location.href);
  const conversationId = url.searchParams.get(REOPEN_PARAM);
  const resumeToken = url.searchParams.get(RESUME_PARAM);
  if (!conversationId || !resumeToken) return;
  url.searchParams.delete(REOPEN_PARAM);
  url.searchParams.delete(RESUME_PARAM);
  try {
    history.replaceState(history.state, "", url.href);
  } catch {
    // a sandboxed frame may not rewrite its address: the token is single-use all the same
  }
  if (client.conversationId === conversationId) return;
  // The page's signed identity goes along: a signed-in shopper's conversation resumes only for them (src/chat/resume.ts).
  const visitor = client.cleanVisitor();
  try {
    const path = `/api/chat/conversations/${encodeURIComponent(conversationId)}/resume`;
    const resumed = await request<ConversationCreated>(client.apiBase, "POST", path, { resumeToken, ...(visitor ? { visitor } : {}) });
    client.reset();
    client.adopt(resumed);
  } catch (err) {
    const signIn = err instanceof ApiError && err.status === 403 && err.issues.some((i) => i.path === "visitor");
    notify(signIn ? T.resumeSignIn : T.resumeFailed);
  }
}
