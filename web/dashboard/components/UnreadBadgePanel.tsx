// Settings → Assignment: unread badges on or off for the whole account (each agent can still hide them for themselves).
import { useState } from "preact/hooks";
import { canAdmin, saveSection, type FormResult, type Settings } from "../pages.ts";
import { account } from "../store.ts";
import { FormStatus, Panel, Toggle } from "./form.tsx";
import { t } from "../i18n.ts";

export function UnreadBadgePanel({ s }: { s: Settings }) {
  const enabled = s.unreadBadge?.enabled ?? true;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const save = async (on: boolean) => {
    setBusy(true);
    const r = await saveSection("unreadBadge", { enabled: on }, on ? t("settings.unread.unreadBadgesAreOn") : t("settings.unread.unreadBadgesAreOff"));
    if (r.ok && account.value) account.value = { ...account.value, settings: { ...account.value.settings, unreadBadge: { enabled: on } } };
    setResult(r.ok ? null : r);
    setBusy(false);
  };
  return (
    <Panel title={t("settings.unread.unreadBadges")} id="set-unread" sub={t("settings.unread.unreadCountsInSidebar")}>
      <Toggle label={t("settings.unread.unreadBadges")} checked={enabled} disabled={busy || !canAdmin.value} onChange={(on) => void save(on)} hint={enabled ? t("settings.unread.onForEveryone") : t("settings.unread.offForEveryone")} />
      <FormStatus result={result} />
    </Panel>
  );
}
