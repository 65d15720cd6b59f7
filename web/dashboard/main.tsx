// Dashboard entry: mounts the app; signed out shows the login screen, signed in the helpdesk.
import { render } from "preact";
import { useEffect } from "preact/hooks";
import { AcceptInvite, inviteToken } from "./components/AcceptInvite.tsx";
import { Login } from "./components/Login.tsx";
import { Shell } from "./components/Shell.tsx";
import { boot, session } from "./store.ts";
import "./styles.css";

function App() {
  const signedIn = session.value !== null;
  useEffect(() => {
    if (signedIn) void boot();
    // Once per page load while signed in; signIn() boots after a fresh login.
  }, []);
  const invite = signedIn ? null : inviteToken(location.hash);
  return signedIn ? <Shell /> : invite ? <AcceptInvite token={invite} /> : <Login />;
}

const root = document.getElementById("app");
if (root) render(<App />, root);
