-- The agent workspace (issue 12): list orders by message times, the AI agent's view, and search over every message.
-- Written by hand (drizzle-kit models the indexes and the table, not the FTS5 table or its triggers).
CREATE INDEX `tickets_helpdesk_last_message_idx` ON `tickets` (`account_id`,`spam`,`last_message_at`,`id`,`status`) WHERE handled_by = 'team' AND message_count > 0;--> statement-breakpoint
CREATE INDEX `tickets_ai_view_idx` ON `tickets` (`account_id`,`updated_at`,`id`,`status`) WHERE handled_by = 'ai' AND message_count > 0;--> statement-breakpoint
-- Every message and note of every ticket, for search (src/tickets/search.ts). Written by the ticket actor's index
-- sync (src/tickets/indexSync.ts) once per message, idempotently by message id.
CREATE TABLE `ticket_messages_search` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`body` text NOT NULL,
	`internal` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_search_ticket_idx` ON `ticket_messages_search` (`ticket_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
	body,
	content='ticket_messages_search',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `messages_fts_insert` AFTER INSERT ON `ticket_messages_search` BEGIN
	INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `ticket_messages_search` BEGIN
	INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
--> statement-breakpoint
-- Agents (issue 12): a deactivated agent keeps their history but can no longer sign in; invitations are one-time links.
ALTER TABLE `agents` ADD `deactivated_at` integer;
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);
--> statement-breakpoint
CREATE INDEX `invitations_account_idx` ON `invitations` (`account_id`,`created_at`);
