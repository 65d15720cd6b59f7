// The customer beside the ticket: who they are, consent, segments, predictions, loyalty, and their orders and subscriptions with the changes an agent may make.
import { useEffect, useState } from "preact/hooks";
import { hrefOf } from "../store.ts";
import {
  cancelOrder,
  cancelSubscription,
  customer,
  insertIntoReply,
  loadCustomer,
  setFrequency,
  setLineQuantity,
  skipSubscription,
  type ProfileDetails,
  type ProfileOrder,
  type ProfileSubscription,
} from "../store/profile.ts";
import { Icon } from "./ui.tsx";
import { locale, t } from "../i18n.ts";
import { interval } from "../format.ts";
import "./profile.css";

const money = (n: number, currency: string | null) => (currency ? new Intl.NumberFormat(locale(), { style: "currency", currency }).format(n) : n.toFixed(2));
const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(locale(), { dateStyle: "medium" }) : "—");
/** What the agent tells the shopper about their points: balance, how to redeem, and the link. */
export function redeemText(l: NonNullable<ProfileDetails["loyalty"]>): string {
  // Text for the shopper (inserted into a reply), not the dashboard's own words: it stays as the store wrote it.
  const balance = `You have ${l.points.toLocaleString("en-US")} ${l.pointsName ?? "points"}${l.tier ? ` (${l.tier} tier)` : ""}.`;
  return [balance, l.howToRedeem, l.redeemUrl ? `Redeem here: ${l.redeemUrl}` : ""].filter(Boolean).join(" ");
}

const CONSENT_LABEL = { opted_in: "profile.panel.subscribed", opted_out: "profile.panel.optedOut", unknown: "profile.panel.unknown" } as const;

/** Asks before a change goes to the store; a refusal stays in view with the store's reason. */
export function Confirm({ question, confirmLabel, onConfirm, onClose }: { question: string; confirmLabel: string; onConfirm: () => Promise<string | null>; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="confirm" role="alertdialog" aria-label={question}>
      <p>{question}</p>
      {error && (
        <p class="confirm-error" role="alert">
          {error}
        </p>
      )}
      <div class="confirm-actions">
        <button
          class="btn small primary"
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const refused = await onConfirm();
            setBusy(false);
            if (refused) setError(refused);
            else onClose();
          }}
        >
          {confirmLabel}
        </button>
        <button class="btn small" type="button" onClick={onClose}>
          {t("profile.panel.keepAsIs")}
        </button>
      </div>
    </div>
  );
}

export function ProfileSummary({ p, ticketId }: { p: ProfileDetails; ticketId?: string }) {
  const pr = p.predictions;
  return (
    <>
      <dl class="ov-grid profile-facts">
        <dt>{t("profile.panel.consent")}</dt>
        <dd class="consent">
          {(["sms", "whatsapp", "email"] as const).map((ch) => (
            <span key={ch} class={`pill consent-${p.consent[ch]}`} title={`${ch}: ${t(CONSENT_LABEL[p.consent[ch]])}`}>
              {ch === "sms" ? t("profile.panel.sms") : ch === "whatsapp" ? t("profile.panel.whatsapp") : t("profile.panel.email")}: {t(CONSENT_LABEL[p.consent[ch]])}
            </span>
          ))}
        </dd>
        <dt>{t("profile.panel.segments")}</dt>
        <dd>{p.segments.length ? p.segments.map((s) => <span class="tag" key={s}>{s}</span>) : <span class="muted">{t("profile.panel.none")}</span>}</dd>
        <dt>{t("profile.panel.tickets")}</dt>
        <dd data-testid="ticket-count">{p.ticketCount}</dd>
      </dl>
      <dl class="ov-grid predictions" title={t("profile.panel.methodMethodSeeDocs", { method: pr.method })} aria-label={t("profile.panel.predictions")}>
        <dt>{t("profile.panel.lifetimeValue")}</dt>
        <dd data-testid="ltv">{money(pr.lifetimeValue, pr.currency)}</dd>
        <dt>{t("profile.panel.orders")}</dt>
        <dd>
          {t("profile.panel.ordercountAvgMoney", { orderCount: pr.orderCount, money: money(pr.averageOrderValue, pr.currency) })}
        </dd>
        <dt>{t("profile.panel.churnRisk")}</dt>
        <dd data-testid="churn">{Math.round(pr.churnRisk * 100)}%</dd>
        <dt>{t("profile.panel.nextOrder")}</dt>
        <dd>{pr.expectedNextOrderAt ? t("profile.panel.expectedDay", { day: day(pr.expectedNextOrderAt) }) : "—"}</dd>
      </dl>
      {p.loyalty && (
        <div class="loyalty" aria-label={t("profile.panel.loyalty")}>
          <div>
            <strong>{p.loyalty.points.toLocaleString(locale())}</strong> {p.loyalty.pointsName ?? t("profile.panel.points")}
            {p.loyalty.tier && <span class="pill tier">{p.loyalty.tier}</span>}
          </div>
          <p class="small muted">{p.loyalty.howToRedeem}</p>
          {p.loyalty.redeemUrl && (
            <a class="small" href={p.loyalty.redeemUrl} target="_blank" rel="noreferrer">
              {t("profile.panel.redeemPage")}
            </a>
          )}
          {ticketId && (
            <button class="btn small ghost" type="button" onClick={() => insertIntoReply(ticketId, redeemText(p.loyalty!))}>
              {t("profile.panel.insertInReply")}
            </button>
          )}
        </div>
      )}
    </>
  );
}

