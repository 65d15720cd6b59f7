// Settings → Agents: who is on the team, their roles and access, and invitations by email with a one-time link.
import { useEffect, useState } from "preact/hooks";
import type { Agent } from "../../api.ts";
import { invitations, invite, loadTeamAccess, setAccess, withdraw } from "../../admin.ts";
import { canAdmin, type FormResult } from "../../pages.ts";
import { agents, me } from "../../store.ts";
import { FieldError, FormStatus, Panel, invalid } from "../form.tsx";
import { Avatar } from "../ui.tsx";
import { locale, t, type MessageKey } from "../../i18n.ts";

const ROLES: Agent["role"][] = ["owner", "admin", "manager", "support"];
const ROLE_LABEL = { owner: "settings.agents.roles.owner", admin: "settings.agents.roles.admin", manager: "settings.agents.roles.manager", support: "settings.agents.roles.support" } as const satisfies Record<Agent["role"], MessageKey>;

function InviteForm() {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Agent["role"]>("support");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const [link, setLink] = useState<{ url: string; emailedTo: string | null } | null>(null);
  return (
    <form
      class="stack invite-form"
      aria-label={t("settings.agents.inviteAgent")}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await invite({ email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) });
        setBusy(false);
        setResult(r);
        if (r.ok && r.url) {
          setLink({ url: r.url, emailedTo: r.emailed ? email.trim() : null });
          setEmail("");
          setName("");
        }
      }}
    >
      <div class="grid-2 tight">
        <label class="field">
          <span>{t("settings.agents.email")}</span>
          <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} {...invalid(result, "email", "invite-email-err")} />
        </label>
        <label class="field">
          <span>{t("settings.agents.nameOptional")}</span>
          <input type="text" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
      </div>
      <FieldError result={result} path="email" id="invite-email-err" />
      <label class="field short">
        <span>{t("settings.agents.role")}</span>
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Agent["role"])}>
          {ROLES.filter((r) => r !== "owner" || me.value?.role === "owner").map((r) => (
            <option value={r} key={r}>
              {t(ROLE_LABEL[r])}
            </option>
          ))}
        </select>
      </label>
      <div class="form-foot">
        <button class="btn primary" type="submit" disabled={busy || !email.trim()}>
          {t("settings.agents.invite")}
        </button>
        <FormStatus result={result} fields={["email", "role"]} />
      </div>
      {link && (
        <div class="banner info" role="status">
          {link.emailedTo ? t("settings.agents.emailedToEmailedtoThrough", { emailedTo: link.emailedTo }) : t("settings.agents.sendThisOneTime")}
          <input class="invite-link" type="text" readOnly value={link.url} aria-label={t("settings.agents.invitationLink")} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </form>
  );
}

function AgentRow({ a }: { a: Agent }) {
  const self = a.id === me.value?.id;
  const mayTouch = canAdmin.value && !self && (a.role !== "owner" || me.value?.role === "owner");
  const active = a.active !== false;
  return (
    <li class={active ? "admin-row" : "admin-row inactive"}>
      <Avatar name={a.name} size={28} online={a.status === "online"} />
      <div class="grow">
        <div class="admin-name">
          {a.name} {self && <span class="muted small">{t("settings.agents.you")}</span>} {!active && <span class="pill st-closed">{t("settings.agents.deactivated")}</span>}
        </div>
        <div class="small muted">{a.email}</div>
      </div>
      <select aria-label={t("settings.agents.roleOfName", { name: a.name })} value={a.role} disabled={!mayTouch} onChange={(e) => void setAccess(a, { role: e.currentTarget.value as Agent["role"] }, t("settings.agents.nameIsNowRole", { name: a.name, role: t(ROLE_LABEL[e.currentTarget.value as Agent["role"]]) }))}>
        {ROLES.filter((r) => r !== "owner" || me.value?.role === "owner" || a.role === "owner").map((r) => (
          <option value={r} key={r}>
            {t(ROLE_LABEL[r])}
          </option>
        ))}
      </select>
      {mayTouch && (
        <button
          class="btn small"
          type="button"
          onClick={() => (active ? confirm(t("settings.agents.deactivateNameTheyAre", { name: a.name })) && void setAccess(a, { active: false }, t("settings.agents.nameDeactivated", { name: a.name })) : void setAccess(a, { active: true }, t("settings.agents.nameReactivated", { name: a.name })))}
        >
          {active ? t("settings.agents.deactivate") : t("settings.agents.reactivate")}
        </button>
      )}
    </li>
  );
}

export function AgentsPanel() {
  useEffect(() => void (canAdmin.value ? loadTeamAccess() : undefined), []);
  return (
    <Panel title={t("settings.agents.agents")} id="set-agents" sub={t("settings.agents.inviteTeammatesByEmail")}>
      <ul class="admin-list">
        {agents.value.map((a) => (
          <AgentRow a={a} key={a.id} />
        ))}
      </ul>
      {canAdmin.value && (
        <>
          <h3 class="sub-head">{t("settings.agents.inviteSomeone")}</h3>
          <InviteForm />
          {invitations.value.length > 0 && (
            <>
              <h3 class="sub-head">{t("settings.agents.waitingToJoin")}</h3>
              <ul class="admin-list">
                {invitations.value.map((i) => (
                  <li class="admin-row" key={i.id}>
                    <div class="grow">
                      <div class="admin-name">{i.name ?? i.email}</div>
                      <div class="small muted">
                        {t("settings.agents.emailRoleUntil", { email: i.email, role: t(ROLE_LABEL[i.role]), date: new Date(i.expiresAt).toLocaleDateString(locale()) })}
                      </div>
                    </div>
                    <button class="btn small ghost" type="button" onClick={() => void withdraw(i)}>
                      {t("settings.agents.withdraw")}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Panel>
  );
}
