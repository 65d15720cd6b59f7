// Settings → Widget (owner/admin): how the chat widget looks and where it may run, the identity secret a shop's
// server signs its logged-in shoppers with, the embed snippet and server-side examples, and a live preview.
import { useEffect, useState } from "preact/hooks";
import type { FormResult } from "../pages.ts";
import { loadWidget, rotateIdentitySecret, saveWidget, widget, type WidgetSettings } from "../security.ts";
import { account, toast } from "../store.ts";
import { FieldError, FormStatus, Panel, invalid } from "./form.tsx";
import { locale, t } from "../i18n.ts";
import "./security.css";

// The widget's own English defaults (web/widget/i18n.ts translates them for shoppers): the preview shows what a shop gets.
const DEFAULT_LOOK = { color: "#1f4f46", title: "Chat with us", subtitle: "We typically reply in a few minutes", greeting: "Hi there! Ask us anything about your order, our products or returns." };

function Preview({ color, title, subtitle, greeting, position }: { color: string; title: string; subtitle: string; greeting: string; position: "left" | "right" }) {
  return (
    <figure class={`widget-preview ${position}`} aria-label={t("settings.widget.previewOfChatWidget")} data-testid="widget-preview" style={{ "--accent": color }}>
      <div class="wp-panel">
        <div class="wp-head">
          <strong class="wp-title">{title || DEFAULT_LOOK.title}</strong>
          <span class="wp-sub">{subtitle || DEFAULT_LOOK.subtitle}</span>
        </div>
        <div class="wp-log">
          <p class="wp-bubble">{greeting || DEFAULT_LOOK.greeting}</p>
          <p class="wp-bubble wp-mine">{t("settings.widget.whereIsMyOrder")}</p>
        </div>
      </div>
      <span class="wp-launcher" aria-hidden="true" />
      <figcaption class="muted small">{t("settings.widget.previewLauncherSitsIn", { position })}</figcaption>
    </figure>
  );
}

function LookForm({ w }: { w: WidgetSettings }) {
  const [color, setColor] = useState(w.color ?? DEFAULT_LOOK.color);
  const [title, setTitle] = useState(w.title ?? "");
  const [subtitle, setSubtitle] = useState(w.subtitle ?? "");
  const [greeting, setGreeting] = useState(w.greeting ?? "");
  const [position, setPosition] = useState<"left" | "right">(w.position ?? "right");
  const [origins, setOrigins] = useState(w.allowedOrigins.join("\n"));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const allowedOrigins = origins
      .split(/[\s,]+/)
      .map((o) => o.trim())
      .filter(Boolean);
    setResult(await saveWidget({ color, title: title.trim() || null, subtitle: subtitle.trim() || null, greeting: greeting.trim() || null, position, allowedOrigins }));
    setBusy(false);
  };

  return (
    <div class="grid-2 wide-left">
      <form class="stack" onSubmit={save} aria-label={t("settings.widget.widgetLookAndSites")}>
        <label class="field short">
          <span>{t("settings.widget.colour")}</span>
          <span class="color-row">
            <input type="color" value={color} aria-label={t("settings.widget.widgetColour")} onInput={(e) => setColor(e.currentTarget.value)} />
            <input type="text" value={color} maxLength={7} aria-label={t("settings.widget.widgetColourHex")} onInput={(e) => setColor(e.currentTarget.value)} {...invalid(result, "color", "w-color-err")} />
          </span>
          <FieldError result={result} path="color" id="w-color-err" />
        </label>
        <label class="field">
          <span>{t("settings.widget.title")}</span>
          <input type="text" value={title} maxLength={60} placeholder={DEFAULT_LOOK.title} onInput={(e) => setTitle(e.currentTarget.value)} {...invalid(result, "title", "w-title-err")} />
          <FieldError result={result} path="title" id="w-title-err" />
        </label>
        <label class="field">
          <span>{t("settings.widget.subtitle")}</span>
          <input type="text" value={subtitle} maxLength={120} placeholder={DEFAULT_LOOK.subtitle} onInput={(e) => setSubtitle(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t("settings.widget.greeting")}</span>
          <textarea rows={2} maxLength={500} value={greeting} placeholder={DEFAULT_LOOK.greeting} onInput={(e) => setGreeting(e.currentTarget.value)} {...invalid(result, "greeting", "w-greeting-err")} />
          <FieldError result={result} path="greeting" id="w-greeting-err" />
        </label>
        <fieldset class="choices">
          <legend>{t("settings.widget.position")}</legend>
          <div class="checks">
            {(["right", "left"] as const).map((p) => (
              <label key={p} class="check">
                <input type="radio" name="widget-position" checked={position === p} onChange={() => setPosition(p)} />
                {t(p === "right" ? "settings.widget.bottomRight" : "settings.widget.bottomLeft")}
              </label>
            ))}
          </div>
        </fieldset>
        <label class="field">
          <span>{t("settings.widget.sitesAllowedToEmbed")}</span>
          <textarea rows={3} value={origins} placeholder={t("settings.widget.httpsShopExampleHttps")} aria-describedby="w-origins-hint" onInput={(e) => setOrigins(e.currentTarget.value)} {...invalid(result, "allowedOrigins", "w-origins-err")} />
          <span class="muted small" id="w-origins-hint">
            {t("settings.widget.oneOriginPerLine")}
          </span>
          <FieldError result={result} path="allowedOrigins" id="w-origins-err" />
        </label>
        <div class="form-foot">
          <button class="btn primary" type="submit" disabled={busy}>
            {t("settings.widget.saveWidget")}
          </button>
          <FormStatus result={result} fields={["color", "title", "greeting", "allowedOrigins"]} saved={t("settings.widget.saved")} />
        </div>
      </form>
      <Preview color={/^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_LOOK.color} title={title} subtitle={subtitle} greeting={greeting} position={position} />
    </div>
  );
}

