// Hibernating WebSockets: answering the close handshake the same way in every actor.

/** Closes `ws` quietly (it may be closed already). 1005/1006 are not codes one may send; they become 1000. */
export function closeSocket(ws: WebSocket, code = 1000, reason = ""): void {
  try {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  } catch {
    // already closed
  }
}
