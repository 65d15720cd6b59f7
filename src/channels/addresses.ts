// Channel addresses (a Twilio number, an Instagram account id) and the account that owns each, so a webhook without
// `?account=` finds its account from the message's recipient.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "../db/client.ts";
import { channelAddresses } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";

export type AddressChannel = "sms" | "whatsapp" | "instagram";

/** The addresses an integration's credentials name; other kinds have none. */
export function addressesOf(kind: string, credentials: Record<string, unknown>): { channel: AddressChannel; address: string }[] {
  const out: { channel: AddressChannel; address: string }[] = [];
  const add = (channel: AddressChannel, value: unknown) => {
    if (typeof value === "string" && value) out.push({ channel, address: value });
  };
  if (kind === "twilio") {
    add("sms", credentials.phoneNumber);
    add("whatsapp", credentials.whatsappNumber);
  }
  if (kind === "instagram") add("instagram", credentials.instagramAccountId);
  return out;
}

function channelsOf(kind: string): AddressChannel[] {
  return kind === "twilio" ? ["sms", "whatsapp"] : kind === "instagram" ? ["instagram"] : [];
}

/** Refuses (409) an address another account already owns, before anything is stored. */
export async function assertAddressesFree(env: Env, accountId: string, kind: string, credentials: Record<string, unknown>): Promise<void> {
  for (const a of addressesOf(kind, credentials)) {
    const owner = await db(env.DB)
      .select({ accountId: channelAddresses.accountId })
      .from(channelAddresses)
      .where(and(eq(channelAddresses.channel, a.channel), eq(channelAddresses.address, a.address)))
      .limit(1);
    if (owner[0] && owner[0].accountId !== accountId) {
      throw new AppError("conflict", `${a.address} is already connected to another Edgedesk account`, [{ path: a.channel === "whatsapp" ? "whatsappNumber" : a.channel === "sms" ? "phoneNumber" : "instagramAccountId", message: "in use by another account" }]);
    }
  }
}

/** Replaces the account's addresses for the integration's channels with what its credentials name now. */
export async function saveAddresses(env: Env, accountId: string, kind: string, credentials: Record<string, unknown> | null): Promise<void> {
  const channels = channelsOf(kind);
  if (channels.length === 0) return;
  const d = db(env.DB);
  const wanted = credentials ? addressesOf(kind, credentials) : [];
  await d.batch([
    d.delete(channelAddresses).where(and(eq(channelAddresses.accountId, accountId), inArray(channelAddresses.channel, channels))),
    ...wanted.map((a) => d.insert(channelAddresses).values({ ...a, accountId }).onConflictDoNothing()),
  ]);
}

/** The account that owns `address` on `channel`, if any. */
export async function accountForAddress(env: Env, channel: AddressChannel, address: string): Promise<string | null> {
  const row = await db(env.DB)
    .select({ accountId: channelAddresses.accountId })
    .from(channelAddresses)
    .where(and(eq(channelAddresses.channel, channel), eq(channelAddresses.address, address)))
    .limit(1);
  return row[0]?.accountId ?? null;
}
