// A merge inside the two ticket actors (rules in src/tickets/merge.ts). The merged ticket hands over a copy of its
// thread, closes with a pointer to the survivor and passes on what its customer writes later; the survivor takes
// the messages in time order, the tags and the notes. Both keep what they need to undo it within a minute.
import type { ActorStorage } from "../actors/storage.ts";
import { actorError } from "../lib/errors.ts";
import { interleave, recount, UNMERGE_WINDOW_MS } from "./merge.ts";
import type { TicketHost } from "./host.ts";
import type { MessageRecord, TicketState } from "./model.ts";
import { normaliseTags } from "./model.ts";
import type { SearchRewrites } from "./indexSync.ts";
import { searchRowId } from "./searchRows.ts";

const OUT_KEY = "merged_out";
const inKey = (from: string) => `merged_in:${from}`;

interface MergedOut {
  into: string;
  at: number;
  status: TicketState["status"];
  snoozeUntil: number | null;
  closedAt: number | null;
}

export interface MergeSource {
  id: string;
  number: number;
  tags: string[];
  messages: MessageRecord[];
}

export class TicketMerge {
  constructor(
    private readonly host: TicketHost,
    private readonly store: ActorStorage,
    private readonly search: SearchRewrites,
  ) {}

  /** This ticket is merged into `into`: a copy of its thread for the survivor; it closes and points there. */
  out(input: { into: string; intoNumber: number; by: string }, now: number): { source: MergeSource; note: MessageRecord | null } {
    const t = this.host.ticket();
    if (t.mergedInto) throw actorError("conflict", `This ticket is already merged into another`);
    const messages = this.host.thread.all();
    this.store.setJson(OUT_KEY, { into: input.into, at: now, status: t.status, snoozeUntil: t.snoozeUntil, closedAt: t.closedAt } satisfies MergedOut);
    t.mergedInto = input.into;
    t.status = "closed";
    t.snoozeUntil = null;
    t.closedAt = now;
    t.updatedAt = now;
    const note = this.host.append({ author: "system", internal: true, body: `Merged into ticket #${input.intoNumber} by ${input.by}. New messages from the customer go there.` });
    return { source: { id: t.id, number: t.number, tags: [...t.tags], messages }, note };
  }

  /** The survivor takes the merged ticket's thread (interleaved by time) and tags. */
  in(source: MergeSource, by: string, now: number): MessageRecord | null {
    const t = this.host.ticket();
    if (t.mergedInto) throw actorError("conflict", "The ticket to merge into was itself merged into another");
    if (this.store.getJson(inKey(source.id))) throw actorError("conflict", "That ticket is already merged into this one");
    const added = source.tags.filter((x) => !t.tags.some((y) => y.toLowerCase() === x.toLowerCase()));
    this.store.setJson(inKey(source.id), { at: now, addedTags: added });
    this.host.thread.rewrite(interleave(this.host.thread.all(), source.messages, source.id));
    this.search.restartSearch();
    t.tags = normaliseTags([...t.tags, ...added]);
    recount(t, this.host.thread.all());
    t.updatedAt = now;
    const note = this.host.append({ author: "system", internal: true, body: `Ticket #${source.number} was merged into this one by ${by} (${source.messages.length} messages).` });
    return note;
  }

  /** When the merge into `into` happened (null: this ticket is not merged), for the unmerge window. */
  mergedAt(): { into: string; at: number } | null {
    const out = this.store.getJson<MergedOut>(OUT_KEY);
    return out && this.host.ticket().mergedInto ? { into: out.into, at: out.at } : null;
  }

  /** Undo on the survivor: the merged ticket's messages and tags leave again. */
  unIn(sourceId: string, sourceNumber: number, by: string): MessageRecord | null {
    const t = this.host.ticket();
    const record = this.store.getJson<{ at: number; addedTags: string[] }>(inKey(sourceId));
    if (!record) throw actorError("conflict", "That ticket is not merged into this one");
    this.search.purgeSearchRows(this.host.thread.all().filter((m) => m.origin === sourceId).map((m) => searchRowId(t.id, m)));
    this.host.thread.removeOrigin(sourceId);
    const drop = new Set(record.addedTags.map((x) => x.toLowerCase()));
    t.tags = t.tags.filter((x) => !drop.has(x.toLowerCase()));
    recount(t, this.host.thread.all());
    this.store.delete(inKey(sourceId));
    return this.host.append({ author: "system", internal: true, body: `Ticket #${sourceNumber} was unmerged from this one by ${by}.` });
  }

  /** Undo on the merged ticket: back to the status it had, no pointer. */
  unOut(by: string, now: number): MessageRecord | null {
    const t = this.host.ticket();
    const out = this.store.getJson<MergedOut>(OUT_KEY);
    if (!out || !t.mergedInto) throw actorError("conflict", "This ticket is not merged");
    if (now - out.at > UNMERGE_WINDOW_MS) throw actorError("conflict", "A merge can only be undone within a minute");
    t.mergedInto = null;
    t.status = out.status;
    t.snoozeUntil = out.snoozeUntil;
    t.closedAt = out.closedAt;
    t.updatedAt = now;
    this.store.delete(OUT_KEY);
    return this.host.append({ author: "system", internal: true, body: `Unmerged by ${by}.` });
  }
}
