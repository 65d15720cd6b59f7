// A ticket's thread in its actor's SQLite: messages in arrival order (`seq`), found by id for idempotency.
import type { Migration } from "../actors/storage.ts";
import type { StoredAttachment } from "../schemas/files.ts";
import type { Author, Card, Channel } from "../schemas/ticket.ts";
import type { MessageRecord } from "./model.ts";

export const threadSchema: Migration = (sql) => {
  sql.exec(`CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    agent_id TEXT,
    body TEXT NOT NULL,
    cards TEXT,
    internal INTEGER NOT NULL DEFAULT 0,
    channel TEXT NOT NULL,
    created_at INTEGER NOT NULL
  )`);
};

/** Messages brought in by a merge remember the ticket they came from (`origin`), so an unmerge can take them back. */
export const threadOrigin: Migration = (sql) => {
  sql.exec("ALTER TABLE messages ADD COLUMN origin TEXT");
};

/** Files a message carries (ids, names, sniffed types, sizes; the bytes are in R2). */
export const threadAttachments: Migration = (sql) => {
  sql.exec("ALTER TABLE messages ADD COLUMN attachments TEXT");
};

interface MessageRow extends Record<string, SqlStorageValue> {
  seq: number;
  id: string;
  author: string;
  agent_id: string | null;
  body: string;
  cards: string | null;
  attachments: string | null;
  internal: number;
  channel: string;
  created_at: number;
}

/** The columns a message is written with, in the order `toRow` gives them (insert and rewrite share both). */
const COLUMNS = "id, author, agent_id, body, cards, attachments, internal, channel, created_at, origin";
const PLACEHOLDERS = COLUMNS.split(",").map(() => "?").join(", ");

function toRow(m: Omit<MessageRecord, "seq">): SqlStorageValue[] {
  return [
    m.id,
    m.author,
    m.agentId,
    m.body,
    m.cards ? JSON.stringify(m.cards) : null,
    m.attachments?.length ? JSON.stringify(m.attachments) : null,
    m.internal ? 1 : 0,
    m.channel,
    m.createdAt,
    m.origin ?? null,
  ];
}

export class Thread {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
  }

  /** Stores a message; null when its id is already in the thread (then nothing is stored). */
  insert(m: Omit<MessageRecord, "seq">): MessageRecord | null {
    const row = this.sql.exec<{ seq: number }>(`INSERT OR IGNORE INTO messages (${COLUMNS}) VALUES (${PLACEHOLDERS}) RETURNING seq`, ...toRow(m)).toArray()[0];
    return row ? { ...m, seq: row.seq } : null;
  }

  find(id: string): MessageRecord | null {
    const row = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE id = ?", id).toArray()[0];
    return row ? fromRow(row) : null;
  }

  /** Newest first: up to `limit` messages before `beforeSeq` (null = from the newest). */
  newest(opts: { beforeSeq: number | null; limit: number; includeInternal: boolean }): MessageRecord[] {
    const internal = opts.includeInternal ? "" : "AND internal = 0";
    return this.sql
      .exec<MessageRow>(`SELECT * FROM messages WHERE seq < ? ${internal} ORDER BY seq DESC LIMIT ?`, opts.beforeSeq ?? Number.MAX_SAFE_INTEGER, opts.limit)
      .toArray()
      .map(fromRow);
  }

  /** Oldest first: up to `limit` messages after `afterSeq`. */
  after(opts: { afterSeq: number; limit: number; includeInternal: boolean }): MessageRecord[] {
    const internal = opts.includeInternal ? "" : "AND internal = 0";
    return this.sql
      .exec<MessageRow>(`SELECT * FROM messages WHERE seq > ? ${internal} ORDER BY seq ASC LIMIT ?`, opts.afterSeq, opts.limit)
      .toArray()
      .map(fromRow);
  }

  /** Messages whose id starts with `prefix` (the AI agent's replies to one message), oldest first. */
  withIdPrefix(prefix: string): MessageRecord[] {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.sql.exec<MessageRow>("SELECT * FROM messages WHERE id LIKE ? ESCAPE '\\' AND internal = 0 ORDER BY seq ASC", like).toArray().map(fromRow);
  }

  /** The `limit` messages before the one with id `before` (null: the newest), oldest first; null when `before` is not in the thread. */
  pageBefore(before: string | null, limit: number, includeInternal: boolean): { items: MessageRecord[]; nextCursor: string | null } | null {
    let beforeSeq: number | null = null;
    if (before) {
      const anchor = this.find(before);
      if (!anchor) return null;
      beforeSeq = anchor.seq;
    }
    const rows = this.newest({ beforeSeq, limit: limit + 1, includeInternal });
    const page = rows.slice(0, limit);
    const oldest = page[page.length - 1];
    return { items: page.reverse(), nextCursor: rows.length > limit && oldest ? oldest.id : null };
  }

  /** Up to `limit` messages after the one with id `after` (null or unknown: from the start), oldest first. */
  afterId(after: string | null, limit: number, includeInternal: boolean): MessageRecord[] {
    const afterSeq = after ? (this.find(after)?.seq ?? 0) : 0;
    return this.after({ afterSeq, limit, includeInternal });
  }

  /** Every message, oldest first (a merge moves whole threads; tickets hold hundreds of messages, not millions). */
  all(): MessageRecord[] {
    return this.sql.exec<MessageRow>("SELECT * FROM messages ORDER BY seq ASC").toArray().map(fromRow);
  }

  /**
   * Rewrites the thread as `messages` in the given order (a merge interleaves two threads by time). Message ids stay,
   * so cursors and idempotency keys (which look messages up by id) keep working; `seq` is renumbered.
   */
  rewrite(messages: readonly (MessageRecord & { origin?: string | null })[]): void {
    this.sql.exec("DELETE FROM messages");
    for (const m of messages) this.sql.exec(`INSERT INTO messages (${COLUMNS}) VALUES (${PLACEHOLDERS})`, ...toRow(m));
  }

  /** Messages that came in with a merge from `origin` are taken out again (unmerge). */
  removeOrigin(origin: string): number {
    return this.sql.exec("DELETE FROM messages WHERE origin = ?", origin).rowsWritten;
  }

  firstFromCustomer(): MessageRecord | null {
    const row = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE author = 'customer' AND internal = 0 ORDER BY seq LIMIT 1").toArray()[0];
    return row ? fromRow(row) : null;
  }
}

function fromRow(r: MessageRow): MessageRecord {
  return {
    id: r.id,
    seq: r.seq,
    author: r.author as Author,
    agentId: r.agent_id,
    body: r.body,
    cards: r.cards ? (JSON.parse(r.cards) as Card[]) : null,
    attachments: r.attachments ? (JSON.parse(r.attachments) as StoredAttachment[]) : null,
    internal: r.internal === 1,
    channel: r.channel as Channel,
    createdAt: r.created_at,
    origin: (r.origin as string | null | undefined) ?? null,
  };
}
