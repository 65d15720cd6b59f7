// Under a reply sent through a provider: "Not delivered" with the reason when it was blocked or failed, "Sending…" while queued.
import type { Message } from "../api.ts";
import { Icon } from "./ui.tsx";
import { t } from "../i18n.ts";

export function DeliveryStatus({ m }: { m: Message }) {
  const d = m.delivery;
  if (!d || d.status === "sent") return null;
  if (d.status === "queued") return <div class="delivery queued small muted">{t("ticket.delivery.sending")}{d.reason ? t("ticket.delivery.retryingReason", { reason: d.reason }) : ""}</div>;
  return (
    <div class="delivery not-delivered small" role="note">
      <Icon name="alert" size={12} />{" "}{t("ticket.delivery.notDelivered")}{d.reason ? `: ${d.reason}` : ""}
    </div>
  );
}
