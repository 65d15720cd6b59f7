// A customer's page: the profile, orders and subscriptions, conversations, the event timeline (filter by metric, saved filters) and merging.
import { useEffect, useState } from "preact/hooks";
import { hrefOf, route } from "../store.ts";
import { customer, deleteFilter, loadCustomer, loadProfileTickets, loadSavedFilters, loadTimeline, mergeInto, profileTickets, saveFilter, savedFilters, timeline, type ProfileEvent } from "../store/profile.ts";
import { OrderCard, ProfileSummary, SubscriptionCard } from "./ProfilePanel.tsx";
import { Empty } from "./ui.tsx";
import { locale, t, type MessageKey } from "../i18n.ts";

const METRIC_LABEL: Record<string, MessageKey> = {
  placed_order: "profile.page.placedOrder",
  fulfilled_order: "profile.page.fulfilment",
  cancelled_order: "profile.page.cancelledOrder",
  edited_order: "profile.page.editedOrder",
  returned_items: "profile.page.return",
  subscription_skipped: "profile.page.subscriptionSkipped",
  subscription_cancelled: "profile.page.subscriptionCancelled",
  subscription_frequency_changed: "profile.page.subscriptionFrequency",
  loyalty_changed: "profile.page.loyalty",
  conversation: "profile.page.conversation",
  clicked_link: "profile.page.clickedLink",
  consent_changed: "profile.page.consent",
  merged_profile: "profile.page.mergedProfile",
};
const metricLabel = (m: string) => (METRIC_LABEL[m] ? t(METRIC_LABEL[m]) : m);

function describe(e: ProfileEvent): string {
  const p = e.properties as Record<string, unknown>;
  const s = (k: string) => (p[k] === undefined || p[k] === null ? "" : String(p[k]));
  switch (e.metric) {
    case "placed_order":
      return `${s("name")} · ${s("total")} ${s("currency")} · ${Array.isArray(p.items) ? p.items.join(", ") : ""}`;
    case "fulfilled_order":
      return `${s("name")} · ${s("carrier")} ${s("trackingNumber")} · ${s("status").replace(/_/g, " ")}`;
    case "cancelled_order":
      return s("name");
    case "edited_order":
      return `${s("orderName")}: ${s("title")} ${s("previousQuantity")} → ${s("quantity")}`;
    case "returned_items":
      return `${s("orderName")} · ${s("state")} · ${Array.isArray(p.items) ? p.items.join(", ") : ""}`;
    case "loyalty_changed":
      return `${t("profile.page.loyaltyPoints", { points: s("points") })}${p.tier ? ` · ${s("tier")}` : ""}${p.previousPoints !== null && p.previousPoints !== undefined ? t("profile.page.loyaltyWas", { previous: s("previousPoints") }) : ""}`;
    case "conversation":
      return `#${s("number")} on ${s("channel")}${p.subject ? ` · ${s("subject")}` : ""}`;
    case "clicked_link":
      return s("url");
    case "consent_changed":
      return `${s("channel")}: ${s("state").replace("_", " ")} (${s("source")})`;
    default:
      return s("productTitle") || s("mergedProfileId");
  }
}

function Timeline({ profileId }: { profileId: string }) {
  const tl = timeline.value?.profileId === profileId ? timeline.value : null;
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const metrics = tl?.metrics ?? [];
  const toggle = (m: string) => void loadTimeline(profileId, { metrics: metrics.includes(m) ? metrics.filter((x) => x !== m) : [...metrics, m] });
  return (
    <section class="panel profile-timeline" aria-label={t("profile.page.timeline")}>
      <h2>{t("profile.page.timeline")}</h2>
      <div class="metric-filter" role="group" aria-label={t("profile.page.filterByMetric")}>
        {(tl?.allMetrics ?? Object.keys(METRIC_LABEL)).map((m) => (
          <label key={m} class="metric-chip">
            <input type="checkbox" checked={!tl?.filterId && metrics.includes(m)} onChange={() => toggle(m)} /> {metricLabel(m)}
          </label>
        ))}
      </div>
      <div class="saved-filters">
        {savedFilters.value.map((f) => (
          <span key={f.id} class={tl?.filterId === f.id ? "tag active" : "tag"}>
            <button class="link" type="button" onClick={() => void loadTimeline(profileId, { filterId: f.id })}>
              {f.name}
            </button>
            <button type="button" aria-label={t("profile.page.deleteFilterName", { name: f.name })} onClick={() => void deleteFilter(f.id)}>
              ×
            </button>
          </span>
        ))}
        {metrics.length > 0 && (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setError(await saveFilter(name.trim(), metrics));
              setName("");
            }}
          >
            <input type="text" placeholder={t("profile.page.saveThisFilterAs")} aria-label={t("profile.page.filterName")} value={name} maxLength={60} onInput={(e) => setName(e.currentTarget.value)} required />
            <button class="btn small" type="submit">
              {t("profile.page.saveFilter")}
            </button>
            {error && <span class="confirm-error">{error}</span>}
          </form>
        )}
        {(metrics.length > 0 || tl?.filterId) && (
          <button class="btn small ghost" type="button" onClick={() => void loadTimeline(profileId)}>
            {t("profile.page.showEverything")}
          </button>
        )}
      </div>
      <ol class="events">
        {(tl?.items ?? []).map((e) => (
          <li key={e.id} class={`event ev-${e.metric}`} data-metric={e.metric}>
            <time dateTime={e.occurredAt}>{new Date(e.occurredAt).toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" })}</time>
            <strong>{metricLabel(e.metric)}</strong>
            <span class="muted">{describe(e)}</span>
          </li>
        ))}
      </ol>
      {tl?.loading && <p class="muted small">{t("profile.page.loading")}</p>}
      {tl && !tl.loading && tl.items.length === 0 && <p class="muted small">{t("profile.page.nothingHere")}</p>}
      {tl?.nextCursor && (
        <button class="btn small" type="button" onClick={() => void loadTimeline(profileId, { more: true })}>
          {t("profile.page.loadOlder")}
        </button>
      )}
    </section>
  );
}

