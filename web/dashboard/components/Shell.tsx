// The signed-in layout: sidebar, ticket list and the open ticket side by side (or a full-width page), plus toasts.
import { ProfilePage } from "./ProfilePage.tsx";
import { ReportsPage } from "./ReportsPage.tsx";
import { SettingsPage } from "./SettingsPage.tsx";
import { Shortcuts } from "./Shortcuts.tsx";
import { Sidebar } from "./Sidebar.tsx";
import { SkillsPage } from "./SkillsPage.tsx";
import { TicketList } from "./TicketList.tsx";
import { TicketPage } from "./TicketPage.tsx";
import { Empty } from "./ui.tsx";
import { currentError, currentLoading, route, toasts } from "../store.ts";
import { t } from "../i18n.ts";

export function Shell() {
  const { ticketId, page } = route.value;
  return (
    <div class={page ? "shell with-page" : ticketId ? "shell with-ticket" : "shell"}>
      <Sidebar />
      {page === "reports" ? (
        <ReportsPage />
      ) : page === "skills" ? (
        <SkillsPage />
      ) : page === "settings" ? (
        <SettingsPage />
      ) : page === "profile" ? (
        <ProfilePage />
      ) : (
        <>
          <TicketList />
          <main class="ticket-pane" aria-label={t("shell.ticket")}>
            {ticketId ? (
              currentError.value ? (
                <Empty title={t("shell.ticketNotAvailable")}>{currentError.value}</Empty>
              ) : (
                <TicketPage loading={currentLoading.value === ticketId} />
              )
            ) : (
              <Empty title={t("shell.noTicketOpen")}>{t("shell.pickTicketFromList")}</Empty>
            )}
          </main>
        </>
      )}
      <Shortcuts />
      <div class="toasts" role="status" aria-live="polite">
        {toasts.value.map((toast) => (
          <div key={toast.id} class={`toast ${toast.kind}`}>
            {toast.text}
          </div>
        ))}
      </div>
    </div>
  );
}
