// Integrations (docs/api.md "PUT /api/integrations/:kind"): what is connected, and a credentials form built from each kind's fields.
import { useState } from "preact/hooks";
import { dateTime } from "../format.ts";
import { canAdmin, connectIntegration, disconnectIntegration, integrations, type FormResult, type Integration } from "../pages.ts";
import { FieldError, FormStatus, Panel, invalid } from "./form.tsx";
import { t, type MessageKey } from "../i18n.ts";

/** Labels of the credential fields src/integrations/registry.ts defines; a field the dashboard doesn't know yet is spelled out from its name. */
const FIELD_LABEL: Record<string, MessageKey> = {
  shop: "settings.integrations.fields.shop",
  accessToken: "settings.integrations.fields.accessToken",
  apiVersion: "settings.integrations.fields.apiVersion",
  storefrontAccessToken: "settings.integrations.fields.storefrontAccessToken",
  subdomain: "settings.integrations.fields.subdomain",
  email: "settings.integrations.fields.email",
  apiToken: "settings.integrations.fields.apiToken",
  domain: "settings.integrations.fields.domain",
  apiKey: "settings.integrations.fields.apiKey",
  portalUrl: "settings.integrations.fields.portalUrl",
  policySummary: "settings.integrations.fields.policySummary",
  storeUrl: "settings.integrations.fields.storeUrl",
  accountSid: "settings.integrations.fields.accountSid",
  appSecret: "settings.integrations.fields.appSecret",
  authToken: "settings.integrations.fields.authToken",
  fromAddress: "settings.integrations.fields.fromAddress",
  fromName: "settings.integrations.fields.fromName",
  instagramAccountId: "settings.integrations.fields.instagramAccountId",
  messageStream: "settings.integrations.fields.messageStream",
  pageAccessToken: "settings.integrations.fields.pageAccessToken",
  phoneNumber: "settings.integrations.fields.phoneNumber",
  pointsName: "settings.integrations.fields.pointsName",
  programName: "settings.integrations.fields.programName",
  serverToken: "settings.integrations.fields.serverToken",
  verifyToken: "settings.integrations.fields.verifyToken",
  whatsappNumber: "settings.integrations.fields.whatsappNumber",
};
const WORDS: Record<string, string> = { api: "API", url: "URL", sid: "SID", id: "ID", whatsapp: "WhatsApp" };

/** "storefrontAccessToken" → "Storefront access token", "portalUrl" → "Portal URL". */
export function fieldLabel(name: string): string {
  const known = FIELD_LABEL[name];
  if (known) return t(known);
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(" ")
    .map((w) => WORDS[w] ?? w);
  const first = words[0] ?? "";
  words[0] = first === first.toUpperCase() ? first : first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(" ");
}

const SLOT_LABEL: Record<string, MessageKey> = { orders: "settings.integrations.orders", catalog: "settings.integrations.catalog", returns: "settings.integrations.returns", subscriptions: "settings.integrations.subscriptions", loyalty: "settings.integrations.loyalty", coupons: "settings.integrations.coupons", helpdesk: "settings.integrations.handoff" };

function group(i: Integration): "store" | "helpdesk" | "channel" {
  if (i.provides.includes("helpdesk")) return "helpdesk";
  return i.provides.length ? "store" : "channel";
}

const GROUPS = [
  { key: "store", title: "settings.integrations.storeAndAgentData", sub: "settings.integrations.whatAiAgentSkills" },
  { key: "helpdesk", title: "settings.integrations.outsideHelpdesks", sub: "settings.integrations.connectOneToHand" },
  { key: "channel", title: "settings.integrations.channels", sub: "settings.integrations.credentialsSmsWhatsappAnd" },
] as const;

