// Joining a team from an invitation link (#/invite/<token>): who invited you to what, then your name and a password.
import { useEffect, useState } from "preact/hooks";
import { ApiError, type Agent } from "../api.ts";
import { api, startSession } from "../store.ts";
import { t } from "../i18n.ts";

interface Invite {
  email: string;
  name: string | null;
  role: string;
  accountName: string;
}

export function inviteToken(hash: string): string | null {
  return /^#\/invite\/([A-Za-z0-9_-]{16,100})$/.exec(hash)?.[1] ?? null;
}

export function AcceptInvite({ token }: { token: string }) {
  const [invite, setInvite] = useState<Invite | null>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.request<Invite>("GET", `/invitations/${token}`).then(
      (i) => {
        setInvite(i);
        setName(i.name ?? "");
      },
      (err) => setError(err instanceof ApiError ? err.message : t("auth.invite.thisInvitationCouldNot")),
    );
  }, [token]);
  return (
    <main class="login">
      <form
        class="login-card"
        aria-labelledby="invite-title"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const res = await api.request<{ token: string; agent: Agent }>("POST", `/invitations/${token}/accept`, { name: name.trim(), password });
            history.replaceState(null, "", "#/mine");
            await startSession(res);
          } catch (err) {
            setError(err instanceof ApiError ? (err.issues[0]?.message ? `${err.issues[0].path}: ${err.issues[0].message}` : err.message) : t("auth.invite.joiningFailed"));
            setBusy(false);
          }
        }}
      >
        <h1 id="invite-title">{invite ? t("auth.invite.joinAccount", { accountName: invite.accountName }) : t("auth.invite.joinYourTeamOn")}</h1>
        {invite && (
          <p class="muted">
            {t("auth.invite.youWereInvitedAs")}{" "}<strong>{invite.role}</strong>{" "}{t("auth.invite.withEmail", { email: invite.email })}
          </p>
        )}
        <label class="field">
          <span>{t("auth.invite.yourName")}</span>
          <input type="text" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} disabled={!invite} />
        </label>
        <label class="field">
          <span>{t("auth.invite.choosePassword")}</span>
          <input type="password" autocomplete="new-password" required minLength={8} value={password} onInput={(e) => setPassword(e.currentTarget.value)} disabled={!invite} />
        </label>
        {error && (
          <div class="form-error" role="alert">
            {error}
          </div>
        )}
        <button class="btn primary block" type="submit" disabled={busy || !invite}>
          {busy ? t("auth.invite.joining") : t("auth.invite.joinTeam")}
        </button>
      </form>
    </main>
  );
}