function examples(): { lang: string; code: string }[] {
  return [
    {
      lang: "Node.js",
      code: `import { createHmac } from "node:crypto";\n\nconst identityHash = createHmac("sha256", process.env.EDGEDESK_IDENTITY_SECRET)\n  .update(\`\${customer.id}\\n\${customer.email ?? ""}\`)\n  .digest("hex");`,
    },
    {
      lang: "Python",
      code: `import hashlib, hmac, os\n\nidentity_hash = hmac.new(\n    os.environ["EDGEDESK_IDENTITY_SECRET"].encode(),\n    f"{customer.id}\\n{customer.email or ''}".encode(),\n    hashlib.sha256,\n).hexdigest()`,
    },
    {
      lang: "PHP",
      code: `$identityHash = hash_hmac(\n    'sha256',\n    $customer->id . "\\n" . ($customer->email ?? ''),\n    getenv('EDGEDESK_IDENTITY_SECRET')\n);`,
    },
    {
      lang: "Ruby",
      code: `require "openssl"\n\nidentity_hash = OpenSSL::HMAC.hexdigest(\n  "SHA256",\n  ENV.fetch("EDGEDESK_IDENTITY_SECRET"),\n  "#{customer.id}\\n#{customer.email}"\n)`,
    },
  ];
}

function Code({ label, code }: { label: string; code: string }) {
  const copy = () =>
    void navigator.clipboard?.writeText(code).then(
      () => toast(t("settings.widget.labelCopied", { label })),
      () => toast(t("settings.widget.couldNotCopy"), "error"),
    );
  return (
    <div class="code-block">
      <div class="code-head">
        <span>{label}</span>
        <button type="button" class="link-btn" onClick={copy}>
          {t("settings.widget.copy")}
        </button>
      </div>
      <pre>
        <code>{code}</code>
      </pre>
    </div>
  );
}

function IdentityPanel({ w }: { w: WidgetSettings }) {
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const [lang, setLang] = useState(0);
  const accountId = account.value?.id ?? "YOUR_ACCOUNT_ID";
  const origin = location.origin;
  const snippet = `<script src="${origin}/widget.js" data-account="${accountId}"\n  data-external-id="{{ customer.id }}" data-email="{{ customer.email }}"\n  data-name="{{ customer.name }}" data-identity-hash="{{ identity_hash }}" async></script>`;
  const rotate = async () => {
    if (!confirm(t("settings.widget.rotateIdentitySecretCurrent"))) return;
    setBusy(true);
    const r = await rotateIdentitySecret();
    setResult(r);
    if (r.ok) setShown(true);
    setBusy(false);
  };
  const ex = examples();
  const picked = ex[lang] ?? ex[0]!;
  return (
    <Panel title={t("settings.widget.identityVerification")} id="set-identity" sub={t("settings.widget.signWhoLoggedIn")}>
      <div class="stack">
        <div class="field">
          <span id="w-secret-label">{t("settings.widget.identitySecret")}</span>
          <div class="secret-row">
            <code class="secret" aria-labelledby="w-secret-label" data-testid="identity-secret">
              {shown ? w.identitySecret : "•".repeat(32)}
            </code>
            <button type="button" class="btn" onClick={() => setShown(!shown)} aria-pressed={shown}>
              {shown ? t("settings.widget.hide") : t("settings.widget.reveal")}
            </button>
            <button type="button" class="btn" onClick={() => void navigator.clipboard?.writeText(w.identitySecret).then(() => toast(t("settings.widget.secretCopied")))}>
              {t("settings.widget.copy")}
            </button>
            <button type="button" class="btn" onClick={() => void rotate()} disabled={busy}>
              {t("settings.widget.rotateSecret")}
            </button>
          </div>
          <span class="muted small">
            {t("settings.widget.keepItOnYour")}{" "}{w.previousSecretValidUntil ? t("settings.widget.previousSecretStillWorks", { date: new Date(w.previousSecretValidUntil).toLocaleString(locale()) }) : t("settings.widget.rotatingKeepsOldSecret")}
          </span>
          <FormStatus result={result} saved={t("settings.widget.newSecretReady")} />
        </div>
        <p class="prose">
          {t("settings.widget.identityHashHint")}{" "}<code>{t("settings.widget.externalidNEmail")}</code>{" "}{t("settings.widget.shopperIdInYour")}
        </p>
        <Code label={t("settings.widget.embedSnippet")} code={snippet} />
        <div class="segmented" role="tablist" aria-label={t("settings.widget.serverSideExample")}>
          {ex.map((e, i) => (
            <button key={e.lang} type="button" role="tab" aria-selected={i === lang} class={i === lang ? "seg active" : "seg"} onClick={() => setLang(i)}>
              {e.lang}
            </button>
          ))}
        </div>
        <Code label={t("settings.widget.langComputingIdentityhash", { lang: picked.lang })} code={picked.code} />
      </div>
    </Panel>
  );
}

export function WidgetSettingsPanel() {
  useEffect(() => void loadWidget(), []);
  const { data, loading, error } = widget.value;
  if (!data)
    return (
      <Panel title={t("settings.widget.chatWidget")}>
        {loading && <div class="skeleton tall" />}
        {error && (
          <div class="banner error" role="alert">
            {error}
          </div>
        )}
      </Panel>
    );
  return (
    <>
      <Panel title={t("settings.widget.chatWidget")} id="set-widget" sub={t("settings.widget.howChatLooksOn")}>
        <LookForm w={data} />
      </Panel>
      <IdentityPanel w={data} />
    </>
  );
}
