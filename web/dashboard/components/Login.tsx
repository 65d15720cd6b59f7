// The sign-in screen (POST /api/login); the token is kept in localStorage until logout.
import { useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { signIn } from "../store.ts";
import { t } from "../i18n.ts";

export function Login() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isLocal = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t("auth.login.thatEmailAndPassword") : err instanceof ApiError ? err.message : t("auth.login.signInFailed"));
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div class="logo" aria-hidden="true">
          <span class="logo-mark">E</span>
        </div>
        <h1 id="login-title">{t("auth.login.signInToEdgedesk")}</h1>
        <p class="muted">{t("auth.login.helpdeskForYourShop")}</p>
        <label class="field">
          <span>{t("auth.login.email")}</span>
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} autoFocus />
        </label>
        <label class="field">
          <span>{t("auth.login.password")}</span>
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && (
          <div class="form-error" role="alert">
            {error}
          </div>
        )}
        <button class="btn primary block" type="submit" disabled={busy}>
          {busy ? t("auth.login.signingIn") : t("auth.login.signIn")}
        </button>
        {isLocal && (
          <p class="hint">
            {t("auth.login.localDemo")}{" "}<code>demo@edgedesk.dev</code> / <code>demo-password</code>
          </p>
        )}
      </form>
    </main>
  );
}