function MergeForm({ profileId }: { profileId: string }) {
  const [other, setOther] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="merge-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!confirm(t("profile.page.mergeProfileOtherInto", { other }))) return;
        setError(await mergeInto(profileId, other.trim()));
      }}
    >
      <input type="text" placeholder={t("profile.page.otherProfileIdProf")} aria-label={t("profile.page.profileToMergeIn")} value={other} onInput={(e) => setOther(e.currentTarget.value)} required />
      <button class="btn small" type="submit">
        {t("profile.page.mergeIntoThisProfile")}
      </button>
      {error && <span class="confirm-error">{error}</span>}
    </form>
  );
}

export function ProfilePage() {
  const profileId = route.value.sub ?? "";
  useEffect(() => {
    if (!profileId) return;
    void loadCustomer(profileId);
    void loadTimeline(profileId);
    void loadSavedFilters();
    void loadProfileTickets(profileId);
  }, [profileId]);
  const c = customer.value?.profileId === profileId ? customer.value : null;
  if (!profileId) return <Empty title={t("profile.page.noProfile")}>{t("profile.page.openCustomerFromTicket")}</Empty>;
  if (!c?.profile) return <main class="page profile-page">{c?.error ? <Empty title={t("profile.page.profileNotAvailable")}>{c.error}</Empty> : <p class="muted">{t("profile.page.loading")}</p>}</main>;
  const p = c.profile;
  return (
    <main class="page profile-page" aria-label={t("profile.page.customerProfile")}>
      <header class="page-head">
        <div class="page-title">
          <h1>{p.name ?? p.email ?? p.phone ?? t("profile.page.anonymousVisitor")}</h1>
          <p class="muted small">
            {[...p.emails, ...p.phones].join(" · ")} {p.mergedProfileIds.length > 0 && t("profile.page.lengthMergedProfile", { length: p.mergedProfileIds.length })}
          </p>
        </div>
      </header>
      <div class="page-body grid-2 wide-left profile-grid">
        <div class="stack">
          <section class="panel">
            <ProfileSummary p={p} />
          </section>
          <section class="panel">
            <h2>{t("profile.page.conversations")}</h2>
            <ul class="profile-tickets">
              {profileTickets.value.map((tl) => (
                <li key={tl.id}>
                  <a href={hrefOf({ view: "all", ticketId: tl.id })}>#{tl.number}</a> <span class="muted small">{tl.channel} · {tl.status}</span> {tl.subject ?? tl.preview ?? ""}
                </li>
              ))}
            </ul>
          </section>
          <section class="panel">
            <h2>{t("profile.page.orders")}</h2>
            <ul class="orders">
              {c.orders.map((o) => (
                <OrderCard key={o.id} profileId={p.id} o={o} />
              ))}
            </ul>
            {c.subscriptions.length > 0 && <h2>{t("profile.page.subscriptions")}</h2>}
            <ul class="subscriptions">
              {c.subscriptions.map((s) => (
                <SubscriptionCard key={s.id} profileId={p.id} s={s} />
              ))}
            </ul>
          </section>
          <section class="panel">
            <h2>{t("profile.page.merge")}</h2>
            <MergeForm profileId={p.id} />
          </section>
        </div>
        <Timeline profileId={p.id} />
      </div>
    </main>
  );
}
