// A customer's data on request (GDPR/CCPA): "Export data" (JSON) and "Erase customer", for owners and admins.
// Mounted in the ticket overview's customer section; a profile page can mount it as well.
import { useState } from "preact/hooks";
import { canAdmin } from "../pages.ts";
import { download, eraseCustomer } from "../platform.ts";
import { t } from "../i18n.ts";

export function CustomerPrivacyActions({ profileId, name, onErased }: { profileId: string; name: string; onErased?: () => void }) {
  const [busy, setBusy] = useState(false);
  if (!canAdmin.value) return null;
  const exportData = async () => {
    setBusy(true);
    await download(`/profiles/${encodeURIComponent(profileId)}/export`, {}, `${profileId}.json`);
    setBusy(false);
  };
  const erase = async () => {
    const typed = prompt(t("ticket.privacy.eraseNameTheirMessages", { name }));
    if (typed?.trim() !== "ERASE") return;
    setBusy(true);
    if (await eraseCustomer(profileId)) onErased?.();
    setBusy(false);
  };
  return (
    <div class="row-actions customer-privacy">
      <button class="btn small" type="button" disabled={busy} onClick={() => void exportData()}>
        {t("ticket.privacy.exportData")}
      </button>
      <button class="btn small danger" type="button" disabled={busy} onClick={() => void erase()}>
        {t("ticket.privacy.eraseCustomer")}
      </button>
    </div>
  );
}
