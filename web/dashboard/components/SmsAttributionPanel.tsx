// Reports: orders credited to SMS and WhatsApp replies (placed within 24 h of a reply, credited to the latest one).
import type { Report } from "../pages.ts";
import { hrefOf } from "../store.ts";
import { Panel } from "./form.tsx";
import { locale, t } from "../i18n.ts";

export function SmsAttributionPanel({ r }: { r: Report }) {
  const a = r.smsAttribution;
  if (!a) return null;
  const money = (n: number) => (a.currency ? new Intl.NumberFormat(locale(), { style: "currency", currency: a.currency }).format(n) : n.toFixed(2));
  return (
    <Panel title={t("settings.smsAttribution.smsAttribution")} id="r-sms" sub={t("settings.smsAttribution.ordersPlacedWithin", { windowHours: a.windowHours })}>
      <p data-testid="sms-attribution">
        <strong>{a.orders}</strong> {a.orders === 1 ? t("settings.smsAttribution.order") : t("settings.smsAttribution.orders")} · <strong>{money(a.revenue)}</strong>
      </p>
      {a.byTicket.length > 0 && (
        <ul class="small">
          {a.byTicket.slice(0, 10).map((h) => (
            <li key={h.orderId}>
              {t("settings.smsAttribution.ordernameMoneyAfterReply", { orderName: h.orderName, money: money(h.total) })}{" "}<a href={hrefOf({ view: "all", ticketId: h.ticketId })}>{t("settings.smsAttribution.thisConversation")}</a>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
