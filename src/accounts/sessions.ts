// Ending sessions reaches their dashboards at once: the account's inbox actor closes the sockets tagged with them.
export async function endSessionSockets(env: Env, accountId: string, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  try {
    await env.INBOX.get(env.INBOX.idFromName(accountId)).endSessions(sessionIds);
  } catch (err) {
    // The sessions are revoked in D1 already: a socket that stays open can no longer authenticate anything new.
    console.error(`account ${accountId}: could not close the sockets of ended sessions`, err);
  }
}
