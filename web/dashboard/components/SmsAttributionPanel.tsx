// Reports: orders credited to SMS and WhatsApp replies (placed within 24 h of a reply, credited to the latest one).
import type { Report } from "../pages.ts";
import { hrefOf } from "../store.ts";
import { Panel } from "./form.tsx";

export function SmsAttributionPanel({ r }: { r: Report }) {
  const a = r.smsAttribution;
  if (!a) return null;
  const money = (n: number) => (a.currency ? new Intl.NumberFormat(undefined, { style: "currency", currency: a.currency }).format(n) : n.toFixed(2));
  return (
    <Panel title="SMS attribution" id="r-sms" sub={`Orders placed within ${a.windowHours} h of an SMS or WhatsApp reply, credited to the latest reply before them`}>
      <p data-testid="sms-attribution">
        <strong>{a.orders}</strong> {a.orders === 1 ? "order" : "orders"} · <strong>{money(a.revenue)}</strong>
      </p>
      {a.byTicket.length > 0 && (
        <ul class="small">
          {a.byTicket.slice(0, 10).map((h) => (
            <li key={h.orderId}>
              {h.orderName} ({money(h.total)}) after the reply on <a href={hrefOf({ view: "all", ticketId: h.ticketId })}>this conversation</a>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