function LineEditor({ profileId, o, line, ticketId }: { profileId: string; o: ProfileOrder; line: ProfileOrder["lineItems"][number]; ticketId?: string | undefined }) {
  const [qty, setQty] = useState(line.quantity);
  const [asking, setAsking] = useState(false);
  return (
    <li class="order-line">
      <span>
        {line.quantity} × {line.title}
        {line.variantTitle ? <span class="muted"> ({line.variantTitle})</span> : null}
      </span>
      {o.editable && (
        <span class="line-edit">
          <input type="number" min={0} max={1000} value={qty} aria-label={t("profile.panel.quantityOfTitle", { title: line.title })} onInput={(e) => setQty(Number(e.currentTarget.value))} />
          <button class="btn small" type="button" aria-label={t("profile.panel.updateQuantityOfTitle", { title: line.title })} disabled={qty === line.quantity || !Number.isInteger(qty) || qty < 0} onClick={() => setAsking(true)}>
            {t("profile.panel.update")}
          </button>
        </span>
      )}
      {asking && (
        <Confirm
          question={t("profile.panel.changeTitleOnName", { title: line.title, name: o.name, quantity: line.quantity, qty })}
          confirmLabel={t("profile.panel.yesChangeIt")}
          onConfirm={() => setLineQuantity(profileId, o, line.id, qty, ticketId)}
          onClose={() => setAsking(false)}
        />
      )}
    </li>
  );
}

export function OrderCard({ profileId, o, ticketId }: { profileId: string; o: ProfileOrder; ticketId?: string | undefined }) {
  const [asking, setAsking] = useState(false);
  return (
    <li class="order" data-order-id={o.id}>
      <div class="order-head">
        <strong>{o.name}</strong>
        <span class={`pill order-${o.status}`}>{o.status}</span>
        <span class="small muted">{o.fulfillment.replace("_", " ")}</span>
        <span class="order-total">{money(o.total, o.currency)}</span>
      </div>
      <ul class="order-lines">
        {o.lineItems.map((li) => (
          <LineEditor key={li.id} profileId={profileId} o={o} line={li} ticketId={ticketId} />
        ))}
      </ul>
      {o.tracking && (
        <div class="small">
          {o.tracking.carrier} {o.tracking.url ? <a href={o.tracking.url} target="_blank" rel="noreferrer">{o.tracking.number}</a> : o.tracking.number} · {o.tracking.status.replace(/_/g, " ")}
        </div>
      )}
      {o.editable && !asking && (
        <button class="btn small" type="button" onClick={() => setAsking(true)}>
          {t("profile.panel.cancelOrder")}
        </button>
      )}
      {asking && <Confirm question={t("profile.panel.cancelOrderNameCustomer", { name: o.name })} confirmLabel={t("profile.panel.yesCancelOrder")} onConfirm={() => cancelOrder(profileId, o, ticketId)} onClose={() => setAsking(false)} />}
    </li>
  );
}

type SubAction = "skip" | "cancel" | "frequency" | null;

