// Settings → API keys: create a key with scopes (shown once), list keys by prefix with their last use, revoke.
import { useEffect, useState } from "preact/hooks";
import { dateTime } from "../format.ts";
import { apiKeys, createApiKey, loadApiKeys, revokeApiKey, SCOPE_LABELS, type ApiKeyScope, type CreatedApiKey } from "../platform.ts";
import type { FormResult } from "../pages.ts";
import { FieldError, FormStatus, Panel, invalid } from "./form.tsx";
import { SecretOnce } from "./SecretOnce.tsx";
import { t } from "../i18n.ts";

const SCOPES = Object.keys(SCOPE_LABELS) as ApiKeyScope[];

function NewKeyForm({ onCreated }: { onCreated: (k: CreatedApiKey) => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["tickets:read"]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await createApiKey(name, SCOPES.filter((s) => scopes.includes(s)));
    setBusy(false);
    setResult(r.result);
    if (r.created) {
      setName("");
      onCreated(r.created);
    }
  };
  return (
    <form class="stack" onSubmit={submit} aria-label={t("settings.apiKeys.newApiKey")}>
      <label class="field">
        <span>{t("settings.apiKeys.name")}</span>
        <input type="text" value={name} maxLength={80} placeholder={t("settings.apiKeys.zapierCrmSync")} onInput={(e) => setName(e.currentTarget.value)} {...invalid(result, "name", "key-name-err")} />
      </label>
      <FieldError result={result} path="name" id="key-name-err" />
      <fieldset class="choices">
        <legend>{t("settings.apiKeys.whatItMayDo")}</legend>
        <div class="checks scopes">
          {SCOPES.map((s) => (
            <label key={s} class="check">
              <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(e.currentTarget.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} />
              <code>{s}</code> <span class="muted small">{t(SCOPE_LABELS[s])}</span>
            </label>
          ))}
        </div>
        <FieldError result={result} path="scopes" id="key-scopes-err" />
      </fieldset>
      <div class="form-foot">
        <button class="btn primary" type="submit" disabled={busy}>
          {t("settings.apiKeys.createKey")}
        </button>
        <FormStatus result={result} fields={["name", "scopes"]} />
      </div>
    </form>
  );
}

export function ApiKeysPanel() {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  useEffect(() => void loadApiKeys(), []);
  return (
    <Panel title={t("settings.apiKeys.apiKeys")} id="set-api-keys" sub={<>{t("settings.apiKeys.yourScriptsAndIntegrations")}{" "}<code>Authorization: Bearer &lt;key&gt;</code>{t("settings.apiKeys.limitedToKeyScopes")}</>}>
      {created && <SecretOnce label={t("settings.apiKeys.apiKeyName", { name: created.name })} value={created.key} onDone={() => setCreated(null)} />}
      <NewKeyForm onCreated={setCreated} />
      <h3 class="panel-subtitle">{t("settings.apiKeys.keys")}</h3>
      <ul class="integrations api-keys">
        {apiKeys.value?.length === 0 && <li class="muted small">{t("settings.apiKeys.noApiKeysYet")}</li>}
        {(apiKeys.value ?? []).map((k) => (
          <li key={k.id} class="team" data-key={k.name}>
            <div class="integration-head">
              <div class="grow">
                <div class="integration-name">
                  {k.name} <code class="muted">{k.prefix}…</code>
                </div>
                <div class="muted small">
                  {t("settings.apiKeys.scopesCreated", { scopes: k.scopes.join(", "), date: dateTime(k.createdAt) })}{" "}{k.lastUsedAt ? t("settings.apiKeys.lastUsed", { date: dateTime(k.lastUsedAt) }) : t("settings.apiKeys.neverUsed")}
                </div>
              </div>
              <button class="btn small danger" type="button" aria-label={t("settings.apiKeys.revokeApiKeyName", { name: k.name })} onClick={() => confirm(t("settings.apiKeys.revokeNameScriptsUsing", { name: k.name })) && void revokeApiKey(k)}>
                {t("settings.apiKeys.revoke")}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
