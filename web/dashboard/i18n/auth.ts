// English words of the sign-in and invitation screens.
export const auth = {
  "auth.invite.youWereInvitedAs": "You were invited as",
  "auth.invite.withEmail": "with {email}.",
  "auth.invite.yourName": "Your name",
  "auth.invite.choosePassword": "Choose a password",
  "auth.invite.joinAccountnameOnEdgedesk": "Join {accountName} on Edgedesk",
  "auth.invite.joinYourTeamOn": "Join your team on Edgedesk",
  "auth.invite.joining": "Joining…",
  "auth.invite.joinTeam": "Join the team",
  "auth.login.signInToEdgedesk": "Sign in to Edgedesk",
  "auth.login.helpdeskForYourShop": "The helpdesk for your shop's team.",
  "auth.login.email": "Email",
  "auth.login.password": "Password",
  "auth.login.localDemo": "Local demo:",
  "auth.login.signingIn": "Signing in…",
  "auth.login.signIn": "Sign in",
} as const;
