// Settings → Webhooks: subscribe a URL to events (signing secret shown once), each subscription's delivery log, a test send.
import { useEffect, useState } from "preact/hooks";
import { dateTime } from "../format.ts";
import { createWebhook, deleteWebhook, EVENT_LABELS, loadWebhooks, testWebhook, webhookDeliveries, webhooks, type CreatedWebhook, type Webhook, type WebhookDelivery, type WebhookEventType } from "../platform.ts";
import type { FormResult } from "../pages.ts";
import { FieldError, FormStatus, Panel, invalid } from "./form.tsx";
import { SecretOnce } from "./SecretOnce.tsx";
import { t } from "../i18n.ts";

const EVENTS = Object.keys(EVENT_LABELS) as WebhookEventType[];

function NewWebhookForm({ onCreated }: { onCreated: (w: CreatedWebhook) => void }) {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>(["ticket.created", "message.created"]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await createWebhook(url.trim(), EVENTS.filter((x) => events.includes(x)));
    setBusy(false);
    setResult(r.result);
    if (r.created) {
      setUrl("");
      onCreated(r.created);
    }
  };
  return (
    <form class="stack" onSubmit={submit} aria-label={t("settings.webhooks.newWebhook")}>
      <label class="field">
        <span>{t("settings.webhooks.endpointUrl")}</span>
        <input type="url" value={url} placeholder={t("settings.webhooks.httpsExampleComEdgedesk")} onInput={(e) => setUrl(e.currentTarget.value)} {...invalid(result, "url", "hook-url-err")} />
      </label>
      <FieldError result={result} path="url" id="hook-url-err" />
      <fieldset class="choices">
        <legend>{t("settings.webhooks.events")}</legend>
        <div class="checks">
          {EVENTS.map((ev) => (
            <label key={ev} class="check">
              <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents(e.currentTarget.checked ? [...events, ev] : events.filter((x) => x !== ev))} />
              {t(EVENT_LABELS[ev])} <code class="muted small">{ev}</code>
            </label>
          ))}
        </div>
        <FieldError result={result} path="events" id="hook-events-err" />
      </fieldset>
      <div class="form-foot">
        <button class="btn primary" type="submit" disabled={busy}>
          {t("settings.webhooks.addWebhook")}
        </button>
        <FormStatus result={result} fields={["url", "events"]} />
      </div>
    </form>
  );
}

function DeliveryLog({ items }: { items: WebhookDelivery[] | null }) {
  if (!items) return <div class="skeleton" />;
  if (items.length === 0) return <p class="muted small">{t("settings.webhooks.noDeliveriesYet")}</p>;
  return (
    <table class="table deliveries">
      <thead>
        <tr>
          <th>{t("settings.webhooks.when")}</th>
          <th>{t("settings.webhooks.event")}</th>
          <th>{t("settings.webhooks.attempt")}</th>
          <th>{t("settings.webhooks.response")}</th>
          <th>{t("settings.webhooks.time")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} class={d.ok ? "ok" : "failed"}>
            <td>{dateTime(d.at)}</td>
            <td>
              <code>{d.eventType}</code>
            </td>
            <td>{d.attempt}</td>
            <td>{d.ok ? t("settings.webhooks.httpStatus", { status: d.status ?? "" }) : (d.error ?? t("settings.webhooks.failed"))}</td>
            <td>{t("settings.webhooks.durationmsMs", { durationMs: d.durationMs })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WebhookCard({ hook }: { hook: Webhook }) {
  const [log, setLog] = useState<WebhookDelivery[] | null>(null);
  const [open, setOpen] = useState(false);
  const refresh = async () => setLog(await webhookDeliveries(hook).catch(() => []));
  const show = () => {
    setOpen(!open);
    if (!open) void refresh();
  };
  const test = async () => {
    await testWebhook(hook);
    setOpen(true);
    await refresh();
  };
  return (
    <li class="team" data-webhook={hook.url}>
      <div class="integration-head">
        <div class="grow">
          <div class="integration-name">
            <code>{hook.url}</code>
          </div>
          <div class="muted small">{hook.events.join(", ")}</div>
        </div>
        <div class="row-actions">
          <button class="btn small" type="button" onClick={() => void test()}>
            {t("settings.webhooks.sendTest")}
          </button>
          <button class="btn small" type="button" aria-expanded={open} onClick={show}>
            {t("settings.webhooks.deliveries")}
          </button>
          <button class="btn small danger" type="button" aria-label={t("settings.webhooks.deleteWebhookUrl", { url: hook.url })} onClick={() => confirm(t("settings.webhooks.deleteWebhookToUrl", { url: hook.url })) && void deleteWebhook(hook)}>
            {t("settings.webhooks.delete")}
          </button>
        </div>
      </div>
      {open && <DeliveryLog items={log} />}
    </li>
  );
}

export function WebhooksPanel() {
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  useEffect(() => void loadWebhooks(), []);
  return (
    <Panel
      title={t("settings.webhooks.webhooks")}
      id="set-webhooks"
      sub={
        <>
          {t("settings.webhooks.edgedeskPostsEachEvent")}{" "}<code>Edgedesk-Signature</code>{" "}{t("settings.webhooks.headerSeeReadmeWebhooks")}
        </>
      }
    >
      {created && <SecretOnce label={t("settings.webhooks.signingSecretForUrl", { url: created.url })} value={created.secret} onDone={() => setCreated(null)} />}
      <NewWebhookForm onCreated={setCreated} />
      <h3 class="panel-subtitle">{t("settings.webhooks.endpoints")}</h3>
      <ul class="integrations webhooks">
        {webhooks.value?.length === 0 && <li class="muted small">{t("settings.webhooks.noWebhooksYet")}</li>}
        {(webhooks.value ?? []).map((h) => (
          <WebhookCard key={h.id} hook={h} />
        ))}
      </ul>
    </Panel>
  );
}
