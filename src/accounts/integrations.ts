// The account's connected integrations: validated credentials sealed in D1, listed redacted, and turned into providers for the agent.
import { and, eq } from "drizzle-orm";
import { tokenSecret } from "../auth/context.ts";
import { assertAddressesFree, saveAddresses } from "../channels/addresses.ts";
import { db } from "../db/client.ts";
import { integrations } from "../db/schema/index.ts";
import { isSecretField, redactCredentials } from "../integrations/credentials.ts";
import { integrationKinds, isIntegrationKind, providersFor } from "../integrations/registry.ts";
import type { IntegrationKindName, Providers, ProvidersForOptions, ProviderSlot } from "../integrations/registry.ts";
import { iso } from "../lib/clock.ts";
import { AppError, type ErrorIssue } from "../lib/errors.ts";
import { seal, unseal } from "../lib/secrets.ts";

export interface IntegrationView {
  kind: string;
  label: string;
  provides: string[];
  connected: boolean;
  connectedAt: string | null;
  /** Secrets masked ("••••1a2b"); null when not connected. */
  credentials: Record<string, string | number | boolean> | null;
  /** The credential fields the kind takes, so a form can be built from the list alone. */
  fields: IntegrationField[];
}

export interface IntegrationField {
  name: string;
  required: boolean;
  secret: boolean;
}

export interface ConnectedIntegration {
  kind: IntegrationKindName;
  credentials: Record<string, unknown>;
  connectedAt: number;
}

function sealContext(accountId: string, kind: string): string {
  return `${accountId}:${kind}`;
}

/** Read from the kind's credential schema (a flat z.object), so the registry stays the one source. */
export function credentialFields(kind: IntegrationKindName): IntegrationField[] {
  const shape = integrationKinds[kind].credentials.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  return Object.entries(shape).map(([name, field]) => ({ name, required: !field.safeParse(undefined).success, secret: isSecretField(name) }));
}

function view(kind: IntegrationKindName, connected?: ConnectedIntegration): IntegrationView {
  const def = integrationKinds[kind];
  return {
    kind,
    label: def.label,
    provides: [...def.provides],
    connected: connected !== undefined,
    connectedAt: connected ? (iso(connected.connectedAt) ?? null) : null,
    credentials: connected ? redactCredentials(connected.credentials) : null,
    fields: credentialFields(kind),
  };
}

export function assertKind(kind: string): IntegrationKindName {
  if (!isIntegrationKind(kind)) throw new AppError("not_found", `No integration called ${kind}; use one of ${Object.keys(integrationKinds).join(", ")}`);
  return kind;
}

/** Validates with the kind's credential schema (400 with issues) and stores them sealed; connecting again replaces them. */
export async function connectIntegration(env: Env, accountId: string, kindName: string, raw: unknown, now = Date.now()): Promise<IntegrationView> {
  const kind = assertKind(kindName);
  const parsed = integrationKinds[kind].credentials.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues: ErrorIssue[] = parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
    throw new AppError("validation_failed", `Invalid ${integrationKinds[kind].label} credentials`, issues);
  }
  const credentials = parsed.data as Record<string, unknown>;
  await assertAddressesFree(env, accountId, kind, credentials);
  const sealed = await seal(tokenSecret(env), JSON.stringify(credentials), sealContext(accountId, kind));
  const d = db(env.DB);
  const existing = await d
    .select({ connectedAt: integrations.connectedAt })
    .from(integrations)
    .where(and(eq(integrations.accountId, accountId), eq(integrations.kind, kind)))
    .limit(1);
  const connectedAt = existing[0]?.connectedAt ?? now;
  await d
    .insert(integrations)
    .values({ accountId, kind, credentials: sealed, connectedAt, updatedAt: now })
    .onConflictDoUpdate({ target: [integrations.accountId, integrations.kind], set: { credentials: sealed, updatedAt: now } });
  await saveAddresses(env, accountId, kind, credentials);
  return view(kind, { kind, credentials, connectedAt });
}

export async function disconnectIntegration(env: Env, accountId: string, kindName: string): Promise<void> {
  const kind = assertKind(kindName);
  const res = await db(env.DB)
    .delete(integrations)
    .where(and(eq(integrations.accountId, accountId), eq(integrations.kind, kind)))
    .run();
  if (res.meta.changes === 0) throw new AppError("not_found", `${integrationKinds[kind].label} is not connected`);
  await saveAddresses(env, accountId, kind, null);
}

/** Connected integrations with their credentials opened; rows that no longer open (TOKEN_SECRET rotated) are left out. */
export async function connectedIntegrations(env: Env, accountId: string): Promise<ConnectedIntegration[]> {
  const rows = await db(env.DB).select().from(integrations).where(eq(integrations.accountId, accountId));
  const secret = tokenSecret(env);
  const out: ConnectedIntegration[] = [];
  for (const r of rows) {
    if (!isIntegrationKind(r.kind)) continue;
    const plain = await unseal(secret, r.credentials, sealContext(accountId, r.kind));
    if (plain === null) {
      console.warn(`integration ${r.kind} of ${accountId} could not be opened; reconnect it`);
      continue;
    }
    out.push({ kind: r.kind, credentials: JSON.parse(plain) as Record<string, unknown>, connectedAt: r.connectedAt });
  }
  return out;
}

/** Every kind a shop can connect, with whether it is connected (credentials redacted). */
export async function listIntegrations(env: Env, accountId: string): Promise<IntegrationView[]> {
  const connected = new Map((await connectedIntegrations(env, accountId)).map((c) => [c.kind, c]));
  return (Object.keys(integrationKinds) as IntegrationKindName[]).map((kind) => view(kind, connected.get(kind)));
}

export async function accountProviders(env: Env, accountId: string, opts: ProvidersForOptions = {}): Promise<Providers> {
  return providersFor(await connectedIntegrations(env, accountId), opts);
}

/** The provider slots the connected, valid integrations fill. */
export function slotsOf(providers: Providers): Set<ProviderSlot> {
  const slots = new Set<ProviderSlot>();
  for (const slot of ["orders", "catalog", "returns", "subscriptions", "loyalty", "coupons"] as const) if (providers[slot]) slots.add(slot);
  if (providers.helpdesk?.zendesk || providers.helpdesk?.gorgias) slots.add("helpdesk");
  return slots;
}
