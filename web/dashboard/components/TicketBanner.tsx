// Above the open ticket's thread: the AI agent handles it (read along, take over), or it sits in Spam (not spam).
import type { Ticket } from "../api.ts";
import { api, patchTicket, toast } from "../store.ts";
import { reportError } from "../store/session.ts";
import { applyTicket } from "../store/ticket.ts";

async function takeOver(t: Ticket): Promise<void> {
  try {
    applyTicket(await api.takeover(t.id));
    toast(`You took over #${t.number} from the AI agent`);
  } catch (err) {
    reportError(err, "Could not take over the conversation");
  }
}

export function TicketBanner({ t }: { t: Ticket }) {
  if (t.handledBy === "ai") {
    return (
      <div class="ticket-banner ai" role="status">
        <span>The AI agent is handling this conversation. Read along, or take over: it stops answering and the shopper hears you joined.</span>
        <button class="btn small primary" type="button" onClick={() => void takeOver(t)}>
          Take over
        </button>
      </div>
    );
  }
  if (t.spam) {
    return (
      <div class="ticket-banner spam" role="status">
        <span>In Spam: the first message looked like spam when it arrived (links, sender, wording), or someone marked it.</span>
        <button class="btn small" type="button" onClick={() => void patchTicket(t.id, { spam: false }, `#${t.number} is not spam`)}>
          Not spam
        </button>
      </div>
    );
  }
  return null;
}

export function SpamButton({ t }: { t: Ticket }) {
  if (t.spam) return null;
  return (
    <button class="btn" type="button" title="Move to Spam" onClick={() => void patchTicket(t.id, { spam: true }, `#${t.number} marked as spam`)}>
      Mark as spam
    </button>
  );
}
