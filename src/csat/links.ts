// The email survey's link: a signed, expiring token naming the account and the ticket, so a click needs no login.
import { tokenSecret } from "../auth/context.ts";
import { signToken, verifyToken } from "../lib/crypto.ts";
import { CSAT_ANSWER_WINDOW_MS } from "./rules.ts";

interface CsatClaims {
  k: "csat";
  acc: string;
  tkt: string;
  exp: number;
}

export async function csatLink(env: Env, origin: string, accountId: string, ticketId: string, now = Date.now()): Promise<string> {
  const token = await signToken(csatSecret(env), { k: "csat", acc: accountId, tkt: ticketId, exp: now + CSAT_ANSWER_WINDOW_MS } satisfies CsatClaims);
  return `${origin}/csat/${token}`;
}

export async function readCsatToken(env: Env, token: string, now = Date.now()): Promise<{ accountId: string; ticketId: string } | null> {
  const c = await verifyToken<CsatClaims>(csatSecret(env), token);
  if (!c || c.k !== "csat" || typeof c.acc !== "string" || typeof c.tkt !== "string" || typeof c.exp !== "number" || c.exp <= now) return null;
  return { accountId: c.acc, ticketId: c.tkt };
}

/** Its own key, derived from the token secret, so a survey token can never pass for a session or visitor token. */
function csatSecret(env: Env): string {
  return `${tokenSecret(env)}:csat-survey`;
}
