// Handoff to Zendesk or Gorgias with the account's connected adapters, and the check that the chosen platform is connected before the setting is saved.
import { accountProviders } from "../accounts/integrations.ts";
import { isIntegrationError } from "../integrations/errors.ts";
import type { ProvidersForOptions } from "../integrations/registry.ts";
import { AppError } from "../lib/errors.ts";
import { platformLabels, sendToHelpdesk, type HandoffOutcome, type HandoffPlatform, type HandoffRequest, type OutsidePlatform } from "./handoffTicket.ts";

export { handoffClosingMessage, handoffSubject, handoffTicket, platformLabels } from "./handoffTicket.ts";
export type { HandoffOutcome, HandoffPlatform, HandoffRequest, OutsidePlatform } from "./handoffTicket.ts";

function notConnected(platform: OutsidePlatform): AppError {
  return new AppError("conflict", `Connect ${platformLabels[platform]} before handing conversations off to it`, [
    { path: "platform", message: `${platformLabels[platform]} is not connected (PUT /api/integrations/${platform})` },
  ]);
}

/** For PUT /api/settings/handoff: Zendesk and Gorgias must be connected before the shop can choose them (docs/product.md §4). */
export async function assertHandoffConnected(env: Env, accountId: string, platform: HandoffPlatform): Promise<void> {
  if (platform === "builtin") return;
  const providers = await accountProviders(env, accountId);
  if (!providers.helpdesk?.[platform]) throw notConnected(platform);
}

/**
 * Creates the ticket in Zendesk or Gorgias with the full transcript (timestamps), the shopper's email and name and
 * their profile id. Not connected → 409 conflict; the helpdesk refusing or unreachable → 502 bad_gateway.
 */
export async function handoffToPlatform(
  env: Env,
  accountId: string,
  platform: OutsidePlatform,
  request: HandoffRequest,
  opts: ProvidersForOptions = {},
): Promise<HandoffOutcome> {
  // Only Zendesk takes a customer by phone alone (an SMS or WhatsApp conversation that continues by text).
  const byPhone = platform === "zendesk" && !!request.requester.phone && (request.channel === "sms" || request.channel === "whatsapp");
  if (!request.requester.email && !byPhone) throw new AppError("validation_failed", `${platformLabels[platform]} needs the shopper's email address`, [{ path: "requester.email", message: "required" }]);
  const providers = await accountProviders(env, accountId, opts);
  try {
    const outcome = await sendToHelpdesk(providers.helpdesk, platform, request);
    if (!outcome) throw notConnected(platform);
    return outcome;
  } catch (err) {
    if (isIntegrationError(err)) throw new AppError("bad_gateway", `${platformLabels[platform]} did not take the handoff: ${err.message}`);
    throw err;
  }
}