function CredentialsForm({ i, onDone }: { i: Integration; onDone: () => void }) {
  const initial = Object.fromEntries(i.fields.map((f) => [f.name, !f.secret && i.credentials?.[f.name] !== undefined ? String(i.credentials[f.name]) : ""]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
    const r = await connectIntegration(i.kind, body);
    setBusy(false);
    setResult(r);
    if (r.ok) onDone();
  };
  return (
    <form class="stack creds" onSubmit={submit} aria-label={t("settings.integrations.labelCredentials", { label: i.label })}>
      {i.fields.map((f) => {
        const id = `cred-${i.kind}-${f.name}`;
        const props = {
          name: f.name,
          autocomplete: "off",
          spellcheck: false,
          value: values[f.name] ?? "",
          placeholder: f.secret && i.connected ? t("settings.integrations.enterItAgainTo") : undefined,
          onInput: (e: Event) => setValues({ ...values, [f.name]: (e.currentTarget as HTMLInputElement).value }),
          ...invalid(result, f.name, `${id}-err`),
        };
        return (
          <div key={f.name}>
            <label class="field">
              <span>
                {fieldLabel(f.name)}
                {!f.required && <span class="muted">{" "}{t("settings.integrations.optional")}</span>}
              </span>
              {f.secret ? <input type="password" {...props} /> : <input type="text" {...props} />}
            </label>
            <FieldError result={result} path={f.name} id={`${id}-err`} />
          </div>
        );
      })}
      {i.fields.length === 0 && <p class="muted small">{t("settings.integrations.nothingToFillIn")}</p>}
      <div class="form-foot">
        <button class="btn primary" type="submit" disabled={busy}>
          {busy ? t("settings.integrations.connecting") : i.connected ? t("settings.integrations.saveCredentials") : t("settings.integrations.connectLabel", { label: i.label })}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("settings.integrations.cancel")}
        </button>
        <FormStatus result={result} fields={i.fields.map((f) => f.name)} />
      </div>
    </form>
  );
}

function IntegrationCard({ i }: { i: Integration }) {
  const [editing, setEditing] = useState(false);
  const creds = Object.entries(i.credentials ?? {});
  return (
    <li class="integration" data-kind={i.kind}>
      <div class="integration-head">
        <div class="grow">
          <div class="integration-name">
            {i.label}
            {i.connected ? <span class="pill st-open">{t("settings.integrations.connected")}</span> : <span class="pill muted-pill">{t("settings.integrations.notConnected")}</span>}
          </div>
          <div class="muted small">
            {i.provides.length ? i.provides.map((p) => (SLOT_LABEL[p] ? t(SLOT_LABEL[p]) : p)).join(" · ") : t("settings.integrations.channelWebhooks")}
            {i.connectedAt && t("settings.integrations.since", { date: dateTime(i.connectedAt) })}
          </div>
        </div>
        {canAdmin.value && !editing && (
          <div class="row-actions">
            <button class="btn small" type="button" onClick={() => setEditing(true)} aria-label={`${i.connected ? t("settings.integrations.update") : t("settings.integrations.connect")} ${i.label}`}>
              {i.connected ? t("settings.integrations.update") : t("settings.integrations.connect")}
            </button>
            {i.connected && (
              <button class="btn small danger" type="button" aria-label={t("settings.integrations.disconnectLabel", { label: i.label })} onClick={() => confirm(t("settings.integrations.disconnectLabelIts", { label: i.label })) && void disconnectIntegration(i.kind)}>
                {t("settings.integrations.disconnect")}
              </button>
            )}
          </div>
        )}
      </div>
      {i.connected && creds.length > 0 && !editing && (
        <dl class="creds-view">
          {creds.map(([k, v]) => (
            <div key={k}>
              <dt>{fieldLabel(k)}</dt>
              <dd>
                <code>{String(v)}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {editing && <CredentialsForm i={i} onDone={() => setEditing(false)} />}
    </li>
  );
}

export function IntegrationsPanel() {
  const items = integrations.value;
  return (
    <>
      {GROUPS.map((g) => {
        const list = items.filter((i) => group(i) === g.key);
        if (list.length === 0) return null;
        return (
          <Panel key={g.key} title={t(g.title)} sub={t(g.sub)} id={`int-${g.key}`}>
            <ul class="integrations">
              {list.map((i) => (
                <IntegrationCard key={i.kind} i={i} />
              ))}
            </ul>
          </Panel>
        );
      })}
    </>
  );
}