export function SubscriptionCard({ profileId, s, ticketId }: { profileId: string; s: ProfileSubscription; ticketId?: string | undefined }) {
  const [action, setAction] = useState<SubAction>(null);
  const [every, setEvery] = useState(s.interval.every);
  const [unit, setUnit] = useState(s.interval.unit);
  const active = s.status !== "cancelled";
  return (
    <li class="subscription" data-subscription-id={s.id}>
      <div class="order-head">
        <strong>{s.productTitle}</strong>
        <span class={`pill sub-${s.status}`}>{s.status}</span>
      </div>
      <div class="small muted">
        {t("profile.panel.frequencyNext", { frequency: s.frequency })}{" "}{s.nextChargeAt ? day(s.nextChargeAt) : "—"} · {money(s.price.amount, s.price.currency)}
      </div>
      {active && action === null && (
        <div class="sub-actions">
          {s.status === "active" && (
            <button class="btn small" type="button" onClick={() => setAction("skip")}>
              {t("profile.panel.skipNext")}
            </button>
          )}
          <button class="btn small" type="button" onClick={() => setAction("frequency")}>
            {t("profile.panel.changeFrequency")}
          </button>
          <button class="btn small" type="button" onClick={() => setAction("cancel")}>
            {t("profile.panel.cancel")}
          </button>
        </div>
      )}
      {action === "frequency" && (
        <div class="frequency">
          <label>
            {t("profile.panel.every")}{" "}<input type="number" min={1} max={365} value={every} aria-label={t("profile.panel.every")} onInput={(e) => setEvery(Number(e.currentTarget.value))} />
          </label>
          <select value={unit} aria-label={t("profile.panel.unit")} onChange={(e) => setUnit(e.currentTarget.value as typeof unit)}>
            <option value="day">{t("profile.panel.days")}</option>
            <option value="week">{t("profile.panel.weeks")}</option>
            <option value="month">{t("profile.panel.months")}</option>
          </select>
        </div>
      )}
      {action && (
        <Confirm
          question={
            action === "skip"
              ? s.nextChargeAt ? t("profile.panel.skipChargeOn", { date: day(s.nextChargeAt), productTitle: s.productTitle }) : t("profile.panel.skipNextCharge", { productTitle: s.productTitle })
              : action === "cancel"
                ? t("profile.panel.confirmCancelSubscription", { productTitle: s.productTitle })
                : t("profile.panel.shipEvery", { productTitle: s.productTitle, interval: interval(every, unit) })
          }
          confirmLabel={action === "skip" ? t("profile.panel.yesSkip") : action === "cancel" ? t("profile.panel.yesCancelSubscription") : t("profile.panel.yesChangeIt")}
          onConfirm={() => (action === "skip" ? skipSubscription(profileId, s, ticketId) : action === "cancel" ? cancelSubscription(profileId, s, ticketId) : setFrequency(profileId, s, { every, unit }, ticketId))}
          onClose={() => setAction(null)}
        />
      )}
    </li>
  );
}

/** The panel on the ticket page; actions made here are noted on `ticketId`. */
export function ProfilePanel({ profileId, ticketId }: { profileId: string; ticketId: string }) {
  useEffect(() => {
    void loadCustomer(profileId);
  }, [profileId]);
  const c = customer.value;
  if (!c || c.profileId !== profileId || (!c.profile && c.loading)) return <section class="ov-section profile-panel muted small">{t("profile.panel.loadingCustomer")}</section>;
  if (!c.profile) return <section class="ov-section profile-panel muted small">{c.error ?? t("profile.panel.noCustomerProfile")}</section>;
  return (
    <section class="ov-section profile-panel" aria-label={t("profile.panel.customerProfile")}>
      <h2>
        {t("profile.panel.customer")}
        <a class="small" href={hrefOf({ view: "mine", ticketId: null, page: "profile", sub: profileId })}>
          {t("profile.panel.openProfile")}{" "}<Icon name="user" size={12} />
        </a>
      </h2>
      <ProfileSummary p={c.profile} ticketId={ticketId} />
      <h2>{t("profile.panel.recentOrders")}</h2>
      {c.orders.length === 0 ? (
        <p class="muted small">{t("profile.panel.noOrders")}</p>
      ) : (
        <ul class="orders" aria-label={t("profile.panel.recentOrders")}>
          {c.orders.slice(0, 5).map((o) => (
            <OrderCard key={o.id} profileId={profileId} o={o} ticketId={ticketId} />
          ))}
        </ul>
      )}
      {c.subscriptions.length > 0 && (
        <>
          <h2>{t("profile.panel.subscriptions")}</h2>
          <ul class="subscriptions" aria-label={t("profile.panel.subscriptions")}>
            {c.subscriptions.map((s) => (
              <SubscriptionCard key={s.id} profileId={profileId} s={s} ticketId={ticketId} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
