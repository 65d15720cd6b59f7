// The ticket actor's SQLite schema, step by step: version n is reached by running the first n steps (a stored
// ticket upgrades when its actor wakes). Append new steps; never edit or reorder the old ones.
import type { Migration } from "../actors/storage.ts";
import { outboxDeliveryState, outboxRevision, outboxSchema } from "../channels/delivery.ts";
import { webhookOutboxSchema } from "../webhooks/outbox.ts";
import { threadAttachments, threadOrigin, threadSchema } from "./thread.ts";

export const TICKET_ACTOR_MIGRATIONS: readonly Migration[] = [
  (sql) => {
    threadSchema(sql);
    outboxSchema(sql);
  },
  outboxDeliveryState,
  outboxRevision,
  threadOrigin,
  threadAttachments,
  webhookOutboxSchema,
];
