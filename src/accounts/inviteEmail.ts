// Invitation links by email: sent through the account's own email integration (Postmark) when one is connected; without
// one — or when the provider refuses — the admin copies the link from the answer, as before. The link is never logged.
import { integrationKinds } from "../integrations/registry.ts";
import type { FetchFn } from "../integrations/http.ts";
import { createPostmarkSender } from "../integrations/messaging.ts";
import { connectedIntegrations } from "./integrations.ts";

export interface InvitationMail {
  to: string;
  name: string | null;
  role: string;
  accountName: string;
  invitedBy: string;
  url: string;
  expiresAt: string;
}

/** The invitation email's subject and text. Pure. */
export function invitationEmail(m: InvitationMail): { subject: string; body: string } {
  const day = m.expiresAt.slice(0, 10);
  return {
    subject: `${m.invitedBy} invited you to ${m.accountName} on Edgedesk`,
    body: [
      `Hi${m.name ? ` ${m.name}` : ""},`,
      "",
      `${m.invitedBy} invited you to join ${m.accountName} on Edgedesk as ${/^[aeiou]/.test(m.role) ? "an" : "a"} ${m.role}.`,
      `Open this link to choose your name and password (it works once, until ${day}):`,
      m.url,
      "",
      "If you weren't expecting this, ignore this email: nothing happens until the link is opened.",
    ].join("\n"),
  };
}

/** Whether the invitation went out by email: false when no email integration is connected or the provider failed. */
export async function emailInvitation(env: Env, accountId: string, mail: InvitationMail, opts: { fetch?: FetchFn } = {}): Promise<boolean> {
  const postmark = (await connectedIntegrations(env, accountId)).find((c) => c.kind === "postmark");
  const credentials = postmark ? integrationKinds.postmark.credentials.safeParse(postmark.credentials) : null;
  if (!credentials?.success) return false;
  const { subject, body } = invitationEmail(mail);
  try {
    await createPostmarkSender({ ...credentials.data, fetch: opts.fetch }).send({ channel: "email", to: mail.to, subject, body });
    return true;
  } catch (err) {
    console.warn(`invitation: the email integration did not send the invitation (${err instanceof Error ? err.message : String(err)}); the link is shown to copy`);
    return false;
  }
}
