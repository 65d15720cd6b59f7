DROP INDEX `ticket_tags_account_tag_idx`;--> statement-breakpoint
ALTER TABLE `ticket_tags` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `ticket_tags_account_tag_updated_idx` ON `ticket_tags` (`account_id`,`tag`,`updated_at`,`ticket_id`);--> statement-breakpoint
DROP INDEX `tickets_account_status_updated_idx`;--> statement-breakpoint
DROP INDEX `tickets_account_assignee_idx`;--> statement-breakpoint
DROP INDEX `tickets_account_updated_idx`;--> statement-breakpoint
CREATE INDEX `tickets_open_replied_idx` ON `tickets` (`account_id`,`last_agent_message_at`,`last_customer_message_at`,`id`) WHERE status = 'open' AND last_agent_message_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_helpdesk_updated_idx` ON `tickets` (`account_id`,`spam`,`updated_at`,`id`,`status`) WHERE handled_by = 'team' AND message_count > 0;--> statement-breakpoint
CREATE INDEX `tickets_helpdesk_assignee_idx` ON `tickets` (`account_id`,`assignee_id`,`spam`,`updated_at`,`id`,`status`) WHERE handled_by = 'team' AND message_count > 0;--> statement-breakpoint
CREATE INDEX `tickets_account_email_idx` ON `tickets` (`account_id`,lower("customer_email"));--> statement-breakpoint
CREATE INDEX `tickets_report_created_idx` ON `tickets` (`account_id`,`created_at`,`status`,`channel`,`assignee_id`,`first_response_at`,`closed_at`,`id`) WHERE handled_by = 'team' AND spam = 0;--> statement-breakpoint
CREATE INDEX `tickets_report_closed_idx` ON `tickets` (`account_id`,`closed_at`) WHERE status = 'closed' AND handled_by = 'team' AND spam = 0;--> statement-breakpoint
-- Written by hand below (drizzle-kit does not model these). ticket_tags.updated_at follows its ticket's
-- updated_at, so ticket_tags_account_tag_updated_idx lists a tag's tickets in the views' keyset order.
UPDATE `ticket_tags` SET `updated_at` = coalesce((SELECT t.updated_at FROM tickets t WHERE t.id = ticket_tags.ticket_id), 0);
--> statement-breakpoint
CREATE TRIGGER `ticket_tags_updated_at_insert` AFTER INSERT ON `ticket_tags` BEGIN
	UPDATE ticket_tags SET updated_at = coalesce((SELECT t.updated_at FROM tickets t WHERE t.id = new.ticket_id), 0)
	WHERE ticket_id = new.ticket_id AND tag = new.tag;
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_tags_updated_at` AFTER UPDATE OF updated_at ON `tickets` WHEN old.updated_at IS NOT new.updated_at BEGIN
	UPDATE ticket_tags SET updated_at = new.updated_at WHERE ticket_id = new.id;
END;
--> statement-breakpoint
-- Ticket search (src/tickets/queries.ts searchHits): words in the customer's name and phone, the subject and the
-- latest message. External-content FTS5 over tickets keyed by its rowid; the triggers keep it in step (an update
-- only when one of these columns really changed: the index write-through upserts every column). Should the
-- rowids ever be renumbered (VACUUM), INSERT INTO tickets_fts(tickets_fts) VALUES('rebuild') restores it.
CREATE VIRTUAL TABLE `tickets_fts` USING fts5(
	customer_name,
	customer_phone,
	subject,
	preview,
	content='tickets',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO tickets_fts(tickets_fts) VALUES('rebuild');
--> statement-breakpoint
CREATE TRIGGER `tickets_fts_insert` AFTER INSERT ON `tickets` BEGIN
	INSERT INTO tickets_fts(rowid, customer_name, customer_phone, subject, preview) VALUES (new.rowid, new.customer_name, new.customer_phone, new.subject, new.preview);
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_fts_delete` AFTER DELETE ON `tickets` BEGIN
	INSERT INTO tickets_fts(tickets_fts, rowid, customer_name, customer_phone, subject, preview) VALUES ('delete', old.rowid, old.customer_name, old.customer_phone, old.subject, old.preview);
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_fts_update` AFTER UPDATE OF customer_name, customer_phone, subject, preview ON `tickets`
WHEN old.customer_name IS NOT new.customer_name OR old.customer_phone IS NOT new.customer_phone OR old.subject IS NOT new.subject OR old.preview IS NOT new.preview BEGIN
	INSERT INTO tickets_fts(tickets_fts, rowid, customer_name, customer_phone, subject, preview) VALUES ('delete', old.rowid, old.customer_name, old.customer_phone, old.subject, old.preview);
	INSERT INTO tickets_fts(rowid, customer_name, customer_phone, subject, preview) VALUES (new.rowid, new.customer_name, new.customer_phone, new.subject, new.preview);
END;
